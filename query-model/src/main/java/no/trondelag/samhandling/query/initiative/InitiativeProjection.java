package no.trondelag.samhandling.query.initiative;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import no.trondelag.samhandling.api.common.Money;
import no.trondelag.samhandling.api.initiative.FindInitiatives;
import no.trondelag.samhandling.api.initiative.InitiativeApproved;
import no.trondelag.samhandling.api.initiative.InitiativeCancelled;
import no.trondelag.samhandling.api.initiative.InitiativeCompleted;
import no.trondelag.samhandling.api.initiative.InitiativeJoined;
import no.trondelag.samhandling.api.initiative.InitiativeLeft;
import no.trondelag.samhandling.api.initiative.InitiativeMilestoneReached;
import no.trondelag.samhandling.api.initiative.InitiativeProposed;
import no.trondelag.samhandling.api.initiative.InitiativeView;
import no.trondelag.samhandling.api.initiative.InitiativeView.Milestone;
import no.trondelag.samhandling.api.initiative.InitiativesReport;
import no.trondelag.samhandling.api.initiative.Pillar;
import no.trondelag.samhandling.query.funding.FundingProjection;
import no.trondelag.samhandling.query.participation.Participation;
import no.trondelag.samhandling.query.participation.ParticipationProjection;
import no.trondelag.samhandling.query.projection.LedgerLog;
import no.trondelag.samhandling.query.projection.LedgerProjection;
import no.trondelag.samhandling.query.projection.ReadAt;
import no.trondelag.samhandling.query.projection.Recorded;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * The initiatives projection: each joint initiative's status, approval, participants, last milestone and closing.
 * The report places participants in their regions as the participation projection has them on the date read.
 */
@ProcessingGroup(InitiativeProjection.NAME)
public class InitiativeProjection extends LedgerProjection {

    /** The projection's name: its processing group, and the stem of its tables' names. */
    public static final String NAME = "initiatives";
    /** The version of its tables. */
    public static final int VERSION = 1;

    private static final String ID = "initiative_id VARCHAR(100) NOT NULL";

    /**
     * Who takes part in each initiative: for each initiative and participant, the first join after the last leave
     * in effect (a join while taking part changes nothing, a leave ends it), in the order of those joins.
     */
    private static final String PARTICIPANTS = "SELECT j.initiative_id, j.participant_id, MIN(j.position) AS since "
            + "FROM {member} j WHERE j.joined = TRUE AND " + ReadAt.inEffect("j") + " AND j.position > "
            + "COALESCE((SELECT MAX(l.position) FROM {member} l WHERE l.initiative_id = j.initiative_id "
            + "AND l.participant_id = j.participant_id AND l.joined = FALSE AND " + ReadAt.inEffect("l") + "), -1) "
            + "GROUP BY j.initiative_id, j.participant_id ORDER BY since";

    private final ParticipationProjection participation;

    /**
     * Creates the projection on its tables.
     *
     * @param jdbc          the read side's database
     * @param ledgerLog     the ledger's log, which counts the events known at a read point
     * @param participation where participants' regions are read
     */
    public InitiativeProjection(JdbcTemplate jdbc, LedgerLog ledgerLog, ParticipationProjection participation) {
        super(NAME, VERSION, jdbc, ledgerLog);
        this.participation = participation;
        tables.bitemporal("initiative", ID + ", title VARCHAR(400), pillar VARCHAR(40), goals VARCHAR(100)",
                        "initiative_id")
                .bitemporal("status", ID + ", status VARCHAR(20) NOT NULL", "initiative_id")
                .bitemporal("approval", ID + ", decision_id VARCHAR(200), amount VARCHAR(60), currency VARCHAR(10)",
                        "initiative_id")
                .bitemporal("closing", ID + ", closed_on DATE", "initiative_id")
                .bitemporal("milestone", ID + ", milestone VARCHAR(400), reached_on DATE, progress INTEGER",
                        "initiative_id")
                .bitemporal("member", ID + ", participant_id VARCHAR(100) NOT NULL, joined BOOLEAN NOT NULL",
                        "initiative_id, participant_id");
    }

