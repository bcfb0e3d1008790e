package no.trondelag.samhandling.api.common;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What every report says about itself: the read point it answers for, and the ledger position (global index of the
 * last event) the read side had processed when it answered.
 *
 * @param asOf     the effective date the report shows
 * @param knownAt  the recording time it was limited to, or {@code null} for everything recorded
 * @param position the last ledger position the report covers
 */
public record ReportMeta(LocalDate asOf, Instant knownAt, long position) {
}
