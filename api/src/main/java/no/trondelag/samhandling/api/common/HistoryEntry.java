package no.trondelag.samhandling.api.common;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One event as it appears in a timeline or a decision log: where it stands in the ledger, when it was recorded and
 * took effect, who recorded it, on what authority, and the event itself.
 *
 * @param position    the event's global index in the ledger
 * @param recordedAt  when the ledger recorded it
 * @param effectiveOn the business date it took effect, or {@code null} for a fact without one
 * @param type        the event's type, such as {@code CollaborationJoined}
 * @param actor       who sent the command; shown to auditors only, {@code null} otherwise
 * @param authority   the decision it rests on, or {@code null}
 * @param event       the event
 */
public record HistoryEntry(long position, Instant recordedAt, LocalDate effectiveOn, String type, String actor,
                           Authority authority, LedgerEvent event) {

    /**
     * This entry without its actor, for readers who may not see who recorded it.
     *
     * @return the same entry with {@code actor} left out
     */
    public HistoryEntry withoutActor() {
        return new HistoryEntry(position, recordedAt, effectiveOn, type, null, authority, event);
    }
}
