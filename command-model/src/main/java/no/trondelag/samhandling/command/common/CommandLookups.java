package no.trondelag.samhandling.command.common;

import java.util.Optional;
import no.trondelag.samhandling.api.common.Authority;

/**
 * The command side's own lookups for rules that span aggregates: unique ids, "the decision exists", "the
 * participant is a member". They are written by {@link LookupUpdater} in the same unit of work, and so the same
 * transaction, as the events they follow, and never read from the query side.
 */
public interface CommandLookups {

    /**
     * The kinds of identifier the lookups know.
     */
    enum IdKind {
        REGION, DECISION, INITIATIVE
    }

    /**
     * Whether an identifier of a kind is taken.
     *
     * @param kind the kind of identifier
     * @param id   the identifier
     * @return {@code true} when it is registered
     */
    boolean exists(IdKind kind, String id);

    /**
     * Records that an identifier of a kind is taken.
     *
     * @param kind the kind of identifier
     * @param id   the identifier
     */
    void register(IdKind kind, String id);

    /**
     * The standing of a participant.
     *
     * @param participantId the participant
     * @return its standing, or empty when it is not registered
     */
    Optional<ParticipantStanding> participant(String participantId);

    /**
     * Records a participant's standing, replacing what was known.
     *
     * @param standing the new standing
     */
    void save(ParticipantStanding standing);

    /**
     * The standing of a registered participant.
     *
     * @param participantId the participant
     * @return its standing
     * @throws org.axonframework.commandhandling.CommandExecutionException when it is not registered
     */
    default ParticipantStanding requireParticipant(String participantId) {
        return participant(participantId).orElseThrow(() -> Rejections.conflict(Rule.PARTICIPANT_NOT_REGISTERED,
                "Participant " + participantId + " is not registered"));
    }

    /**
     * Requires a region to be registered.
     *
     * @param regionId the region
     */
    default void requireRegion(String regionId) {
        if (!exists(IdKind.REGION, regionId)) {
            throw Rejections.conflict(Rule.REGION_NOT_REGISTERED, "Region " + regionId + " is not registered");
        }
    }

    /**
     * Requires a steering-group decision to be recorded.
     *
     * @param decisionId the decision
     */
    default void requireDecision(String decisionId) {
        if (!exists(IdKind.DECISION, decisionId)) {
            throw Rejections.conflict(Rule.DECISION_NOT_RECORDED,
                    "Steering-group decision " + decisionId + " is not recorded");
        }
    }

    /**
     * Requires an authority that cites a steering-group decision to cite a recorded one. External authorities are
     * taken as stated.
     *
     * @param authority the cited authority
     */
    default void requireKnown(Authority authority) {
        if (authority.citesSteeringGroupDecision()) {
            requireDecision(authority.decisionId());
        }
    }
}
