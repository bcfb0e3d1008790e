package no.trondelag.samhandling.app.report;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import no.trondelag.samhandling.api.common.Authority;
import no.trondelag.samhandling.api.common.HistoryEntry;
import no.trondelag.samhandling.api.common.ReportMeta;
import no.trondelag.samhandling.api.governance.DecisionLog;
import no.trondelag.samhandling.api.governance.DecisionView;
import no.trondelag.samhandling.api.governance.FindDecisions;
import no.trondelag.samhandling.api.participation.FindParticipant;
import no.trondelag.samhandling.api.participation.FindParticipantHistory;
import no.trondelag.samhandling.api.participation.FindParticipants;
import no.trondelag.samhandling.api.participation.ParticipantDetail;
import no.trondelag.samhandling.api.participation.ParticipantHistory;
import no.trondelag.samhandling.api.participation.ParticipantList;
import no.trondelag.samhandling.api.participation.ParticipantView;
import no.trondelag.samhandling.api.region.FindRegions;
import no.trondelag.samhandling.api.region.RegionList;
import no.trondelag.samhandling.api.region.RegionView;
import no.trondelag.samhandling.app.problem.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public reference and audit reads: regions, participants, a participant's history across merges, and the
 * steering-group decision log. Who recorded an event ({@code actor}) is shown to auditors only.
 */
@RestController
@Tag(name = "ledger")
@RequestMapping("/api")
class LedgerController {

    private final LedgerQueries queries;
    private final ReadPoints readPoints;
    private final ReportResponses responses;
    private final ActorVisibility actorVisibility;

    LedgerController(LedgerQueries queries, ReadPoints readPoints, ReportResponses responses,
                     ActorVisibility actorVisibility) {
        this.queries = queries;
        this.readPoints = readPoints;
        this.responses = responses;
        this.actorVisibility = actorVisibility;
    }

