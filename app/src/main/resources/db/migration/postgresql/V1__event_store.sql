-- Axon's JDBC event storage engine (events and snapshots) and token store, with Axon's default table and column names.
-- The global index is a BIGSERIAL (sequence increment 1) and every binary column is BYTEA, never an oid large object.
CREATE TABLE domainevententry (
    globalIndex         BIGSERIAL NOT NULL,
    aggregateIdentifier VARCHAR(255) NOT NULL,
    sequenceNumber      BIGINT       NOT NULL,
    type                VARCHAR(255),
    eventIdentifier     VARCHAR(255) NOT NULL,
    metaData            BYTEA,
    payload             BYTEA         NOT NULL,
    payloadRevision     VARCHAR(255),
    payloadType         VARCHAR(255) NOT NULL,
    timeStamp           VARCHAR(255) NOT NULL,
    CONSTRAINT pk_domainevententry PRIMARY KEY (globalIndex),
    CONSTRAINT uk_domainevententry_aggregate_sequence UNIQUE (aggregateIdentifier, sequenceNumber),
    CONSTRAINT uk_domainevententry_event UNIQUE (eventIdentifier)
);

CREATE TABLE snapshotevententry (
    aggregateIdentifier VARCHAR(255) NOT NULL,
    sequenceNumber      BIGINT       NOT NULL,
    type                VARCHAR(255) NOT NULL,
    eventIdentifier     VARCHAR(255) NOT NULL,
    metaData            BYTEA,
    payload             BYTEA         NOT NULL,
    payloadRevision     VARCHAR(255),
    payloadType         VARCHAR(255) NOT NULL,
    timeStamp           VARCHAR(255) NOT NULL,
    CONSTRAINT pk_snapshotevententry PRIMARY KEY (aggregateIdentifier, sequenceNumber),
    CONSTRAINT uk_snapshotevententry_event UNIQUE (eventIdentifier)
);

CREATE TABLE tokenentry (
    processorName VARCHAR(255) NOT NULL,
    segment       INTEGER      NOT NULL,
    token         BYTEA,
    tokenType     VARCHAR(255),
    timestamp     VARCHAR(255),
    owner         VARCHAR(255),
    CONSTRAINT pk_tokenentry PRIMARY KEY (processorName, segment)
);
