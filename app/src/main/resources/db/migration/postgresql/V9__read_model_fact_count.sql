-- Counts the facts in the read side's fact log, kept with every write, so that a reader tells whether the log
-- changed, and whether a fact arrived below what it folded, without counting rm_fact (ADR 0024).
ALTER TABLE rm_fact_epoch ADD COLUMN facts BIGINT DEFAULT 0 NOT NULL;
UPDATE rm_fact_epoch SET facts = (SELECT COUNT(*) FROM rm_fact);
