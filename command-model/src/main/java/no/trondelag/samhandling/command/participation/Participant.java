package no.trondelag.samhandling.command.participation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import no.trondelag.samhandling.api.common.LedgerIds;
import no.trondelag.samhandling.api.goals.CompetenceProgrammeCompleted;
import no.trondelag.samhandling.api.goals.CompetenceProgrammeEnrolled;
import no.trondelag.samhandling.api.goals.CompleteCompetenceProgramme;
import no.trondelag.samhandling.api.goals.DigitalMaturityAssessed;
import no.trondelag.samhandling.api.goals.EnrolInCompetenceProgramme;
import no.trondelag.samhandling.api.goals.NationalComponentAdopted;
import no.trondelag.samhandling.api.goals.RecordMaturityAssessment;
import no.trondelag.samhandling.api.goals.RecordNationalComponentAdoption;
import no.trondelag.samhandling.api.participation.CollaborationJoined;
import no.trondelag.samhandling.api.participation.CollaborationWithdrawn;
import no.trondelag.samhandling.api.participation.JoinCollaboration;
import no.trondelag.samhandling.api.participation.MergeParticipants;
import no.trondelag.samhandling.api.participation.MoveParticipantToRegion;
import no.trondelag.samhandling.api.participation.ParticipantKind;
import no.trondelag.samhandling.api.participation.ParticipantMergedInto;
import no.trondelag.samhandling.api.participation.ParticipantMovedToRegion;
import no.trondelag.samhandling.api.participation.ParticipantRegistered;
import no.trondelag.samhandling.api.participation.RegisterParticipant;
import no.trondelag.samhandling.api.participation.WithdrawFromCollaboration;
import no.trondelag.samhandling.command.common.BoundedCache;
import no.trondelag.samhandling.command.common.CommandLookups;
import no.trondelag.samhandling.command.common.Rejections;
import no.trondelag.samhandling.command.common.Rule;
import no.trondelag.samhandling.command.snapshotting.Snapshots;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A municipality or partner organisation: its registration, membership of the collaboration, region, merges, and
 * the progress it records towards the goals (maturity, national components, competence programme). Assessments and
 * adoptions accumulate without end, so it is loaded from a snapshot; the revision is that of the snapshot's form, to
 * be raised whenever the fields change, so that older snapshots are passed over.
 */
@Aggregate(snapshotTriggerDefinition = Snapshots.TRIGGER, cache = BoundedCache.AGGREGATES)
@Revision("1")
class Participant {

    private static final Pattern MUNICIPALITY_NUMBER = Pattern.compile("\\d{4}");
    private static final Pattern ORGANISATION_NUMBER = Pattern.compile("\\d{9}");

    @AggregateIdentifier
    private String id;
    private String participantId;
    private ParticipantKind kind;
    private String regionId;
    private LocalDate registeredOn;
    private LocalDate lastStandingChangeOn;
    private boolean member;
    private LocalDate mergedAwayOn;
    private final Set<String> successors = new HashSet<>();
    private final Set<String> adoptedComponents = new HashSet<>();
    private final Map<String, Integer> enrolledLeaders = new HashMap<>();
    private final Set<String> completedCohorts = new HashSet<>();

    Participant() {
    }

    @CommandHandler
    Participant(RegisterParticipant command, CommandLookups lookups) {
        requireNumberFitsKind(command.participantId(), command.kind(), "participantId");
        if (command.kind() == ParticipantKind.MUNICIPALITY && command.regionId() == null) {
            throw Rejections.invalid("regionId", "a municipality needs a region");
        }
        if (lookups.participant(command.participantId()).isPresent()) {
            throw Rejections.conflict(Rule.PARTICIPANT_ALREADY_REGISTERED,
                    "Participant " + command.participantId() + " is already registered");
        }
        if (command.regionId() != null) {
            lookups.requireRegion(command.regionId());
        }
        apply(new ParticipantRegistered(command.participantId(), command.name(), command.kind(), command.regionId(),
                command.population(), command.effectiveDate(), null));
    }

    /**
     * Registers a brand-new merge successor, a member when any predecessor was one.
     */
    Participant(MergeParticipants merge, ParticipantKind kind, boolean carriesMembership) {
        requireNumberFitsKind(merge.successorId(), kind, "successorId");
        apply(new ParticipantRegistered(merge.successorId(), merge.successorName(), kind, merge.regionId(),
                merge.population(), merge.effectiveDate(), merge.authority()));
        if (carriesMembership) {
            apply(new CollaborationJoined(merge.successorId(), merge.effectiveDate(), merge.authority()));
        }
    }

