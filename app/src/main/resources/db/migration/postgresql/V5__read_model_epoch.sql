-- Counts how often the read side's fact log was cleared for a replay, so that every node refolds its views.
CREATE TABLE rm_fact_epoch (
    epoch BIGINT NOT NULL
);

INSERT INTO rm_fact_epoch (epoch) VALUES (0);
