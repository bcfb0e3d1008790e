package no.trondelag.samhandling.api.common;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The two times a report is read at: the business date whose state it shows ({@code asOf}, by effective date) and
 * the recording time whose knowledge it uses ({@code knownAt}: only events the ledger had recorded by then).
 *
 * @param asOf    the effective date; never null
 * @param knownAt the recording time, or {@code null} for everything recorded so far
 */
public record ReadPoint(LocalDate asOf, Instant knownAt) {

    /**
     * Whether a fact recorded at the given time counts at this read point.
     *
     * @param recordedAt when the ledger recorded it
     * @return {@code true} when it was known at {@code knownAt}
     */
    public boolean knows(Instant recordedAt) {
        return knownAt == null || !recordedAt.isAfter(knownAt);
    }

    /**
     * Whether a fact with the given effective date has taken effect at this read point.
     *
     * @param effectiveOn the fact's effective date, or {@code null} for a fact that holds from its recording on
     * @return {@code true} when it has taken effect by {@code asOf}
     */
    public boolean inEffect(LocalDate effectiveOn) {
        return effectiveOn == null || !effectiveOn.isAfter(asOf);
    }
}
