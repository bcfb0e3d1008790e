package no.trondelag.samhandling.query.ledger;

import java.time.Instant;
import java.time.LocalDate;
import no.trondelag.samhandling.api.common.Authority;
import no.trondelag.samhandling.api.common.CitesAuthority;
import no.trondelag.samhandling.api.common.HistoryEntry;
import no.trondelag.samhandling.api.common.LedgerEvent;

/**
 * An event as the read side keeps it: its ledger position, when the ledger recorded it, the business date it took
 * effect, who sent the command, and the event itself.
 *
 * @param position    the event's global index
 * @param recordedAt  when the ledger recorded it
 * @param effectiveOn the business date it took effect, or {@code null} when it holds from its recording
 * @param actor       the principal that sent the command
 * @param event       the event
 */
public record LedgerFact(long position, Instant recordedAt, LocalDate effectiveOn, String actor, LedgerEvent event) {

    /**
     * The authority the event cites.
     *
     * @return the authority, or {@code null}
     */
    public Authority authority() {
        return event instanceof CitesAuthority cites ? cites.authority() : null;
    }

    /**
     * This fact as a timeline entry, actor included.
     *
     * @return the entry
     */
    public HistoryEntry toEntry() {
        return new HistoryEntry(position, recordedAt, effectiveOn, event.getClass().getSimpleName(), actor,
                authority(), event);
    }
}
