-- The read side is one projection per read model over tables of its own (ADR 0026), which each projection creates
-- at start; the fact log it replaces is rebuilt from nothing and read by nothing.
DROP TABLE IF EXISTS rm_fact_participant;
DROP TABLE IF EXISTS rm_fact;
DROP TABLE IF EXISTS rm_fact_epoch;
