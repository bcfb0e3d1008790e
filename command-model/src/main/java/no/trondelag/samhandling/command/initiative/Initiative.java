package no.trondelag.samhandling.command.initiative;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.HashSet;
import java.util.Set;
import no.trondelag.samhandling.api.common.LedgerIds;
import no.trondelag.samhandling.api.common.Money;
import no.trondelag.samhandling.api.initiative.ApproveInitiative;
import no.trondelag.samhandling.api.initiative.CancelInitiative;
import no.trondelag.samhandling.api.initiative.CompleteInitiative;
import no.trondelag.samhandling.api.initiative.InitiativeApproved;
import no.trondelag.samhandling.api.initiative.InitiativeCancelled;
import no.trondelag.samhandling.api.initiative.InitiativeCompleted;
import no.trondelag.samhandling.api.initiative.InitiativeJoined;
import no.trondelag.samhandling.api.initiative.InitiativeLeft;
import no.trondelag.samhandling.api.initiative.InitiativeMilestoneReached;
import no.trondelag.samhandling.api.initiative.InitiativeProposed;
import no.trondelag.samhandling.api.initiative.JoinInitiative;
import no.trondelag.samhandling.api.initiative.LeaveInitiative;
import no.trondelag.samhandling.api.initiative.ProposeInitiative;
import no.trondelag.samhandling.api.initiative.RecordInitiativeMilestone;
import no.trondelag.samhandling.command.common.BoundedCache;
import no.trondelag.samhandling.command.common.CommandLookups;
import no.trondelag.samhandling.command.common.CommandLookups.IdKind;
import no.trondelag.samhandling.command.common.Rejections;
import no.trondelag.samhandling.command.common.Rule;
import no.trondelag.samhandling.command.snapshotting.Snapshots;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A joint initiative (felles satsing): proposed, approved by a steering-group decision, joined by members, moved
 * forward by milestones, and finally completed or cancelled. Members join and leave for years, so it is loaded from
 * a snapshot; the revision is that of the snapshot's form, to be raised whenever the fields change, so that older
 * snapshots are passed over.
 */
@Aggregate(snapshotTriggerDefinition = Snapshots.TRIGGER, cache = BoundedCache.AGGREGATES)
@Revision("1")
class Initiative {

    private enum Status {
        PROPOSED, APPROVED, COMPLETED, CANCELLED
    }

    @AggregateIdentifier
    private String id;
    private String initiativeId;
    private Status status;
    private int lastProgressPercent;
    private final Set<String> participants = new HashSet<>();

    Initiative() {
    }

    @CommandHandler
    Initiative(ProposeInitiative command, CommandLookups lookups) {
        if (lookups.exists(IdKind.INITIATIVE, command.initiativeId())) {
            throw Rejections.conflict(Rule.INITIATIVE_ALREADY_PROPOSED,
                    "Initiative " + command.initiativeId() + " is already proposed");
        }
        apply(new InitiativeProposed(command.initiativeId(), command.title(), command.description(),
                command.pillar(), command.goals(), command.proposedBy()));
    }

    @CommandHandler
    void handle(ApproveInitiative command, CommandLookups lookups) {
        if (status != Status.PROPOSED) {
            throw Rejections.conflict(Rule.INITIATIVE_NOT_PROPOSED,
                    "Initiative " + initiativeId + " is " + status.name().toLowerCase());
        }
        lookups.requireDecision(command.decisionId());
        apply(new InitiativeApproved(initiativeId, command.decisionId(), Money.nok(command.budgetNok())));
    }

    @CommandHandler
    void handle(JoinInitiative command, CommandLookups lookups) {
        if (status == Status.COMPLETED || status == Status.CANCELLED) {
            throw Rejections.conflict(Rule.INITIATIVE_CLOSED,
                    "Initiative " + initiativeId + " is " + status.name().toLowerCase());
        }
        if (participants.contains(command.participantId())) {
            throw Rejections.conflict(Rule.ALREADY_IN_INITIATIVE,
                    "Participant " + command.participantId() + " already takes part in " + initiativeId);
        }
        lookups.requireParticipant(command.participantId()).requireActiveMember();
        apply(new InitiativeJoined(initiativeId, command.participantId(), command.effectiveDate()));
    }

    @CommandHandler
    void handle(LeaveInitiative command) {
        if (!participants.contains(command.participantId())) {
            throw Rejections.conflict(Rule.NOT_IN_INITIATIVE,
                    "Participant " + command.participantId() + " does not take part in " + initiativeId);
        }
        apply(new InitiativeLeft(initiativeId, command.participantId(), command.effectiveDate()));
    }

    @CommandHandler
    void handle(RecordInitiativeMilestone command) {
        requireApproved();
        if (command.progressPercent() < lastProgressPercent) {
            throw Rejections.conflict(Rule.PROGRESS_DECREASED, "Progress " + command.progressPercent()
                    + "% is below the last milestone's " + lastProgressPercent + "%");
        }
        apply(new InitiativeMilestoneReached(initiativeId, command.milestone(), command.reachedOn(),
                command.progressPercent()));
    }

    @CommandHandler
    void handle(CompleteInitiative command, CommandLookups lookups) {
        requireApproved();
        lookups.requireDecision(command.decisionId());
        apply(new InitiativeCompleted(initiativeId, command.effectiveDate(), command.decisionId()));
    }

    @CommandHandler
    void handle(CancelInitiative command, CommandLookups lookups) {
        if (status == Status.COMPLETED) {
            throw Rejections.conflict(Rule.INITIATIVE_COMPLETED, "Initiative " + initiativeId + " is completed");
        }
        if (status == Status.CANCELLED) {
            throw Rejections.conflict(Rule.INITIATIVE_ALREADY_CANCELLED,
                    "Initiative " + initiativeId + " is already cancelled");
        }
        lookups.requireDecision(command.decisionId());
        apply(new InitiativeCancelled(initiativeId, command.decisionId(), command.reason()));
    }

    private void requireApproved() {
        if (status != Status.APPROVED) {
            throw Rejections.conflict(Rule.INITIATIVE_NOT_APPROVED,
                    "Initiative " + initiativeId + " is " + status.name().toLowerCase());
        }
    }

    @EventSourcingHandler
    void on(InitiativeProposed event) {
        id = LedgerIds.initiative(event.initiativeId());
        initiativeId = event.initiativeId();
        status = Status.PROPOSED;
    }

    @EventSourcingHandler
    void on(InitiativeApproved event) {
        status = Status.APPROVED;
    }

    @EventSourcingHandler
    void on(InitiativeJoined event) {
        participants.add(event.participantId());
    }

    @EventSourcingHandler
    void on(InitiativeLeft event) {
        participants.remove(event.participantId());
    }

    @EventSourcingHandler
    void on(InitiativeMilestoneReached event) {
        lastProgressPercent = event.progressPercent();
    }

    @EventSourcingHandler
    void on(InitiativeCompleted event) {
        status = Status.COMPLETED;
    }

    @EventSourcingHandler
    void on(InitiativeCancelled event) {
        status = Status.CANCELLED;
    }
}
