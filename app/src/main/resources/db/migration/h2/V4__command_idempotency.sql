-- Idempotency keys of accepted commands, written in the same transaction as the events they appended.
CREATE TABLE command_idempotency (
    idempotency_key     VARCHAR(200) NOT NULL,
    request_hash        VARCHAR(64)  NOT NULL,
    target_aggregate_id VARCHAR(255) NOT NULL,
    events              CLOB         NOT NULL,
    recorded_at         VARCHAR(40)  NOT NULL,
    CONSTRAINT pk_command_idempotency PRIMARY KEY (idempotency_key)
);
