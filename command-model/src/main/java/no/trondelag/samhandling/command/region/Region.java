package no.trondelag.samhandling.command.region;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import no.trondelag.samhandling.api.common.LedgerIds;
import no.trondelag.samhandling.api.region.AppointStrategyGroupRepresentative;
import no.trondelag.samhandling.api.region.EFagraadEstablished;
import no.trondelag.samhandling.api.region.EstablishEFagraad;
import no.trondelag.samhandling.api.region.RegionRegistered;
import no.trondelag.samhandling.api.region.RegisterRegion;
import no.trondelag.samhandling.api.region.StrategyGroupRepresentativeAppointed;
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
 * A regional collaboration arena: registered once, establishes its eFagråd once, and appoints strategy-group
 * representatives from the collaboration's members.
 */
@Aggregate(cache = BoundedCache.AGGREGATES)
class Region {

    @AggregateIdentifier
    private String id;
    private boolean eFagraadEstablished;

    Region() {
    }

    @CommandHandler
    Region(RegisterRegion command, CommandLookups lookups) {
        if (lookups.exists(IdKind.REGION, command.regionId())) {
            throw Rejections.conflict(Rule.REGION_ALREADY_REGISTERED,
                    "Region " + command.regionId() + " is already registered");
        }
        apply(new RegionRegistered(command.regionId(), command.name()));
    }

    @CommandHandler
    void handle(EstablishEFagraad command, CommandLookups lookups) {
        if (eFagraadEstablished) {
            throw Rejections.conflict(Rule.EFAGRAAD_ALREADY_ESTABLISHED,
                    "Region " + command.regionId() + " has already established its eFagråd");
        }
        lookups.requireKnown(command.authority());
        apply(new EFagraadEstablished(command.regionId(), command.effectiveDate(), command.authority()));
    }

    @CommandHandler
    void handle(AppointStrategyGroupRepresentative command, CommandLookups lookups) {
        lookups.requireParticipant(command.participantId()).requireActiveMember();
        lookups.requireKnown(command.authority());
        apply(new StrategyGroupRepresentativeAppointed(command.regionId(), command.participantId(),
                command.effectiveDate(), command.authority()));
    }

    @EventSourcingHandler
    void on(RegionRegistered event) {
        id = LedgerIds.region(event.regionId());
    }

    @EventSourcingHandler
    void on(EFagraadEstablished event) {
        eFagraadEstablished = true;
    }
}
