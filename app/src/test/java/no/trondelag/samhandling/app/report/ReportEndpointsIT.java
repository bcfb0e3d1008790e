package no.trondelag.samhandling.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import no.trondelag.samhandling.app.LedgerHttp;
import no.trondelag.samhandling.app.LedgerHttp.Response;
import no.trondelag.samhandling.app.ReadSide;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * Runs the documented example script ({@code docs/examples/2018-history.sh}) against a seeded ledger over HTTP,
 * adds the 2020 merge of Klæbu into Trondheim, and checks by hand every figure the reports should then show, in
 * JSON and CSV, now and at earlier read points; then rebuilds the read side from the events alone and checks that
 * every report is unchanged.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:report-endpoints-it;DB_CLOSE_DELAY=-1")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportEndpointsIT {

    private static final List<String> REPORTS = List.of(
            "/api/reports/participation", "/api/reports/participation/fosen", "/api/reports/funding",
            "/api/reports/goals", "/api/reports/initiatives", "/api/regions", "/api/participants",
            "/api/participants/5001", "/api/participants/5001/history", "/api/audit/decisions",
            "/api/audit/decisions/sg-2018-05-02-07", "/api/reports/participation?asOf=2019-12-31",
            "/api/participants/5030/history?asOf=2019-12-31");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EventProcessingConfiguration eventProcessing;

    LedgerHttp http;
    Instant beforeExample;
    Instant afterExample;

    @BeforeAll
    void replayTheExampleAndTheTrondheimMerge() throws Exception {
        http = new LedgerHttp(port).as("secretariat");
        awaitReadSide();
        beforeExample = Instant.now();
        ProcessBuilder example = new ProcessBuilder("bash", "../docs/examples/2018-history.sh",
                "http://127.0.0.1:" + port).redirectErrorStream(true);
        example.environment().put("LEDGER_USER", "secretariat");
        Process script = example.start();
        String output = new String(script.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(script.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(script.exitValue()).as(output).isZero();
        afterExample = Instant.now();

        assertThat(http.command("JoinCollaboration", """
                {"participantId":"5030","effectiveDate":"2018-10-01",
                 "authority":{"body":"Klæbu kommunestyre","caseNumber":"18/55","date":"2018-10-01"}}""")
                .status()).isEqualTo(200);
        assertThat(http.command("MergeParticipants", """
                {"successorId":"5001","successorName":"Trondheim","predecessorIds":["5001","5030"],
                 "regionId":"trondheimsregionen","population":199595,"effectiveDate":"2020-01-01",
                 "authority":{"body":"Stortinget","caseNumber":"Innst. 386 S (2016-2017)","date":"2017-06-08"}}""")
                .status()).isEqualTo(200);
        awaitReadSide();
    }

    private void awaitReadSide() {
        ReadSide.awaitCaughtUp(eventProcessing, jdbc);
    }

    private JsonNode json(String path) {
        Response response = http.get(path);
        assertThat(response.status()).as(path + " " + response.body()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        return response.json();
    }

    @Nested
    class Participation {

        @Test
        void fosenCountsIndreFosenAsItsOnlyMemberMunicipality() {
            JsonNode fosen = json("/api/reports/participation/fosen").path("region");

            assertThat(fosen.path("municipalitiesRegistered").asInt()).isEqualTo(6);
            assertThat(fosen.path("memberMunicipalities").asInt()).isEqualTo(1);
            assertThat(fosen.path("participationRate").decimalValue()).isEqualByComparingTo("0.1667");
            assertThat(fosen.path("populationTotal").asLong()).isEqualTo(5351 + 4864 + 3277 + 953 + 967 + 10090);
            assertThat(fosen.path("populationCovered").asLong()).isEqualTo(10090);
            assertThat(fosen.path("members").findValuesAsText("participantId")).containsExactly("5054");
        }

        @Test
        void beforeItsCouncilDecisionIndreFosenIsNotAMember() {
            JsonNode fosen = json("/api/reports/participation/fosen?asOf=2018-06-13").path("region");

            assertThat(fosen.path("memberMunicipalities").asInt()).isZero();
            assertThat(fosen.path("participationRate").decimalValue()).isEqualByComparingTo("0");
        }

        @Test
        void klaebuCountsInTrondheimsregionenUntilTheMergeAndTrondheimAfter() {
            JsonNode before = region(json("/api/reports/participation?asOf=2019-12-31"), "trondheimsregionen");
            JsonNode after = region(json("/api/reports/participation?asOf=2020-01-01"), "trondheimsregionen");

            assertThat(before.path("municipalitiesRegistered").asInt()).isEqualTo(5);
            assertThat(before.path("members").findValuesAsText("participantId")).containsExactly("5030");
            assertThat(before.path("populationCovered").asLong()).isEqualTo(6094);
            assertThat(after.path("municipalitiesRegistered").asInt()).isEqualTo(4);
            assertThat(after.path("members").findValuesAsText("participantId")).containsExactly("5001");
            assertThat(after.path("populationCovered").asLong()).isEqualTo(199595);
        }

        @Test
        void knownAtBeforeTheExampleShowsNoMembersAnywhere() {
            JsonNode report = json("/api/reports/participation?knownAt=" + beforeExample);

            assertThat(report.path("regions").findValuesAsText("memberMunicipalities")).containsOnly("0");
            assertThat(report.path("meta").path("knownAt").asText()).isNotEmpty();
        }

        @Test
        void knownAtAndAsOfTogether() {
            JsonNode atExampleEnd = json("/api/reports/participation?asOf=2020-06-01&knownAt=" + afterExample);

            assertThat(region(atExampleEnd, "trondheimsregionen").path("memberMunicipalities").asInt()).isZero();
            assertThat(region(atExampleEnd, "fosen").path("memberMunicipalities").asInt()).isEqualTo(1);
        }

        @Test
        void csvHasAHeaderRowAndNorwegianLettersIntact() {
            Response csv = http.get("/api/reports/participation?format=csv");

            assertThat(csv.status()).isEqualTo(200);
            assertThat(csv.contentType()).startsWith("text/csv");
            List<String> lines = csv.body().lines().toList();
            assertThat(lines.get(0)).startsWith("regionId,name,municipalitiesRegistered,memberMunicipalities");
            assertThat(lines).anyMatch(line -> line.startsWith("fosen,Fosen regionråd,6,1,0.1667,25502,10090,5054"));
            assertThat(lines).anyMatch(line -> line.startsWith("vaernesregionen,Værnesregionen,"));
            assertThat(lines).hasSize(10);
        }

        @Test
        void csvByAcceptHeader() {
            Response csv = http.get("/api/reports/participation/fosen", "Accept", "text/csv");

            assertThat(csv.contentType()).startsWith("text/csv");
            assertThat(csv.body().lines().toList())
                    .containsExactly("participantId,name,kind,population,memberSince",
                            "5054,Indre Fosen,MUNICIPALITY,10090,2018-06-14");
        }
    }

    @Nested
    class Funding {

        @Test
        void the2019BudgetIsHalfCoveredByDiscretionaryGrants() {
            JsonNode year = json("/api/reports/funding?year=2019").path("years").get(0);

            assertThat(year.path("year").asInt()).isEqualTo(2019);
            assertThat(year.path("budgetNok").decimalValue()).isEqualByComparingTo("2000000");
            assertThat(year.path("requiredFte").decimalValue()).isEqualByComparingTo("2.0");
            assertThat(year.path("belowMinimumFte").asBoolean()).isFalse();
            assertThat(year.path("allocatedBySource").path("DISCRETIONARY_GRANT").decimalValue())
                    .isEqualByComparingTo("1000000");
            assertThat(year.path("allocatedNok").decimalValue()).isEqualByComparingTo("1000000");
            assertThat(year.path("pledgedNok").decimalValue()).isEqualByComparingTo("50000");
            assertThat(year.path("gapNok").decimalValue()).isEqualByComparingTo("1000000");
            assertThat(year.path("gapAfterPledgesNok").decimalValue()).isEqualByComparingTo("950000");
            assertThat(year.path("pledgedByRegion").path("fosen").decimalValue()).isEqualByComparingTo("50000");
        }

        @Test
        void beforeTheDecisionNoBudgetIsInForce() {
            JsonNode report = json("/api/reports/funding?asOf=2018-05-01");

            assertThat(report.path("years").size()).isZero();
        }

        @Test
        void csvHasOneRowPerYear() {
            List<String> lines = http.get("/api/reports/funding?format=csv").body().lines().toList();

            assertThat(lines).hasSize(2);
            assertThat(lines.get(1)).isEqualTo(
                    "2019,2000000.00,2.0,false,sg-2018-05-02-07,1000000.00,,,,1000000.00,50000.00,1000000.00,950000.00");
        }
    }

    @Nested
    class Goals {

        @Test
        void fosenIndicatorsFollowFromTheExample() {
            JsonNode fosen = region(json("/api/reports/goals"), "fosen");

            assertThat(indicator(fosen, "goal1.members-in-active-initiative")).isEqualByComparingTo("1");
            assertThat(indicator(fosen, "goal3.members-in-joint-case-archive-initiative")).isEqualByComparingTo("1");
            assertThat(indicator(fosen, "goal4.population-coverage")).isEqualByComparingTo("0.3957");
            assertThat(indicator(fosen, "goal5.efagraad-established")).isEqualByComparingTo("0");
        }

        @Test
        void everyIndicatorComesWithItsDefinition() {
            JsonNode report = json("/api/reports/goals");

            assertThat(report.path("indicators").size()).isEqualTo(9);
            assertThat(report.path("indicators").findValuesAsText("definition")).allMatch(text -> text.contains("/"));
        }
    }

    @Nested
    class Initiatives {

        @Test
        void theJointCaseArchiveSystemIsApprovedWithIndreFosenTakingPart() {
            JsonNode initiative = json("/api/reports/initiatives").path("initiatives").get(0);

            assertThat(initiative.path("initiativeId").asText()).isEqualTo("felles-sak-arkiv");
            assertThat(initiative.path("status").asText()).isEqualTo("APPROVED");
            assertThat(initiative.path("approvedByDecisionId").asText()).isEqualTo("sg-2018-05-02-07");
            assertThat(initiative.path("budgetNok").decimalValue()).isEqualByComparingTo("1500000");
            assertThat(initiative.path("participantsByRegion").path("fosen").get(0).asText()).isEqualTo("5054");
        }

        @Test
        void beforeTheMeetingItIsOnlyProposed() {
            JsonNode initiative = json("/api/reports/initiatives?asOf=2018-05-01").path("initiatives").get(0);

            assertThat(initiative.path("status").asText()).isEqualTo("PROPOSED");
        }
    }

    @Nested
    class HistoryAndAudit {

        @Test
        void trondheimsHistoryIncludesKlaebus() {
            JsonNode history = json("/api/participants/5001/history");

            assertThat(history.path("covers").findValuesAsText("")).isEmpty();
            assertThat(history.path("covers").toString()).isEqualTo("[\"5001\",\"5030\"]");
            assertThat(history.path("entries").findValuesAsText("type")).containsSubsequence(
                    "ParticipantRegistered", "ParticipantRegistered", "CollaborationJoined",
                    "ParticipantMergedInto", "ParticipantMergedInto", "CollaborationJoined");
        }

        @Test
        void historyAsOfBeforeTheMergeEndsWithTheJoin() {
            JsonNode history = json("/api/participants/5030/history?asOf=2019-12-31");

            assertThat(history.path("entries").findValuesAsText("type"))
                    .containsExactly("ParticipantRegistered", "CollaborationJoined");
        }

        @Test
        void decisionLogShowsWhatFollowedFromTheDecision() {
            JsonNode decision = json("/api/audit/decisions/sg-2018-05-02-07").path("decision");

            assertThat(decision.path("points").size()).isEqualTo(9);
            assertThat(decision.path("citedBy").findValuesAsText("type")).containsExactly(
                    "InitiativeApproved", "SecretariatBudgetSet", "SecretariatFundingAllocated");
        }

        @Test
        void actorsAreNotShownToThePublicNorToOtherRoles() {
            for (LedgerHttp reader : List.of(new LedgerHttp(port), http, new LedgerHttp(port).as("kommune-5054"))) {
                assertThat(reader.get("/api/audit/decisions").body()).doesNotContain("\"actor\"");
                assertThat(reader.get("/api/participants/5001/history").body()).doesNotContain("\"actor\"");
            }
        }

        @Test
        void auditorsSeeWhoRecordedEachEvent() {
            LedgerHttp auditor = new LedgerHttp(port).as("auditor");

            JsonNode decision = auditor.get("/api/audit/decisions/sg-2018-05-02-07").json().path("decision");
            JsonNode history = auditor.get("/api/participants/5001/history").json();

            assertThat(decision.path("recorded").path("actor").asText()).isEqualTo("secretariat");
            assertThat(decision.path("citedBy").findValuesAsText("actor")).containsOnly("secretariat");
            assertThat(history.path("entries").findValuesAsText("actor")).contains("system:seed", "secretariat");
        }
    }

    @Nested
    class Caching {

        @Test
        void unchangedReportAnswers304() {
            Response first = http.get("/api/reports/goals");

            Response second = http.get("/api/reports/goals", "If-None-Match", first.etag());

            assertThat(first.etag()).isNotBlank();
            assertThat(second.status()).isEqualTo(304);
            assertThat(second.body()).isEmpty();
        }

        @Test
        void csvAndJsonHaveDifferentTags() {
            assertThat(http.get("/api/reports/goals?format=csv").etag())
                    .isNotEqualTo(http.get("/api/reports/goals").etag());
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "/api/reports/participation?asOf=2019-13-01, 400, asOf",
            "/api/reports/goals?knownAt=yesterday, 400, knownAt",
            "/api/reports/initiatives?format=xml, 400, format",
            "/api/reports/funding?year=abc, 400, year",
            "/api/reports/participation/atlantis, 404, ",
            "/api/participants/9999, 404, ",
            "/api/participants/9999/history, 404, ",
            "/api/audit/decisions/sg-1999-01-01-01, 404, ",
            "/api/participants/5059?asOf=2019-12-31, 404, "})
    void badReadsAreProblems(String path, int status, String field) {
        Response response = http.get(path);

        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        if (field != null) {
            assertThat(response.json().path("errors").findValuesAsText("field")).containsExactly(field);
        }
    }

    @Test
    void everyReportIsRebuiltIdenticallyFromTheEventsAlone() throws Exception {
        Map<String, String> before = snapshotReports();

        ReadSide.shutDownAll(eventProcessing);
        ReadSide.PROJECTIONS.forEach(name -> ReadSide.processor(eventProcessing, name).resetTokens());
        assertThat(jdbc.queryForList("SELECT projection FROM rm_projection_version WHERE building IS NOT NULL",
                String.class)).as("each projection builds its next version").hasSameElementsAs(ReadSide.PROJECTIONS);
        assertThat(snapshotReports()).as("the current versions answer while the next are built").isEqualTo(before);
        ReadSide.startAll(eventProcessing);
        awaitReadSide();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (jdbc.queryForObject("SELECT COUNT(*) FROM rm_projection_version WHERE building IS NOT NULL",
                Integer.class) > 0) {
            assertThat(Instant.now()).as("every rebuilt version takes over").isBefore(deadline);
            Thread.sleep(20);
        }

        assertThat(snapshotReports()).isEqualTo(before);
    }

    private Map<String, String> snapshotReports() throws IOException {
        Map<String, String> reports = new LinkedHashMap<>();
        for (String path : REPORTS) {
            reports.put(path, json(path).toPrettyString());
            reports.put(path + " (csv)", http.get(path, "Accept", "text/csv").body());
        }
        return reports;
    }

    private static JsonNode region(JsonNode report, String regionId) {
        for (JsonNode region : report.path("regions")) {
            if (region.path("regionId").asText().equals(regionId)) {
                return region;
            }
        }
        throw new AssertionError("No region " + regionId + " in " + report);
    }

    private static java.math.BigDecimal indicator(JsonNode region, String id) {
        for (JsonNode indicator : region.path("indicators")) {
            if (indicator.path("id").asText().equals(id)) {
                return indicator.path("value").decimalValue();
            }
        }
        throw new AssertionError("No indicator " + id + " in " + region);
    }
}
