-- The ledger's hash chain (ADR 0016): one link per event of domainevententry, in global-index order, over the
-- positions that have settled. A link names the link before it; the unique previous_position keeps two nodes that
-- extend the chain at once from forking it, and the position key from chaining one event twice.
CREATE TABLE ledger_chain (
    position          BIGINT      NOT NULL,
    previous_position BIGINT      NOT NULL,
    event_hash        VARCHAR(64) NOT NULL,
    chain_hash        VARCHAR(64) NOT NULL,
    chained_at        VARCHAR(40) NOT NULL,
    CONSTRAINT pk_ledger_chain PRIMARY KEY (position),
    CONSTRAINT uk_ledger_chain_previous UNIQUE (previous_position),
    CONSTRAINT ck_ledger_chain_order CHECK (previous_position < position)
);
