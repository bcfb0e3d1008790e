package no.trondelag.samhandling.verifier;

/**
 * The answer to whether the stored events up to a digest's position are still exactly those it covers.
 *
 * @param valid           whether they are
 * @param position        the digest's position
 * @param firstDifference where they first differ, or {@code null} when valid
 */
public record Verification(boolean valid, long position, Difference firstDifference) {

    /**
     * The events match the digest.
     *
     * @param position the digest's position
     * @return the verification
     */
    public static Verification valid(long position) {
        return new Verification(true, position, null);
    }

    /**
     * The events do not match the digest.
     *
     * @param position        the digest's position
     * @param firstDifference where they first differ
     * @return the verification
     */
    public static Verification invalid(long position, Difference firstDifference) {
        return new Verification(false, position, firstDifference);
    }
}
