package no.trondelag.samhandling.command.governance;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.LocalDate;
import no.trondelag.samhandling.api.common.LedgerIds;
import no.trondelag.samhandling.api.governance.CorrectSteeringGroupDecision;
import no.trondelag.samhandling.api.governance.RecordSteeringGroupDecision;
import no.trondelag.samhandling.api.governance.SteeringGroupDecisionCorrected;
import no.trondelag.samhandling.api.governance.SteeringGroupDecisionRecorded;
import no.trondelag.samhandling.command.common.BoundedCache;
import no.trondelag.samhandling.command.common.CommandLookups;
import no.trondelag.samhandling.command.common.CommandLookups.IdKind;
import no.trondelag.samhandling.command.common.Rejections;
import no.trondelag.samhandling.command.common.Rule;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A decision of the steering group (rådmannsutvalget). Once recorded it is never changed; a correction is a new
 * event, so the original stays in history.
 */
@Aggregate(cache = BoundedCache.AGGREGATES)
class SteeringGroupDecision {

    @AggregateIdentifier
    private String id;

    SteeringGroupDecision() {
    }

    @CommandHandler
    SteeringGroupDecision(RecordSteeringGroupDecision command, CommandLookups lookups, Clock clock) {
        if (lookups.exists(IdKind.DECISION, command.decisionId())) {
            throw Rejections.conflict(Rule.DECISION_ALREADY_RECORDED,
                    "Decision " + command.decisionId() + " is already recorded");
        }
        LocalDate today = LocalDate.now(clock);
        if (command.meetingDate().isAfter(today)) {
            throw Rejections.conflict(Rule.MEETING_DATE_IN_FUTURE,
                    "Meeting date " + command.meetingDate() + " is after today, " + today);
        }
        apply(new SteeringGroupDecisionRecorded(command.decisionId(), command.meetingDate(), command.caseNumber(),
                command.title(), command.text(), command.points()));
    }

    @CommandHandler
    void handle(CorrectSteeringGroupDecision command) {
        apply(new SteeringGroupDecisionCorrected(command.decisionId(), command.text(), command.points(),
                command.reason()));
    }

    @EventSourcingHandler
    void on(SteeringGroupDecisionRecorded event) {
        id = LedgerIds.decision(event.decisionId());
    }
}
