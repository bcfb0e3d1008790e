-- The counter of appends becomes the count of facts, kept with every write (a fact replacing the one at its
-- position is not counted again), so that a reader also tells whether a fact arrived below what it folded, without
-- counting rm_fact (ADR 0024).
ALTER TABLE rm_fact_epoch RENAME COLUMN appends TO facts;
UPDATE rm_fact_epoch SET facts = (SELECT COUNT(*) FROM rm_fact);
