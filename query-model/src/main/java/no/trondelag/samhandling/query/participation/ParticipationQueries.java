package no.trondelag.samhandling.query.participation;

import java.util.List;
import no.trondelag.samhandling.api.common.HistoryEntry;
import no.trondelag.samhandling.api.participation.FindParticipant;
import no.trondelag.samhandling.api.participation.FindParticipantHistory;
import no.trondelag.samhandling.api.participation.FindParticipants;
import no.trondelag.samhandling.api.participation.FindParticipation;
import no.trondelag.samhandling.api.participation.ParticipantDetail;
import no.trondelag.samhandling.api.participation.ParticipantHistory;
import no.trondelag.samhandling.api.participation.ParticipantKind;
import no.trondelag.samhandling.api.participation.ParticipantList;
import no.trondelag.samhandling.api.participation.ParticipantView;
import no.trondelag.samhandling.api.participation.ParticipationReport;
import no.trondelag.samhandling.api.participation.RegionParticipation;
import no.trondelag.samhandling.api.region.FindRegions;
import no.trondelag.samhandling.api.region.RegionList;
import no.trondelag.samhandling.api.region.RegionView;
import no.trondelag.samhandling.query.ledger.LedgerFact;
import no.trondelag.samhandling.query.ledger.LedgerReader;
import no.trondelag.samhandling.query.ledger.LedgerReader.Read;
import no.trondelag.samhandling.query.ledger.Ratios;
import org.axonframework.queryhandling.QueryHandler;

/**
 * Answers the participation queries: per region, the regions, the participants, and a participant's history.
 */
public class ParticipationQueries {

    private final LedgerReader reader;

    /**
     * Creates the handlers.
     *
     * @param reader the read side's views
     */
    public ParticipationQueries(LedgerReader reader) {
        this.reader = reader;
    }

    @QueryHandler
    ParticipationReport handle(FindParticipation query) {
        Read<List<RegionParticipation>> read = reader.read(query.readPoint(), views -> {
            ParticipationView participation = views.participation();
            return participation.regions().stream()
                    .filter(region -> query.regionId() == null || query.regionId().equals(region.regionId()))
                    .map(region -> participationIn(region, participation.activeIn(region.regionId())))
                    .toList();
        });
        return new ParticipationReport(read.meta(), read.result());
    }

    @QueryHandler
    RegionList handle(FindRegions query) {
        Read<List<RegionView>> read = reader.read(query.readPoint(), views -> views.participation().regions());
        return new RegionList(read.meta(), read.result());
    }

    @QueryHandler
    ParticipantList handle(FindParticipants query) {
        Read<List<ParticipantView>> read = reader.read(query.readPoint(),
                views -> views.participation().participants());
        return new ParticipantList(read.meta(), read.result());
    }

    @QueryHandler
    ParticipantDetail handle(FindParticipant query) {
        Read<ParticipantView> read = reader.read(query.readPoint(),
                views -> views.participation().findParticipant(query.participantId()).orElse(null));
        return new ParticipantDetail(read.meta(), read.result());
    }

    @QueryHandler
    ParticipantHistory handle(FindParticipantHistory query) {
        Read<List<String>> read = reader.read(query.readPoint(), views -> {
            ParticipationView participation = views.participation();
            return participation.findParticipant(query.participantId()).isPresent()
                    ? participation.withPredecessors(query.participantId())
                    : List.of();
        });
        List<HistoryEntry> entries = reader.concerning(query.readPoint(), read.result()).stream()
                .filter(fact -> fact.position() <= read.meta().position())
                .map(LedgerFact::toEntry)
                .toList();
        return new ParticipantHistory(read.meta(), query.participantId(), read.result(), entries,
                !read.result().isEmpty());
    }

    private static RegionParticipation participationIn(RegionView region, List<ParticipantView> active) {
        List<ParticipantView> municipalities = active.stream()
                .filter(participant -> participant.kind() == ParticipantKind.MUNICIPALITY)
                .toList();
        List<ParticipantView> memberMunicipalities = municipalities.stream().filter(ParticipantView::member).toList();
        return new RegionParticipation(region.regionId(), region.name(), municipalities.size(),
                memberMunicipalities.size(), Ratios.of(memberMunicipalities.size(), municipalities.size()),
                ParticipationView.population(municipalities), ParticipationView.population(memberMunicipalities),
                active.stream().filter(ParticipantView::member).toList(),
                region.eFagraadEstablishedOn(), region.strategyGroupRepresentativeId());
    }
}
