package no.trondelag.samhandling.verifier;

/**
 * Where the stored events first differ from those a digest covers.
 *
 * @param position the position at which the difference shows
 * @param kind     what happened there
 * @param detail   what differs, for people
 */
public record Difference(long position, Kind kind, String detail) {

    /**
     * What happened to the events at a position.
     */
    public enum Kind {
        /** The event at the position is not the one chained there. */
        CHANGED,
        /** An event that was chained is no longer stored. */
        REMOVED,
        /** An event is stored at a position that had settled as empty when the chain passed it. */
        INSERTED,
        /** A chained event is stored, unchanged, at another position. */
        REORDERED
    }
}
