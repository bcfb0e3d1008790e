package no.trondelag.samhandling.query.integrity;

/**
 * Where the ledger's Merkle tree ends.
 *
 * @param size         the number of leaves
 * @param lastPosition the position of the last leaf's event, or {@link LedgerChain#ORIGIN} when the tree is empty
 */
public record TreeHead(long size, long lastPosition) {
}
