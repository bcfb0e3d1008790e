package no.trondelag.samhandling.app.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One event as a reader sees it in a timeline or under a decision: when it took effect and was recorded, what
 * happened in words, and the decision it rests on (its hjemmel).
 *
 * @param position    the event's place in the ledger
 * @param effectiveOn the date it took effect, or {@code null} when it holds from its recording
 * @param recordedAt  when the ledger recorded it
 * @param label       a short name for what happened, such as "Sluttet seg til samarbeidet"
 * @param description what happened, as a sentence with links
 * @param authority   the decision it rests on, as text with a link to a steering-group decision; empty when none
 * @param concerns    the predecessor it concerns when shown in a successor's timeline, or {@code null}
 */
public record TimelineItem(long position, LocalDate effectiveOn, Instant recordedAt, String label,
                           List<TextPart> description, List<TextPart> authority, String concerns) {

    /**
     * The date to order and show the event by: when it took effect, or else the day it was recorded.
     *
     * @return the date
     */
    public LocalDate date() {
        return effectiveOn != null ? effectiveOn : recordedAt.atZone(NorskFormat.OSLO).toLocalDate();
    }
}
