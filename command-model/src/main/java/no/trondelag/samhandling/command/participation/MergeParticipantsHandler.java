package no.trondelag.samhandling.command.participation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.function.Supplier;
import no.trondelag.samhandling.api.common.LedgerIds;
import no.trondelag.samhandling.api.participation.MergeParticipants;
import no.trondelag.samhandling.api.participation.ParticipantKind;
import no.trondelag.samhandling.command.common.CommandLookups;
import no.trondelag.samhandling.command.common.Rejections;
import no.trondelag.samhandling.command.common.Rule;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.config.Configuration;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;

/**
 * Handles {@link MergeParticipants}, which changes several participants in one unit of work: each predecessor is
 * merged into the successor, and the successor is either registered anew or, when it is one of the predecessors
 * (Trondheim absorbing Klæbu), continues with its id and history. All events commit together or not at all.
 */
public class MergeParticipantsHandler {

    private final Supplier<Repository<Participant>> participants;
    private final CommandLookups lookups;

    /**
     * Creates the handler.
     *
     * @param participants the participant repository
     * @param lookups      the command side's lookups
     */
    public MergeParticipantsHandler(Repository<Participant> participants, CommandLookups lookups) {
        this(() -> participants, lookups);
    }

    private MergeParticipantsHandler(Supplier<Repository<Participant>> participants, CommandLookups lookups) {
        this.participants = participants;
        this.lookups = lookups;
    }

    /**
     * Creates the handler for an Axon configuration that may not be started yet: the participant repository is
     * looked up when the first merge is handled.
     *
     * @param configuration the Axon configuration holding the participant aggregate
     * @param lookups       the command side's lookups
     * @return the handler
     */
    public static MergeParticipantsHandler forConfiguration(Configuration configuration, CommandLookups lookups) {
        return new MergeParticipantsHandler(() -> configuration.repository(Participant.class), lookups);
    }

    @CommandHandler
    void handle(MergeParticipants merge) throws Exception {
        if (new HashSet<>(merge.predecessorIds()).size() != merge.predecessorIds().size()) {
            throw Rejections.invalid("predecessorIds", "each predecessor is named once");
        }
        lookups.requireRegion(merge.regionId());
        lookups.requireKnown(merge.authority());

        List<Aggregate<Participant>> predecessors = new ArrayList<>();
        for (String predecessorId : merge.predecessorIds()) {
            predecessors.add(load(predecessorId));
        }
        boolean carriesMembership = predecessors.stream().anyMatch(p -> p.invoke(Participant::isMember));
        ParticipantKind kind = predecessors.get(0).invoke(Participant::kind);

        Aggregate<Participant> continuing = null;
        for (int i = 0; i < predecessors.size(); i++) {
            if (merge.predecessorIds().get(i).equals(merge.successorId())) {
                continuing = predecessors.get(i);
            } else {
                predecessors.get(i).execute(p -> p.mergeInto(merge));
            }
        }
        if (continuing != null) {
            continuing.execute(p -> p.continueAsSuccessor(merge, carriesMembership));
        } else {
            if (lookups.participant(merge.successorId()).isPresent()) {
                throw Rejections.conflict(Rule.SUCCESSOR_ALREADY_REGISTERED,
                        "Successor " + merge.successorId() + " is already registered and is not a predecessor");
            }
            participants.get().newInstance(() -> new Participant(merge, kind, carriesMembership));
        }
    }

    private Aggregate<Participant> load(String participantId) {
        if (lookups.participant(participantId).isEmpty()) {
            throw Rejections.notFound(Rule.PREDECESSOR_NOT_REGISTERED,
                    "Predecessor " + participantId + " is not registered");
        }
        return participants.get().load(LedgerIds.participant(participantId));
    }
}