    @GetMapping("/regions")
    @Operation(summary = "The regional collaboration arenas")
    @ApiResponse(responseCode = "200", content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = RegionList.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string"))})
    ResponseEntity<Object> regions(@RequestParam(required = false) String asOf,
                                   @RequestParam(required = false) String knownAt,
                                   @RequestParam(required = false) String format,
                                   HttpServletRequest request) {
        RegionList list = queries.ask(new FindRegions(readPoints.of(asOf, knownAt)), RegionList.class);
        return responses.respond(request, format, list.meta(), list, () -> {
            CsvTable table = CsvTable.of("regionId", "name", "eFagraadEstablishedOn",
                    "strategyGroupRepresentativeId");
            for (RegionView region : list.regions()) {
                table.row(region.regionId(), region.name(), region.eFagraadEstablishedOn(),
                        region.strategyGroupRepresentativeId());
            }
            return table;
        });
    }

    @GetMapping("/participants")
    @Operation(summary = "Every registered participant, including those merged away")
    @ApiResponse(responseCode = "200", content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = ParticipantList.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string"))})
    ResponseEntity<Object> participants(@RequestParam(required = false) String asOf,
                                        @RequestParam(required = false) String knownAt,
                                        @RequestParam(required = false) String format,
                                        HttpServletRequest request) {
        ParticipantList list = queries.ask(new FindParticipants(readPoints.of(asOf, knownAt)),
                ParticipantList.class);
        return responses.respond(request, format, list.meta(), list, () -> participantTable(list.participants()));
    }

    @GetMapping("/participants/{participantId}")
    @Operation(summary = "One participant")
    @ApiResponse(responseCode = "200", content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = ParticipantDetail.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string"))})
    ResponseEntity<Object> participant(@PathVariable String participantId,
                                       @RequestParam(required = false) String asOf,
                                       @RequestParam(required = false) String knownAt,
                                       @RequestParam(required = false) String format,
                                       HttpServletRequest request) {
        ParticipantDetail detail = queries.ask(new FindParticipant(readPoints.of(asOf, knownAt),
                PathIdentifiers.checked("participantId", participantId)),
                ParticipantDetail.class);
        if (detail.participant() == null) {
            throw new NotFoundException("No participant " + participantId + " at the read point");
        }
        return responses.respond(request, format, detail.meta(), detail,
                () -> participantTable(List.of(detail.participant())));
    }

    @GetMapping("/participants/{participantId}/history")
    @Operation(summary = "A participant's timeline across aggregates and merges (a successor's includes its "
            + "predecessors'); actor shown to auditors only")
    @ApiResponse(responseCode = "200", content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = ParticipantHistory.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string"))})
    ResponseEntity<Object> history(@PathVariable String participantId,
                                   @RequestParam(required = false) String asOf,
                                   @RequestParam(required = false) String knownAt,
                                   @RequestParam(required = false) String format,
                                   HttpServletRequest request) {
        ParticipantHistory history = queries.ask(
                new FindParticipantHistory(readPoints.of(asOf, knownAt),
                        PathIdentifiers.checked("participantId", participantId)), ParticipantHistory.class);
        if (!history.known()) {
            throw new NotFoundException("No participant " + participantId + " at the read point");
        }
        List<HistoryEntry> entries = actorVisibility.forCurrentReader(history.entries());
        ParticipantHistory shown = new ParticipantHistory(history.meta(), history.participantId(),
                history.covers(), entries, true);
        return responses.respond(request, format, history.meta(), shown, () -> historyTable(entries));
    }

    @GetMapping("/audit/decisions")
    @Operation(summary = "The steering-group decision log: decisions, corrections, and every event citing each; actor "
            + "shown to auditors only")
    @ApiResponse(responseCode = "200", content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = DecisionLog.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string"))})
    ResponseEntity<Object> decisions(@RequestParam(required = false) String asOf,
                                     @RequestParam(required = false) String knownAt,
                                     @RequestParam(required = false) String format,
                                     HttpServletRequest request) {
        DecisionLog log = queries.ask(new FindDecisions(readPoints.of(asOf, knownAt), null), DecisionLog.class);
        DecisionLog shown = new DecisionLog(log.meta(), log.decisions().stream().map(this::shown).toList());
        return responses.respond(request, format, log.meta(), shown, () -> {
            CsvTable table = CsvTable.of("decisionId", "meetingDate", "caseNumber", "title", "points",
                    "corrections", "citedBy");
            for (DecisionView decision : shown.decisions()) {
                table.row(decision.decisionId(), decision.meetingDate(), decision.caseNumber(), decision.title(),
                        decision.points(), decision.corrections().size(), decision.citedBy().size());
            }
            return table;
        });
    }

    @GetMapping("/audit/decisions/{decisionId}")
    @Operation(summary = "One steering-group decision with its corrections and what followed from it")
    @ApiResponse(responseCode = "200", content = {
            @Content(mediaType = "application/json",
                    schema = @Schema(implementation = LedgerController.DecisionReport.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string"))})
    ResponseEntity<Object> decision(@PathVariable String decisionId,
                                    @RequestParam(required = false) String asOf,
                                    @RequestParam(required = false) String knownAt,
                                    @RequestParam(required = false) String format,
                                    HttpServletRequest request) {
        DecisionLog log = queries.ask(new FindDecisions(readPoints.of(asOf, knownAt),
                PathIdentifiers.checked("decisionId", decisionId)),
                DecisionLog.class);
        DecisionView decision = log.decisions().stream().findFirst().map(this::shown)
                .orElseThrow(() -> new NotFoundException("No steering-group decision " + decisionId
                        + " at the read point"));
        return responses.respond(request, format, log.meta(), new DecisionReport(log.meta(), decision),
                () -> historyTable(decision.citedBy()));
    }

    private DecisionView shown(DecisionView decision) {
        return new DecisionView(decision.decisionId(), decision.meetingDate(), decision.caseNumber(),
                decision.title(), decision.text(), decision.points(),
                actorVisibility.forCurrentReader(List.of(decision.recorded())).get(0),
                actorVisibility.forCurrentReader(decision.corrections()),
                actorVisibility.forCurrentReader(decision.citedBy()));
    }

    private static CsvTable participantTable(List<ParticipantView> participants) {
        CsvTable table = CsvTable.of("participantId", "name", "kind", "regionId", "population", "registeredOn",
                "member", "memberSince", "mergedInto", "predecessors");
        for (ParticipantView p : participants) {
            table.row(p.participantId(), p.name(), p.kind(), p.regionId(), p.population(), p.registeredOn(),
                    p.member(), p.memberSince(), p.mergedInto(), p.predecessors());
        }
        return table;
    }

    private static CsvTable historyTable(List<HistoryEntry> entries) {
        CsvTable table = CsvTable.of("position", "recordedAt", "effectiveOn", "type", "authority", "actor");
        for (HistoryEntry entry : entries) {
            table.row(entry.position(), entry.recordedAt(), entry.effectiveOn(), entry.type(),
                    describe(entry.authority()), entry.actor());
        }
        return table;
    }

    private static String describe(Authority authority) {
        if (authority == null) {
            return null;
        }
        return authority.citesSteeringGroupDecision() ? authority.decisionId()
                : authority.body() + " " + authority.caseNumber() + " " + authority.date();
    }

    /**
     * One decision with the log's meta.
     *
     * @param meta     the read point and position
     * @param decision the decision
     */
    record DecisionReport(ReportMeta meta, DecisionView decision) {
    }
}
