package no.trondelag.samhandling.app.dashboard;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import no.trondelag.samhandling.api.common.ReadPoint;
import no.trondelag.samhandling.api.governance.DecisionLog;
import no.trondelag.samhandling.api.governance.DecisionView;
import no.trondelag.samhandling.api.governance.FindDecisions;
import no.trondelag.samhandling.api.initiative.FindInitiatives;
import no.trondelag.samhandling.api.initiative.InitiativeView;
import no.trondelag.samhandling.api.initiative.InitiativesReport;
import no.trondelag.samhandling.api.participation.FindParticipants;
import no.trondelag.samhandling.api.participation.ParticipantList;
import no.trondelag.samhandling.api.participation.ParticipantView;
import no.trondelag.samhandling.api.region.FindRegions;
import no.trondelag.samhandling.api.region.RegionList;
import no.trondelag.samhandling.api.region.RegionView;
import no.trondelag.samhandling.app.report.LedgerQueries;

/**
 * The names a page needs to speak of participants, regions, initiatives and decisions, read through the query bus
 * at the page's read point, each list only when first needed.
 */
final class LedgerNames {

    private final LedgerQueries queries;
    private final ReadPoint readPoint;
    private ParticipantList participantList;
    private Map<String, ParticipantView> participants;
    private Map<String, String> regions;
    private Map<String, String> initiatives;
    private Map<String, DecisionView> decisions;

    LedgerNames(LedgerQueries queries, ReadPoint readPoint) {
        this.queries = queries;
        this.readPoint = readPoint;
    }

    /** The participant's name, or its id when the ledger holds no name for it at the read point. */
    String participant(String participantId) {
        ParticipantView view = participants().get(participantId);
        return view == null ? participantId : view.name();
    }

    /** Every participant registered at the read point, by id. */
    Map<String, ParticipantView> participants() {
        if (participants == null) {
            participants = byId(participantList().participants(), ParticipantView::participantId);
        }
        return participants;
    }

    /** Every participant registered at the read point, as the query answered. */
    ParticipantList participantList() {
        if (participantList == null) {
            participantList = queries.ask(new FindParticipants(readPoint), ParticipantList.class);
        }
        return participantList;
    }

    /** The region's name, or its id. */
    String region(String regionId) {
        if (regionId == null) {
            return "";
        }
        if (regions == null) {
            regions = queries.ask(new FindRegions(readPoint), RegionList.class).regions().stream()
                    .collect(Collectors.toMap(RegionView::regionId, RegionView::name, (a, b) -> a,
                            LinkedHashMap::new));
        }
        return regions.getOrDefault(regionId, regionId);
    }

    /** The initiative's title, or its id. */
    String initiative(String initiativeId) {
        if (initiatives == null) {
            initiatives = queries.ask(new FindInitiatives(readPoint), InitiativesReport.class).initiatives().stream()
                    .collect(Collectors.toMap(InitiativeView::initiativeId, InitiativeView::title, (a, b) -> a,
                            LinkedHashMap::new));
        }
        return initiatives.getOrDefault(initiativeId, initiativeId);
    }

    /** The steering-group decision, or {@code null} when it is not in the log at the read point. */
    DecisionView decision(String decisionId) {
        if (decisions == null) {
            decisions = byId(queries.ask(new FindDecisions(readPoint, null), DecisionLog.class).decisions(),
                    DecisionView::decisionId);
        }
        return decisions.get(decisionId);
    }

    private static <T> Map<String, T> byId(List<T> items, Function<T, String> id) {
        return items.stream().collect(Collectors.toMap(id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    }
}
