package no.trondelag.samhandling.api.governance;

import no.trondelag.samhandling.api.common.ReadPoint;

/**
 * The steering-group decision log at a read point: every decision, its corrections, and what cites it.
 *
 * @param readPoint  when to read
 * @param decisionId one decision only, or {@code null} for all
 */
public record FindDecisions(ReadPoint readPoint, String decisionId) {
}
