-- The ledger's nodes that share this database, by the streaming processors they run (ADR 0023): each node writes a
-- heartbeat here for every processor running on it, by its own clock (as Axon's token store does for claims), so
-- that every node knows how many run a processor and claims its fair share of the processor's segments.
CREATE TABLE ledger_node (
    node_id          VARCHAR(255) NOT NULL,
    processing_group VARCHAR(255) NOT NULL,
    last_seen_millis BIGINT       NOT NULL,
    CONSTRAINT pk_ledger_node PRIMARY KEY (node_id, processing_group)
);
