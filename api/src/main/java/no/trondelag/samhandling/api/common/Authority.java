package no.trondelag.samhandling.api.common;

import java.time.LocalDate;

/**
 * The decision a command rests on: either a steering-group decision already recorded in the ledger
 * ({@code decisionId}), or an external decision named by the deciding body, its case number and date.
 *
 * @param decisionId a recorded steering-group decision, or {@code null} for an external decision
 * @param body       the deciding body of an external decision, for example "Indre Fosen kommunestyre"
 * @param caseNumber the external decision's case number (saksnummer)
 * @param date       the date of the external decision
 */
public record Authority(String decisionId, String body, String caseNumber, LocalDate date) {

    /**
     * The authority of a steering-group decision recorded in the ledger.
     *
     * @param decisionId the decision's identifier
     * @return the authority citing that decision
     */
    public static Authority ofDecision(String decisionId) {
        return new Authority(decisionId, null, null, null);
    }

    /**
     * The authority of a decision made outside the ledger, such as a municipal council's.
     *
     * @param body       the deciding body
     * @param caseNumber its case number
     * @param date       the date of the decision
     * @return the external authority
     */
    public static Authority external(String body, String caseNumber, LocalDate date) {
        return new Authority(null, body, caseNumber, date);
    }

    /**
     * Whether this authority cites a steering-group decision recorded in the ledger.
     *
     * @return {@code true} for a steering-group decision, {@code false} for an external one
     */
    public boolean citesSteeringGroupDecision() {
        return decisionId != null;
    }
}