    @EventHandler
    void on(InitiativeProposed event, EventMessage<?> message, TrackingToken token) {
        Recorded recorded = recorded(message, token);
        tables.insert("initiative", recorded, null, event.initiativeId(), event.title(),
                event.pillar() == null ? null : event.pillar().name(),
                String.join(",", event.goals().stream().map(String::valueOf).toList()));
        tables.insert("status", recorded, null, event.initiativeId(), Status.PROPOSED.name());
    }

    @EventHandler
    void on(InitiativeApproved event, EventMessage<?> message, TrackingToken token) {
        Recorded recorded = recorded(message, token);
        LocalDate on = meetings.effectiveOn(event);
        tables.insert("status", recorded, on, event.initiativeId(), Status.APPROVED.name());
        Money budget = event.budget();
        tables.insert("approval", recorded, on, event.initiativeId(), event.decisionId(),
                budget == null ? null : budget.amount().toString(), budget == null ? null : budget.currency());
    }

    @EventHandler
    void on(InitiativeJoined event, EventMessage<?> message, TrackingToken token) {
        tables.insert("member", recorded(message, token), event.effectiveDate(), event.initiativeId(),
                event.participantId(), true);
    }

    @EventHandler
    void on(InitiativeLeft event, EventMessage<?> message, TrackingToken token) {
        tables.insert("member", recorded(message, token), event.effectiveDate(), event.initiativeId(),
                event.participantId(), false);
    }

    @EventHandler
    void on(InitiativeMilestoneReached event, EventMessage<?> message, TrackingToken token) {
        tables.insert("milestone", recorded(message, token), event.reachedOn(), event.initiativeId(),
                event.milestone(), event.reachedOn(), event.progressPercent());
    }

    @EventHandler
    void on(InitiativeCompleted event, EventMessage<?> message, TrackingToken token) {
        Recorded recorded = recorded(message, token);
        LocalDate on = meetings.effectiveOn(event);
        tables.insert("status", recorded, on, event.initiativeId(), Status.COMPLETED.name());
        tables.insert("closing", recorded, on, event.initiativeId(), event.effectiveDate());
    }

    @EventHandler
    void on(InitiativeCancelled event, EventMessage<?> message, TrackingToken token) {
        tables.insert("status", recorded(message, token), meetings.effectiveOn(event), event.initiativeId(),
                Status.CANCELLED.name());
    }

    @QueryHandler
    InitiativesReport handle(FindInitiatives query) {
        ReadAt at = readAt(query.readPoint(), participation);
        return answered(query, at, () -> {
            Participation participants = participation.at(at);
            List<InitiativeView> initiatives = at(at).stream().map(initiative -> report(initiative, participants))
                    .toList();
            return new InitiativesReport(meta(at), initiatives);
        });
    }

    /**
     * Every initiative proposed, as at a read point.
     *
     * @param at the read point, bounded by a position this projection has reached
     * @return the initiatives, by id
     */
    public List<Initiative> at(ReadAt at) {
        MapSqlParameterSource parameters = at.parameters();
        Map<String, Initiative> initiatives = new TreeMap<>();
        tables.named().query(tables.latest(at, "initiative", "initiative_id"), parameters, row -> {
            String goals = row.getString("goals");
            String pillar = row.getString("pillar");
            initiatives.put(row.getString("initiative_id"), new Initiative(row.getString("initiative_id"),
                    row.getString("title"), pillar == null ? null : Pillar.valueOf(pillar),
                    goals == null || goals.isEmpty() ? List.of()
                            : Arrays.stream(goals.split(",")).map(Integer::valueOf).toList()));
        });
        Map<String, Status> statuses = new HashMap<>();
        tables.named().query(tables.latest(at, "status", "initiative_id"), parameters, row -> {
            statuses.put(row.getString("initiative_id"), Status.valueOf(row.getString("status")));
        });
        Map<String, Initiative.Approval> approvals = new HashMap<>();
        tables.named().query(tables.latest(at, "approval", "initiative_id"), parameters, row -> {
            String amount = row.getString("amount");
            approvals.put(row.getString("initiative_id"), new Initiative.Approval(row.getString("decision_id"),
                    amount == null ? null : new Money(new BigDecimal(amount), row.getString("currency"))));
        });
        Map<String, LocalDate> closings = new HashMap<>();
        tables.named().query(tables.latest(at, "closing", "initiative_id"), parameters, row -> {
            closings.put(row.getString("initiative_id"), row.getObject("closed_on", LocalDate.class));
        });
        Map<String, Milestone> milestones = new HashMap<>();
        tables.named().query(tables.latest(at, "milestone", "initiative_id"), parameters, row -> {
            milestones.put(row.getString("initiative_id"), new Milestone(row.getString("milestone"),
                    row.getObject("reached_on", LocalDate.class), row.getInt("progress")));
        });
        Map<String, List<String>> members = new HashMap<>();
        tables.named().query(tables.sql(at, PARTICIPANTS), parameters, row -> {
            members.computeIfAbsent(row.getString("initiative_id"), id -> new ArrayList<>())
                    .add(row.getString("participant_id"));
        });
        return initiatives.values().stream().map(initiative -> initiative.with(
                statuses.getOrDefault(initiative.initiativeId(), Status.PROPOSED),
                approvals.get(initiative.initiativeId()),
                List.copyOf(members.getOrDefault(initiative.initiativeId(), List.of())),
                milestones.get(initiative.initiativeId()), closings.get(initiative.initiativeId()))).toList();
    }

