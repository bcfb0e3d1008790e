package no.trondelag.samhandling.query.integrity;

import java.time.Instant;
import no.trondelag.samhandling.verifier.Hash;

/**
 * A signed checkpoint of the ledger's Merkle tree, as kept.
 *
 * @param treeSize       the number of leaves it covers
 * @param rootHash       the root hash of the tree of that size
 * @param signedAt       when it was signed
 * @param note           the signed note, exactly as served
 * @param timestampToken the RFC 3161 time-stamp token over the note (DER), or {@code null} when none was obtained
 */
public record StoredCheckpoint(long treeSize, Hash rootHash, Instant signedAt, String note, byte[] timestampToken) {
}
