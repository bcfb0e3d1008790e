package no.trondelag.samhandling.app.problem;

import java.util.Collection;

/**
 * A projection cannot be replayed from this node while other nodes hold some of its segments: a replay resets every
 * segment at once, in one transaction, and rolled back without changing anything.
 */
public class SegmentsHeldElsewhereException extends RuntimeException {

    /**
     * Creates the exception.
     *
     * @param projection the projection
     * @param owners     the nodes holding its segments
     */
    public SegmentsHeldElsewhereException(String projection, Collection<String> owners) {
        super("Projection " + projection + " was not replayed: nodes " + String.join(", ", owners) + " hold some "
                + "of its segments. Pause it on those nodes (POST /api/admin/projections/" + projection
                + "/pause), replay it here, then resume it there (POST .../resume).");
    }
}
