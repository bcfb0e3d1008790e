-- How many segments of the processor each node holds, written with its heartbeat, so that every node can say which
-- node holds each projection without reading Axon's token table (ADR 0026).
ALTER TABLE ledger_node ADD COLUMN segments_held INTEGER DEFAULT 0 NOT NULL;
