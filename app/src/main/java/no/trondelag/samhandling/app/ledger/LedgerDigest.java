package no.trondelag.samhandling.app.ledger;

import java.time.Instant;

/**
 * A digest of the ledger for an auditor to keep: the chain hash at the head of the chain. Posted back to
 * {@code /api/ledger/verify} later, it tells whether the events up to its position are still exactly those it
 * covers.
 *
 * @param position the position of the chain's head; 0 before any event is chained
 * @param digest   the chain hash there, 64 lowercase hexadecimal digits
 * @param issuedAt when the digest was issued; not part of what is verified
 */
public record LedgerDigest(long position, String digest, Instant issuedAt) {
}
