package no.trondelag.samhandling.command.common;

import no.trondelag.samhandling.api.governance.SteeringGroupDecisionRecorded;
import no.trondelag.samhandling.api.initiative.InitiativeProposed;
import no.trondelag.samhandling.api.participation.CollaborationJoined;
import no.trondelag.samhandling.api.participation.CollaborationWithdrawn;
import no.trondelag.samhandling.api.participation.ParticipantMergedInto;
import no.trondelag.samhandling.api.participation.ParticipantRegistered;
import no.trondelag.samhandling.api.region.RegionRegistered;
import no.trondelag.samhandling.command.common.CommandLookups.IdKind;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;

/**
 * Keeps the {@link CommandLookups} in step with the events. Its processing group must be subscribing, so that it
 * runs in the unit of work, and the transaction, that appends the events.
 */
@ProcessingGroup(LookupUpdater.PROCESSING_GROUP)
public class LookupUpdater {

    /** The processing group, configured as subscribing. */
    public static final String PROCESSING_GROUP = "command-lookups";

    private final CommandLookups lookups;

    /**
     * Creates an updater writing to the given lookups.
     *
     * @param lookups the command side's lookups
     */
    public LookupUpdater(CommandLookups lookups) {
        this.lookups = lookups;
    }

    @EventHandler
    void on(RegionRegistered event) {
        lookups.register(IdKind.REGION, event.regionId());
    }

    @EventHandler
    void on(SteeringGroupDecisionRecorded event) {
        lookups.register(IdKind.DECISION, event.decisionId());
    }

    @EventHandler
    void on(InitiativeProposed event) {
        lookups.register(IdKind.INITIATIVE, event.initiativeId());
    }

    @EventHandler
    void on(ParticipantRegistered event) {
        lookups.save(new ParticipantStanding(event.participantId(), event.kind(), false, false));
    }

    @EventHandler
    void on(CollaborationJoined event) {
        update(event.participantId(), true, false);
    }

    @EventHandler
    void on(CollaborationWithdrawn event) {
        update(event.participantId(), false, false);
    }

    @EventHandler
    void on(ParticipantMergedInto event) {
        if (!event.participantId().equals(event.successorId())) {
            ParticipantStanding current = lookups.requireParticipant(event.participantId());
            lookups.save(new ParticipantStanding(current.participantId(), current.kind(), current.member(), true));
        }
    }

    private void update(String participantId, boolean member, boolean mergedAway) {
        ParticipantStanding current = lookups.requireParticipant(participantId);
        lookups.save(new ParticipantStanding(participantId, current.kind(), member, mergedAway));
    }
}
