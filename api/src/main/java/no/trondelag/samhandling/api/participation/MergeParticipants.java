package no.trondelag.samhandling.api.participation;

import java.time.LocalDate;
import java.util.List;
import no.trondelag.samhandling.api.common.Authority;
import no.trondelag.samhandling.api.common.CitesAuthority;
import no.trondelag.samhandling.api.common.LedgerCommand;
import no.trondelag.samhandling.api.common.LedgerIds;
import org.axonframework.commandhandling.RoutingKey;

/**
 * Merges predecessors into a successor: a new participant, or one of the predecessors that keeps its id and history.
 */
public record MergeParticipants(
        String successorId,
        String successorName,
        List<String> predecessorIds,
        String regionId,
        Integer population,
        LocalDate effectiveDate,
        Authority authority) implements LedgerCommand, CitesAuthority {

    /**
     * Merges span several aggregates; they are routed by the successor's identifier, so that a merge and the
     * commands for its successor are handled on the same node.
     *
     * @return the successor's prefixed aggregate identifier
     */
    @Override
    @RoutingKey
    public String targetAggregateId() {
        return LedgerIds.participant(successorId);
    }
}