    private static InitiativeView report(Initiative initiative, Participation participation) {
        Map<String, List<String>> byRegion = new TreeMap<>();
        for (String participantId : initiative.participants()) {
            String regionId = participation.regionOf(participantId);
            byRegion.computeIfAbsent(regionId == null ? FundingProjection.NO_REGION : regionId,
                    id -> new ArrayList<>()).add(participantId);
        }
        return new InitiativeView(initiative.initiativeId(), initiative.title(), initiative.status().name(),
                initiative.pillar(), initiative.goals(), initiative.approvedBy(), kroner(initiative.budget()), byRegion,
                initiative.participants().size(), initiative.lastMilestone(), initiative.closedOn());
    }

    /**
     * The report gives budgets in kroner ({@code budgetNok}); every approval is in kroner, since
     * {@code ApproveInitiative} takes kroner, so a budget in any other currency means the ledger holds an event
     * this report cannot show truthfully.
     */
    private static BigDecimal kroner(Money budget) {
        if (budget == null) {
            return null;
        }
        if (!Money.NOK.equals(budget.currency())) {
            throw new IllegalStateException("An initiative's budget is in " + budget.currency()
                    + "; the initiatives report shows kroner only");
        }
        return budget.amount();
    }

    /** The statuses an initiative passes through. */
    public enum Status {
        PROPOSED, APPROVED, COMPLETED, CANCELLED
    }

    /**
     * One initiative as at a read point.
     *
     * @param initiativeId  its id
     * @param title         its title
     * @param pillar        its pillar
     * @param goals         the goals it serves
     * @param status        its status
     * @param approval      its approval, or {@code null}
     * @param participants  who takes part, in the order they joined
     * @param lastMilestone the last milestone recorded, or {@code null}
     * @param closedOn      its completion date, or {@code null}
     */
    public record Initiative(String initiativeId, String title, Pillar pillar, List<Integer> goals, Status status,
                             Approval approval, List<String> participants, Milestone lastMilestone,
                             LocalDate closedOn) {

        private Initiative(String initiativeId, String title, Pillar pillar, List<Integer> goals) {
            this(initiativeId, title, pillar, goals, Status.PROPOSED, null, List.of(), null, null);
        }

        private Initiative with(Status status, Approval approval, List<String> participants, Milestone milestone,
                                LocalDate closedOn) {
            return new Initiative(initiativeId, title, pillar, goals, status, approval, participants, milestone,
                    closedOn);
        }

        /** @return the approving decision, or {@code null} */
        public String approvedBy() {
            return approval == null ? null : approval.decisionId();
        }

        /** @return the approved budget, or {@code null} */
        public Money budget() {
            return approval == null ? null : approval.budget();
        }

        /** @return whether it is approved and neither completed nor cancelled */
        public boolean active() {
            return status == Status.APPROVED;
        }

        /**
         * An initiative's approval.
         *
         * @param decisionId the approving decision
         * @param budget     the approved budget, or {@code null}
         */
        public record Approval(String decisionId, Money budget) {
        }
    }
}