    @CommandHandler
    void handle(JoinCollaboration command, CommandLookups lookups) {
        requireNotMergedAway();
        if (member) {
            throw Rejections.conflict(Rule.ALREADY_MEMBER, "Participant " + participantId + " is already a member");
        }
        if (kind == ParticipantKind.MUNICIPALITY && command.authority().citesSteeringGroupDecision()) {
            throw Rejections.conflict(Rule.MUNICIPALITY_JOINS_BY_COUNCIL_DECISION, "Municipality " + participantId
                    + " cites steering-group decision " + command.authority().decisionId());
        }
        lookups.requireKnown(command.authority());
        requireInDateOrder(command.effectiveDate());
        apply(new CollaborationJoined(participantId, command.effectiveDate(), command.authority()));
    }

    @CommandHandler
    void handle(WithdrawFromCollaboration command, CommandLookups lookups) {
        requireActiveMember();
        lookups.requireKnown(command.authority());
        requireInDateOrder(command.effectiveDate());
        apply(new CollaborationWithdrawn(participantId, command.effectiveDate(), command.authority(),
                command.reason()));
    }

    @CommandHandler
    void handle(MoveParticipantToRegion command, CommandLookups lookups) {
        requireNotMergedAway();
        if (command.regionId().equals(regionId)) {
            throw Rejections.conflict(Rule.REGION_UNCHANGED,
                    "Participant " + participantId + " is already in region " + regionId);
        }
        lookups.requireRegion(command.regionId());
        lookups.requireKnown(command.authority());
        requireInDateOrder(command.effectiveDate());
        apply(new ParticipantMovedToRegion(participantId, regionId, command.regionId(), command.effectiveDate(),
                command.authority()));
    }

    @CommandHandler
    void handle(RecordMaturityAssessment command) {
        requireNotMergedAway();
        requireOnOrAfterRegistration(command.assessedOn());
        apply(new DigitalMaturityAssessed(participantId, command.assessedOn(), command.score(), command.method()));
    }

    @CommandHandler
    void handle(RecordNationalComponentAdoption command) {
        requireNotMergedAway();
        if (adoptedComponents.contains(command.component())) {
            throw Rejections.conflict(Rule.COMPONENT_ALREADY_ADOPTED,
                    "Participant " + participantId + " has already adopted " + command.component());
        }
        requireOnOrAfterRegistration(command.adoptedOn());
        apply(new NationalComponentAdopted(participantId, command.component(), command.adoptedOn()));
    }

    @CommandHandler
    void handle(EnrolInCompetenceProgramme command) {
        requireActiveMember();
        if (enrolledLeaders.containsKey(command.cohort())) {
            throw Rejections.conflict(Rule.ALREADY_ENROLLED,
                    "Participant " + participantId + " is already enrolled in cohort " + command.cohort());
        }
        apply(new CompetenceProgrammeEnrolled(participantId, command.cohort(), command.leaders()));
    }

    @CommandHandler
    void handle(CompleteCompetenceProgramme command) {
        requireNotMergedAway();
        Integer enrolled = enrolledLeaders.get(command.cohort());
        if (enrolled == null) {
            throw Rejections.conflict(Rule.NOT_ENROLLED,
                    "Participant " + participantId + " is not enrolled in cohort " + command.cohort());
        }
        if (completedCohorts.contains(command.cohort())) {
            throw Rejections.conflict(Rule.COHORT_ALREADY_COMPLETED,
                    "Participant " + participantId + " has already completed cohort " + command.cohort());
        }
        if (command.leadersCompleted() > enrolled) {
            throw Rejections.conflict(Rule.MORE_COMPLETED_THAN_ENROLLED, command.leadersCompleted()
                    + " leaders completed cohort " + command.cohort() + " but " + enrolled + " were enrolled");
        }
        apply(new CompetenceProgrammeCompleted(participantId, command.cohort(), command.leadersCompleted()));
    }

    /**
     * Whether this participant is a member of the collaboration now.
     */
    boolean isMember() {
        return member;
    }

    /**
     * What kind of participant this is.
     */
    ParticipantKind kind() {
        return kind;
    }

    /**
     * Merges this participant into another. A participant already merged away may be merged again only as part of
     * a split: on the same effective date, into a successor it was not merged into yet.
     */
    void mergeInto(MergeParticipants merge) {
        if (mergedAwayOn != null
                && (!mergedAwayOn.equals(merge.effectiveDate()) || successors.contains(merge.successorId()))) {
            throw Rejections.conflict(Rule.PREDECESSOR_ALREADY_MERGED, "Participant " + participantId
                    + " was already merged into " + String.join(", ", successors) + " on " + mergedAwayOn);
        }
        requireInDateOrder(merge.effectiveDate());
        apply(mergedInto(merge));
    }

