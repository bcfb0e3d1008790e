package no.trondelag.samhandling.verifier;

/**
 * One link of the chain: the position of a stored event, that event's hash and the chain hash up to and including
 * it.
 *
 * @param position  the event's global index
 * @param eventHash the event's hash
 * @param chainHash the chain hash at this position
 */
public record ChainLink(long position, Hash eventHash, Hash chainHash) {
}
