package no.trondelag.samhandling.query.initiative;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import no.trondelag.samhandling.api.common.Money;
import no.trondelag.samhandling.api.initiative.InitiativeApproved;
import no.trondelag.samhandling.api.initiative.InitiativeCancelled;
import no.trondelag.samhandling.api.initiative.InitiativeCompleted;
import no.trondelag.samhandling.api.initiative.InitiativeJoined;
import no.trondelag.samhandling.api.initiative.InitiativeLeft;
import no.trondelag.samhandling.api.initiative.InitiativeMilestoneReached;
import no.trondelag.samhandling.api.initiative.InitiativeProposed;
import no.trondelag.samhandling.api.initiative.InitiativeView.Milestone;
import no.trondelag.samhandling.api.initiative.Pillar;
import no.trondelag.samhandling.query.ledger.LedgerFact;
import no.trondelag.samhandling.query.ledger.LedgerView;

/**
 * The joint initiatives: status, approval, participants and milestones.
 */
public final class InitiativesView implements LedgerView {

    /** The statuses an initiative passes through. */
    public enum Status {
        PROPOSED, APPROVED, COMPLETED, CANCELLED
    }

    private final Map<String, Initiative> initiatives = new TreeMap<>();

    @Override
    public void apply(LedgerFact fact) {
        if (fact.event() instanceof InitiativeProposed e) {
            initiatives.put(e.initiativeId(), new Initiative(e));
        } else if (fact.event() instanceof InitiativeApproved e) {
            ifProposed(e.initiativeId(), initiative -> {
                initiative.status = Status.APPROVED;
                initiative.approvedBy = e.decisionId();
                initiative.budget = e.budget();
            });
        } else if (fact.event() instanceof InitiativeJoined e) {
            ifProposed(e.initiativeId(), initiative -> initiative.participants.add(e.participantId()));
        } else if (fact.event() instanceof InitiativeLeft e) {
            ifProposed(e.initiativeId(), initiative -> initiative.participants.remove(e.participantId()));
        } else if (fact.event() instanceof InitiativeMilestoneReached e) {
            ifProposed(e.initiativeId(), initiative -> initiative.lastMilestone =
                    new Milestone(e.milestone(), e.reachedOn(), e.progressPercent()));
        } else if (fact.event() instanceof InitiativeCompleted e) {
            ifProposed(e.initiativeId(), initiative -> {
                initiative.status = Status.COMPLETED;
                initiative.closedOn = e.effectiveDate();
            });
        } else if (fact.event() instanceof InitiativeCancelled e) {
            ifProposed(e.initiativeId(), initiative -> initiative.status = Status.CANCELLED);
        }
    }

    /**
     * Every initiative, by id.
     *
     * @return the initiatives
     */
    public List<Initiative> initiatives() {
        return List.copyOf(initiatives.values());
    }

    private void ifProposed(String initiativeId, Consumer<Initiative> change) {
        Initiative initiative = initiatives.get(initiativeId);
        if (initiative != null) {
            change.accept(initiative);
        }
    }

    /**
     * One initiative's state.
     */
    public static final class Initiative {
        private final String initiativeId;
        private final String title;
        private final Pillar pillar;
        private final List<Integer> goals;
        private final Set<String> participants = new LinkedHashSet<>();
        private Status status = Status.PROPOSED;
        private String approvedBy;
        private Money budget;
        private Milestone lastMilestone;
        private LocalDate closedOn;

        private Initiative(InitiativeProposed proposed) {
            this.initiativeId = proposed.initiativeId();
            this.title = proposed.title();
            this.pillar = proposed.pillar();
            this.goals = List.copyOf(proposed.goals());
        }

        /** @return the initiative's id */
        public String initiativeId() {
            return initiativeId;
        }

        /** @return its title */
        public String title() {
            return title;
        }

        /** @return its pillar */
        public Pillar pillar() {
            return pillar;
        }

        /** @return the goals it serves */
        public List<Integer> goals() {
            return goals;
        }

        /** @return its participants now, in the order they joined */
        public List<String> participants() {
            return List.copyOf(participants);
        }

        /** @return its status */
        public Status status() {
            return status;
        }

        /** @return the approving decision, or {@code null} */
        public String approvedBy() {
            return approvedBy;
        }

        /** @return the approved budget with its currency, or {@code null} */
        public Money budget() {
            return budget;
        }

        /** @return the last milestone, or {@code null} */
        public Milestone lastMilestone() {
            return lastMilestone;
        }

        /** @return the completion date, or {@code null} */
        public LocalDate closedOn() {
            return closedOn;
        }

        /** @return whether it is approved and neither completed nor cancelled */
        public boolean active() {
            return status == Status.APPROVED;
        }
    }
}
