-- Counts the appends to the read side's fact log, so that a reader tells whether the log changed from one row,
-- without counting rm_fact (ADR 0024).
ALTER TABLE rm_fact_epoch ADD COLUMN appends BIGINT DEFAULT 0 NOT NULL;
