-- The read side's own copy of the ledger: one fact per event, indexed by the participants it concerns and the
-- steering-group decision it records or cites. Every report is folded from these tables.
CREATE TABLE rm_fact (
    position           BIGINT       NOT NULL,
    recorded_at_micros BIGINT       NOT NULL,
    effective_on       DATE,
    event_type         VARCHAR(100) NOT NULL,
    payload_type       VARCHAR(255) NOT NULL,
    payload_revision   VARCHAR(20),
    payload            CLOB         NOT NULL,
    actor              VARCHAR(255),
    decision_id        VARCHAR(100),
    CONSTRAINT pk_rm_fact PRIMARY KEY (position)
);

CREATE INDEX ix_rm_fact_decision ON rm_fact (decision_id);

CREATE TABLE rm_fact_participant (
    participant_id VARCHAR(20) NOT NULL,
    position       BIGINT      NOT NULL,
    CONSTRAINT pk_rm_fact_participant PRIMARY KEY (participant_id, position)
);

CREATE INDEX ix_rm_fact_participant_position ON rm_fact_participant (position);
