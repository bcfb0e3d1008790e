package no.trondelag.samhandling.app.problem;

/**
 * A digest posted for verification names a position beyond the end of the ledger's chain. The ledger issues digests
 * only for positions it has chained, and its chain never shrinks, so such a digest was not issued by this ledger,
 * or the ledger lost the end of its events and its chain.
 */
public class DigestBeyondChainException extends RuntimeException {

    /**
     * Creates the exception.
     *
     * @param position  the digest's position
     * @param chainHead the position at which the chain ends
     */
    public DigestBeyondChainException(long position, long chainHead) {
        super("The digest is for position " + position + ", but the ledger's chain ends at position " + chainHead
                + ". This ledger issues digests only for positions it has chained and never shortens its chain, so "
                + "the digest was not issued by this ledger, or the ledger has lost its events and chain after "
                + "position " + chainHead + ".");
    }
}
