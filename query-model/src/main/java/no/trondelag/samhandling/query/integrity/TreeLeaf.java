package no.trondelag.samhandling.query.integrity;

import no.trondelag.samhandling.verifier.Hash;

/**
 * A leaf of the ledger's Merkle tree: the event at a position, by its identifier, and its leaf hash.
 *
 * @param position        the event's global index
 * @param eventIdentifier the event's identifier
 * @param hash            its leaf hash ({@link no.trondelag.samhandling.verifier.MerkleHashes#eventLeaf})
 */
public record TreeLeaf(long position, String eventIdentifier, Hash hash) {
}
