-- The command side's lookups for set-based rules, written in the same transaction as the events they follow.
CREATE TABLE lookup_id (
    kind VARCHAR(20)  NOT NULL,
    id   VARCHAR(100) NOT NULL,
    CONSTRAINT pk_lookup_id PRIMARY KEY (kind, id)
);

CREATE TABLE lookup_participant (
    participant_id VARCHAR(20) NOT NULL,
    kind           VARCHAR(30) NOT NULL,
    member         BOOLEAN     NOT NULL,
    merged_away    BOOLEAN     NOT NULL,
    CONSTRAINT pk_lookup_participant PRIMARY KEY (participant_id)
);
