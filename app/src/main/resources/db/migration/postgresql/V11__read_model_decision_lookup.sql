-- A fact that cites a steering-group decision takes that decision's meeting date when it is read (ADR 0023), looked
-- up by decision and event type: by decision alone the lookup walks every fact citing a much-cited decision.
CREATE INDEX ix_rm_fact_decision_type ON rm_fact (decision_id, event_type);
