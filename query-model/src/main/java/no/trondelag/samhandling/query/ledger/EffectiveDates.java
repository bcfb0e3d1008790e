package no.trondelag.samhandling.query.ledger;

import java.time.LocalDate;
import java.util.function.Function;
import no.trondelag.samhandling.api.common.Authority;
import no.trondelag.samhandling.api.common.CitesAuthority;
import no.trondelag.samhandling.api.common.LedgerEvent;
import no.trondelag.samhandling.api.goals.DigitalMaturityAssessed;
import no.trondelag.samhandling.api.goals.NationalComponentAdopted;
import no.trondelag.samhandling.api.governance.SteeringGroupDecisionRecorded;
import no.trondelag.samhandling.api.initiative.InitiativeCompleted;
import no.trondelag.samhandling.api.initiative.InitiativeJoined;
import no.trondelag.samhandling.api.initiative.InitiativeLeft;
import no.trondelag.samhandling.api.initiative.InitiativeMilestoneReached;
import no.trondelag.samhandling.api.participation.CollaborationJoined;
import no.trondelag.samhandling.api.participation.CollaborationWithdrawn;
import no.trondelag.samhandling.api.participation.ParticipantMergedInto;
import no.trondelag.samhandling.api.participation.ParticipantMovedToRegion;
import no.trondelag.samhandling.api.participation.ParticipantRegistered;
import no.trondelag.samhandling.api.region.EFagraadEstablished;
import no.trondelag.samhandling.api.region.StrategyGroupRepresentativeAppointed;

/**
 * The business date on which each event takes effect, for as-of reads, as far as the event itself says. An event
 * with a date of its own takes effect then; one without, that rests on an external decision, takes effect on that
 * decision's date. One that rests on a steering-group decision takes effect on that decision's meeting date, which
 * another event holds: each projection keeps the meeting dates it needs ({@code MeetingDates}) and looks it up when
 * it handles the event. The rest (a region registered, an initiative proposed, a decision corrected,
 * enrolments) hold from their recording on and so at every as-of date.
 */
public final class EffectiveDates {

    private EffectiveDates() {
    }

    /**
     * The effective date an event gives itself: its own date, or the date of the external decision it rests on.
     *
     * @param event the event
     * @return the date, or {@code null} when the event holds from its recording or takes the meeting date of the
     *         steering-group decision it cites (see {@link #citedDecision(LedgerEvent)})
     */
    public static LocalDate of(LedgerEvent event) {
        LocalDate own = ownDate(event);
        if (own != null) {
            return own;
        }
        Authority authority = authorityOf(event);
        return authority == null || authority.citesSteeringGroupDecision() ? null : authority.date();
    }

    /**
     * The steering-group decision whose meeting date an event takes effect on, when it has no date of its own.
     *
     * @param event the event
     * @return the decision's id, or {@code null}
     */
    public static String citedDecision(LedgerEvent event) {
        Authority authority = authorityOf(event);
        return ownDate(event) == null && authority != null && authority.citesSteeringGroupDecision()
                ? authority.decisionId() : null;
    }

    /**
     * The effective date of an event, with the meeting date of a steering-group decision it cites looked up, as a
     * projection dates an event when it handles it.
     *
     * @param event         the event
     * @param meetingDateOf the meeting date of a recorded steering-group decision, or {@code null} if not recorded
     * @return the effective date, or {@code null} when the event holds from its recording
     */
    public static LocalDate of(LedgerEvent event, Function<String, LocalDate> meetingDateOf) {
        String decision = citedDecision(event);
        return decision == null ? of(event) : meetingDateOf.apply(decision);
    }

    private static Authority authorityOf(LedgerEvent event) {
        return event instanceof CitesAuthority cites ? cites.authority() : null;
    }

    private static LocalDate ownDate(LedgerEvent event) {
        if (event instanceof ParticipantRegistered e) {
            return e.effectiveDate();
        } else if (event instanceof CollaborationJoined e) {
            return e.effectiveDate();
        } else if (event instanceof CollaborationWithdrawn e) {
            return e.effectiveDate();
        } else if (event instanceof ParticipantMovedToRegion e) {
            return e.effectiveDate();
        } else if (event instanceof ParticipantMergedInto e) {
            return e.effectiveDate();
        } else if (event instanceof EFagraadEstablished e) {
            return e.effectiveDate();
        } else if (event instanceof StrategyGroupRepresentativeAppointed e) {
            return e.effectiveDate();
        } else if (event instanceof SteeringGroupDecisionRecorded e) {
            return e.meetingDate();
        } else if (event instanceof InitiativeJoined e) {
            return e.effectiveDate();
        } else if (event instanceof InitiativeLeft e) {
            return e.effectiveDate();
        } else if (event instanceof InitiativeMilestoneReached e) {
            return e.reachedOn();
        } else if (event instanceof InitiativeCompleted e) {
            return e.effectiveDate();
        } else if (event instanceof DigitalMaturityAssessed e) {
            return e.assessedOn();
        } else if (event instanceof NationalComponentAdopted e) {
            return e.adoptedOn();
        }
        return null;
    }
}
