-- The ledger's Merkle tree (ADR 0031): one leaf per link of ledger_chain, in the same order, numbered from 0, and
-- the hash of every complete subtree (level 0: the leaves), from which any root, inclusion or consistency proof is
-- read without rescanning. The keys refuse a second leaf at an index or for an event, so nodes extending the tree
-- at once cannot fork it; the tree is extended in the same transaction as the chain.
CREATE TABLE ledger_tree_leaf (
    leaf_index       BIGINT       NOT NULL,
    position         BIGINT       NOT NULL,
    event_identifier VARCHAR(255) NOT NULL,
    CONSTRAINT pk_ledger_tree_leaf PRIMARY KEY (leaf_index),
    CONSTRAINT uk_ledger_tree_leaf_position UNIQUE (position),
    CONSTRAINT uk_ledger_tree_leaf_event UNIQUE (event_identifier)
);
-- A subtree's key is its level times 2^56 plus its index among the subtrees of that level (level 0: the leaves), so
-- that the few subtrees a proof needs are read with one IN list on the primary key.
CREATE TABLE ledger_tree_node (
    node_key BIGINT NOT NULL,
    hash     BYTEA NOT NULL,
    CONSTRAINT pk_ledger_tree_node PRIMARY KEY (node_key)
);
-- Signed checkpoints of the tree: the C2SP signed note as it was served, and when a time-stamping authority is
-- configured, its RFC 3161 time-stamp token over the note.
CREATE TABLE ledger_checkpoint (
    tree_size       BIGINT        NOT NULL,
    root_hash       VARCHAR(64)   NOT NULL,
    signed_at       VARCHAR(40)   NOT NULL,
    note            VARCHAR(2000) NOT NULL,
    timestamp_token BYTEA,
    CONSTRAINT pk_ledger_checkpoint PRIMARY KEY (tree_size)
);
