package no.trondelag.samhandling.verifier;

/**
 * The end of the chain: the position of its last link and that link's chain hash. Before the first event is
 * chained it is position {@link LedgerChain#ORIGIN} with {@link Hash#ZERO}.
 *
 * @param position  the position of the last link
 * @param chainHash its chain hash, the digest of every stored event up to it
 */
public record ChainHead(long position, Hash chainHash) {
}
