-- The positions of an idempotent command's events, once its first answer has found them through the event store's
-- API, so that a retry with the same key answers with them on any event store (ADR 0029).
ALTER TABLE command_idempotency ADD COLUMN positions TEXT;
