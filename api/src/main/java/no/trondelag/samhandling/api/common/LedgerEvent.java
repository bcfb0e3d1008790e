package no.trondelag.samhandling.api.common;

/**
 * A fact the ledger recorded. Events are immutable, carry {@code @Revision}, and their serialized form is part of
 * the contract.
 */
public interface LedgerEvent {
}
