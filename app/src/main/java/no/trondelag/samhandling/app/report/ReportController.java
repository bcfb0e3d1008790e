package no.trondelag.samhandling.app.report;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import no.trondelag.samhandling.api.common.ReportMeta;
import no.trondelag.samhandling.api.funding.FindFunding;
import no.trondelag.samhandling.api.funding.FundingReport;
import no.trondelag.samhandling.api.funding.FundingSource;
import no.trondelag.samhandling.api.funding.FundingYear;
import no.trondelag.samhandling.api.goals.FindGoalProgress;
import no.trondelag.samhandling.api.goals.GoalProgressReport;
import no.trondelag.samhandling.api.goals.IndicatorDefinition;
import no.trondelag.samhandling.api.goals.IndicatorValue;
import no.trondelag.samhandling.api.goals.RegionGoalProgress;
import no.trondelag.samhandling.api.initiative.FindInitiatives;
import no.trondelag.samhandling.api.initiative.InitiativeView;
import no.trondelag.samhandling.api.initiative.InitiativesReport;
import no.trondelag.samhandling.api.participation.FindParticipation;
import no.trondelag.samhandling.api.participation.ParticipantView;
import no.trondelag.samhandling.api.participation.ParticipationReport;
import no.trondelag.samhandling.api.participation.RegionParticipation;
import no.trondelag.samhandling.app.problem.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public reports: participation, funding, goal progress and initiatives, each at any read point
 * ({@code asOf}, {@code knownAt}) and in JSON or CSV. Every read goes through Axon's query bus.
 */
@RestController
@Tag(name = "reports")
@RequestMapping("/api/reports")
class ReportController {

    private final LedgerQueries queries;
    private final ReadPoints readPoints;
    private final ReportResponses responses;

    ReportController(LedgerQueries queries, ReadPoints readPoints, ReportResponses responses) {
        this.queries = queries;
        this.readPoints = readPoints;
        this.responses = responses;
    }