    /**
     * Continues this participant as the successor of a merge it takes part in, keeping its id and history.
     */
    void continueAsSuccessor(MergeParticipants merge, boolean carriesMembership) {
        requireNotMergedAway();
        requireInDateOrder(merge.effectiveDate());
        apply(mergedInto(merge));
        if (carriesMembership && !member) {
            apply(new CollaborationJoined(participantId, merge.effectiveDate(), merge.authority()));
        }
    }

    private ParticipantMergedInto mergedInto(MergeParticipants merge) {
        return new ParticipantMergedInto(participantId, merge.successorId(), merge.successorName(),
                merge.predecessorIds(), merge.regionId(), merge.population(), merge.effectiveDate(),
                merge.authority());
    }

    private void requireNotMergedAway() {
        if (mergedAwayOn != null) {
            throw Rejections.conflict(Rule.PARTICIPANT_MERGED_AWAY, "Participant " + participantId
                    + " was merged into " + String.join(", ", successors) + " on " + mergedAwayOn);
        }
    }

    private void requireActiveMember() {
        requireNotMergedAway();
        if (!member) {
            throw Rejections.conflict(Rule.NOT_MEMBER, "Participant " + participantId + " is not a member");
        }
    }

    private void requireOnOrAfterRegistration(LocalDate effectiveDate) {
        if (effectiveDate.isBefore(registeredOn)) {
            throw Rejections.conflict(Rule.BEFORE_REGISTRATION, "Participant " + participantId
                    + " was registered on " + registeredOn + ", after " + effectiveDate);
        }
    }

    /**
     * Membership, region and merges change in date order, so the order in which the ledger recorded them is also
     * the order in which they took effect, and every as-of view agrees with the command side.
     */
    private void requireInDateOrder(LocalDate effectiveDate) {
        requireOnOrAfterRegistration(effectiveDate);
        if (effectiveDate.isBefore(lastStandingChangeOn)) {
            throw Rejections.conflict(Rule.BEFORE_LAST_CHANGE, "Participant " + participantId
                    + " last changed membership, region or merge on " + lastStandingChangeOn + ", after "
                    + effectiveDate);
        }
    }

    private static void requireNumberFitsKind(String number, ParticipantKind kind, String field) {
        Pattern expected = kind == ParticipantKind.MUNICIPALITY ? MUNICIPALITY_NUMBER : ORGANISATION_NUMBER;
        if (!expected.matcher(number).matches()) {
            throw Rejections.invalid(field, kind == ParticipantKind.MUNICIPALITY
                    ? "a municipality is identified by its 4-digit municipality number"
                    : "a participant that is not a municipality is identified by its 9-digit organisation number");
        }
    }

    @EventSourcingHandler
    void on(ParticipantRegistered event) {
        id = LedgerIds.participant(event.participantId());
        participantId = event.participantId();
        kind = event.kind();
        regionId = event.regionId();
        registeredOn = event.effectiveDate();
        lastStandingChangeOn = event.effectiveDate();
    }

    @EventSourcingHandler
    void on(CollaborationJoined event) {
        member = true;
        lastStandingChangeOn = event.effectiveDate();
    }

    @EventSourcingHandler
    void on(CollaborationWithdrawn event) {
        member = false;
        lastStandingChangeOn = event.effectiveDate();
    }

    @EventSourcingHandler
    void on(ParticipantMovedToRegion event) {
        regionId = event.regionId();
        lastStandingChangeOn = event.effectiveDate();
    }

    @EventSourcingHandler
    void on(ParticipantMergedInto event) {
        lastStandingChangeOn = event.effectiveDate();
        if (event.successorId().equals(participantId)) {
            regionId = event.regionId();
        } else {
            mergedAwayOn = event.effectiveDate();
            successors.add(event.successorId());
        }
    }

    @EventSourcingHandler
    void on(NationalComponentAdopted event) {
        adoptedComponents.add(event.component());
    }

    @EventSourcingHandler
    void on(CompetenceProgrammeEnrolled event) {
        enrolledLeaders.put(event.cohort(), event.leaders());
    }

    @EventSourcingHandler
    void on(CompetenceProgrammeCompleted event) {
        completedCohorts.add(event.cohort());
    }
}
