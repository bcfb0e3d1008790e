-- Axon's JDBC sequenced dead-letter queue, with Axon's default table and column names: events a streaming
-- processor failed to handle wait here, in their sequence, until an operator retries them.
CREATE TABLE deadletterentry (
    deadLetterIdentifier VARCHAR(255)  NOT NULL,
    processingGroup      VARCHAR(255)  NOT NULL,
    sequenceIdentifier   VARCHAR(255)  NOT NULL,
    sequenceIndex        BIGINT        NOT NULL,
    messageType          VARCHAR(255)  NOT NULL,
    eventIdentifier      VARCHAR(255)  NOT NULL,
    timestamp            VARCHAR(255)  NOT NULL,
    payloadType          VARCHAR(255)  NOT NULL,
    payloadRevision      VARCHAR(255),
    payload              BYTEA          NOT NULL,
    metaData             BYTEA,
    type                 VARCHAR(255),
    aggregateIdentifier  VARCHAR(255),
    sequenceNumber       BIGINT,
    tokenType            VARCHAR(255),
    token                BYTEA,
    enqueuedAt           VARCHAR(255)  NOT NULL,
    lastTouched          VARCHAR(255),
    processingStarted    VARCHAR(255),
    causeType            VARCHAR(255),
    causeMessage         VARCHAR(1023),
    diagnostics          BYTEA,
    CONSTRAINT pk_deadletterentry PRIMARY KEY (deadLetterIdentifier),
    CONSTRAINT uk_deadletterentry_sequence UNIQUE (processingGroup, sequenceIdentifier, sequenceIndex)
);

CREATE INDEX ix_deadletterentry_group ON deadletterentry (processingGroup);
CREATE INDEX ix_deadletterentry_sequence ON deadletterentry (processingGroup, sequenceIdentifier);
