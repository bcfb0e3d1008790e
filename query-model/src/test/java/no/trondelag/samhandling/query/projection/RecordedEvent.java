package no.trondelag.samhandling.query.projection;

import java.time.Instant;
import java.time.LocalDate;
import no.trondelag.samhandling.api.common.Authority;
import no.trondelag.samhandling.api.common.CitesAuthority;
import no.trondelag.samhandling.api.common.HistoryEntry;
import no.trondelag.samhandling.api.common.LedgerEvent;

/**
 * An event as a test recorded it into the ledger: its position, its recording time, the effective date it has by
 * the meeting dates of the decisions recorded before it, who recorded it, and the event.
 *
 * @param position    the event's global index
 * @param recordedAt  when the ledger recorded it
 * @param effectiveOn the business date it takes effect, or {@code null} when it holds from its recording
 * @param actor       the principal that sent the command
 * @param event       the event
 */
public record RecordedEvent(long position, Instant recordedAt, LocalDate effectiveOn, String actor,
                            LedgerEvent event) {

    /**
     * The authority the event cites.
     *
     * @return the authority, or {@code null}
     */
    public Authority authority() {
        return event instanceof CitesAuthority cites ? cites.authority() : null;
    }

    /**
     * The event as a timeline entry, as the projections that keep events whole give it.
     *
     * @return the entry
     */
    public HistoryEntry toEntry() {
        return new HistoryEntry(position, recordedAt, effectiveOn, event.getClass().getSimpleName(), actor,
                authority(), event);
    }
}