    @GetMapping("/participation")
    @Operation(summary = "Participation by region: municipalities, members, rate, population covered, eFagråd and "
            + "representative")
    @ApiResponse(responseCode = "200", content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = ParticipationReport.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string"))})
    ResponseEntity<Object> participation(@RequestParam(required = false) String asOf,
                                         @RequestParam(required = false) String knownAt,
                                         @RequestParam(required = false) String format,
                                         HttpServletRequest request) {
        ParticipationReport report = queries.ask(new FindParticipation(readPoints.of(asOf, knownAt), null),
                ParticipationReport.class);
        return responses.respond(request, format, report.meta(), report, () -> {
            CsvTable table = CsvTable.of("regionId", "name", "municipalitiesRegistered", "memberMunicipalities",
                    "participationRate", "populationTotal", "populationCovered", "members", "eFagraadEstablishedOn",
                    "strategyGroupRepresentativeId");
            for (RegionParticipation region : report.regions()) {
                table.row(region.regionId(), region.name(), region.municipalitiesRegistered(),
                        region.memberMunicipalities(), region.participationRate(), region.populationTotal(),
                        region.populationCovered(),
                        region.members().stream().map(ParticipantView::participantId).toList(),
                        region.eFagraadEstablishedOn(), region.strategyGroupRepresentativeId());
            }
            return table;
        });
    }

    @GetMapping("/participation/{regionId}")
    @Operation(summary = "One region's participation and its members")
    @ApiResponse(responseCode = "200", content = {
            @Content(mediaType = "application/json",
                    schema = @Schema(implementation = ReportController.RegionReport.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string"))})
    ResponseEntity<Object> regionParticipation(@PathVariable String regionId,
                                               @RequestParam(required = false) String asOf,
                                               @RequestParam(required = false) String knownAt,
                                               @RequestParam(required = false) String format,
                                               HttpServletRequest request) {
        ParticipationReport report = queries.ask(new FindParticipation(readPoints.of(asOf, knownAt),
                PathIdentifiers.checked("regionId", regionId)),
                ParticipationReport.class);
        RegionParticipation region = report.regions().stream().findFirst()
                .orElseThrow(() -> new NotFoundException("No region " + regionId + " at the read point"));
        return responses.respond(request, format, report.meta(), new RegionReport(report.meta(), region), () -> {
            CsvTable table = CsvTable.of("participantId", "name", "kind", "population", "memberSince");
            for (ParticipantView member : region.members()) {
                table.row(member.participantId(), member.name(), member.kind(), member.population(),
                        member.memberSince());
            }
            return table;
        });
    }

    @GetMapping("/funding")
    @Operation(summary = "Secretariat funding per year: budget, allocations by source, pledges, gap, 2-FTE flag")
    @ApiResponse(responseCode = "200", content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = FundingReport.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string"))})
    ResponseEntity<Object> funding(@RequestParam(required = false) Integer year,
                                   @RequestParam(required = false) String asOf,
                                   @RequestParam(required = false) String knownAt,
                                   @RequestParam(required = false) String format,
                                   HttpServletRequest request) {
        FundingReport report = queries.ask(new FindFunding(readPoints.of(asOf, knownAt), year), FundingReport.class);
        return responses.respond(request, format, report.meta(), report, () -> {
            CsvTable table = CsvTable.of("year", "budgetNok", "requiredFte", "belowMinimumFte", "budgetDecisionId",
                    "allocatedDiscretionaryGrantNok", "allocatedCountyAuthorityNok",
                    "allocatedParticipantContributionsNok", "allocatedOtherNok", "allocatedNok", "pledgedNok",
                    "gapNok", "gapAfterPledgesNok");
            for (FundingYear row : report.years()) {
                table.row(row.year(), row.budgetNok(), row.requiredFte(), row.belowMinimumFte(),
                        row.budgetDecisionId(), row.allocatedBySource().get(FundingSource.DISCRETIONARY_GRANT),
                        row.allocatedBySource().get(FundingSource.COUNTY_AUTHORITY),
                        row.allocatedBySource().get(FundingSource.PARTICIPANT_CONTRIBUTIONS),
                        row.allocatedBySource().get(FundingSource.OTHER), row.allocatedNok(), row.pledgedNok(),
                        row.gapNok(), row.gapAfterPledgesNok());
            }
            return table;
        });
    }

    @GetMapping("/goals")
    @Operation(summary = "Goal progress by region: one ratio per indicator of the five goals, with definitions")
    @ApiResponse(responseCode = "200", content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = GoalProgressReport.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string"))})
    ResponseEntity<Object> goals(@RequestParam(required = false) String asOf,
                                 @RequestParam(required = false) String knownAt,
                                 @RequestParam(required = false) String format,
                                 HttpServletRequest request) {
        GoalProgressReport report = queries.ask(new FindGoalProgress(readPoints.of(asOf, knownAt)),
                GoalProgressReport.class);
        return responses.respond(request, format, report.meta(), report, () -> {
            CsvTable table = CsvTable.of("regionId", "regionName", "indicator", "goal", "numerator", "denominator",
                    "value", "definition");
            for (RegionGoalProgress region : report.regions()) {
                for (int i = 0; i < region.indicators().size(); i++) {
                    IndicatorValue value = region.indicators().get(i);
                    IndicatorDefinition definition = report.indicators().get(i);
                    table.row(region.regionId(), region.name(), value.id(), definition.goal(), value.numerator(),
                            value.denominator(), value.value(), definition.definition());
                }
            }
            return table;
        });
    }

    @GetMapping("/initiatives")
    @Operation(summary = "Joint initiatives: status, pillar, goals, approving decision, participants per region, last "
            + "milestone")
    @ApiResponse(responseCode = "200", content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = InitiativesReport.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string"))})
    ResponseEntity<Object> initiatives(@RequestParam(required = false) String asOf,
                                       @RequestParam(required = false) String knownAt,
                                       @RequestParam(required = false) String format,
                                       HttpServletRequest request) {
        InitiativesReport report = queries.ask(new FindInitiatives(readPoints.of(asOf, knownAt)),
                InitiativesReport.class);
        return responses.respond(request, format, report.meta(), report, () -> {
            CsvTable table = CsvTable.of("initiativeId", "title", "status", "pillar", "goals",
                    "approvedByDecisionId", "budgetNok", "participantCount", "participants", "lastMilestone",
                    "lastMilestoneReachedOn", "progressPercent", "closedOn");
            for (InitiativeView initiative : report.initiatives()) {
                InitiativeView.Milestone milestone = initiative.lastMilestone();
                table.row(initiative.initiativeId(), initiative.title(), initiative.status(), initiative.pillar(),
                        initiative.goals(), initiative.approvedByDecisionId(), initiative.budgetNok(),
                        initiative.participantCount(),
                        initiative.participantsByRegion().values().stream().flatMap(List::stream)
                                .sorted().toList(),
                        milestone == null ? null : milestone.milestone(),
                        milestone == null ? null : milestone.reachedOn(),
                        milestone == null ? null : milestone.progressPercent(), initiative.closedOn());
            }
            return table;
        });
    }

    /**
     * One region's participation with the report's meta.
     *
     * @param meta   the read point and position
     * @param region the region
     */
    record RegionReport(ReportMeta meta, RegionParticipation region) {
    }
}
