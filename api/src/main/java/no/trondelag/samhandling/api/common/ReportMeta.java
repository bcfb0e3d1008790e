package no.trondelag.samhandling.api.common;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What every report says about itself: the read point it answers for, the ledger position (global index of the
 * last event) the read side had processed when it answered, and how many events up to there it had processed. The
 * read side records events in several segments at once, and an event may be committed late into a gap, so an event
 * below the position may still arrive: the count tells two answers at the same position apart.
 *
 * @param asOf     the effective date the report shows
 * @param knownAt  the recording time it was limited to, or {@code null} for everything recorded
 * @param position the last ledger position the report covers
 * @param events   how many events, up to and including the position, the report was folded from (those recorded
 *                 by {@code knownAt}, whether or not in effect at {@code asOf})
 */
public record ReportMeta(LocalDate asOf, Instant knownAt, long position, long events) {
}
