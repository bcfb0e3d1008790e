package no.trondelag.samhandling.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import no.trondelag.samhandling.api.common.Money;
import no.trondelag.samhandling.api.initiative.InitiativeApproved;
import no.trondelag.samhandling.app.LedgerHttp;
import no.trondelag.samhandling.app.LedgerHttp.Response;
import no.trondelag.samhandling.app.ReadSide;
import no.trondelag.samhandling.query.governance.DecisionLogProjection;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * A ledger that recorded {@code InitiativeApproved} at revision 1, before budgets carried their currency: the event
 * is written into {@code domainevententry} over JDBC exactly as the earlier version of the ledger stored it, and
 * both sides read it as revision 2, the aggregate when it judges the next commands and the read side when it shows
 * the budget. A projection that keeps the event whole keeps it at revision 2, and a rebuild of the read side reads
 * the stored revision 1 as revision 2 again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:initiative-approved-upcasting-it;DB_CLOSE_DELAY=-1")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InitiativeApprovedUpcastingIT {

    private static final String INITIATIVE = "initiative:felles-sak-arkiv";
    /** Revision 1 as the ledger stored it: the budget as kroner without a currency. */
    private static final String REVISION_1 = """
            {"initiativeId":"felles-sak-arkiv","decisionId":"sg-2018-05-02-07","budgetNok":1250000.00}""";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EventStore eventStore;

    @Autowired
    EventProcessingConfiguration processing;

    LedgerHttp http;
    long approvedAt;

    @BeforeAll
    void aLedgerThatApprovedAnInitiativeAtRevisionOne() {
        http = new LedgerHttp(port).as("secretariat");
        accepted("RecordSteeringGroupDecision", """
                {"decisionId":"sg-2018-05-02-07","meetingDate":"2018-05-02","caseNumber":"18/7",
                 "title":"Samhandlingsstrategi","text":"Felles sak-/arkivsystem er første felles satsing.",
                 "points":[]}""");
        accepted("ProposeInitiative", """
                {"initiativeId":"felles-sak-arkiv","title":"Felles sak- og arkivsystem",
                 "pillar":"PRIORITISED_INITIATIVES","goals":[1,3,4]}""");
        jdbc.update("INSERT INTO domainevententry (aggregateIdentifier, sequenceNumber, type, eventIdentifier, "
                        + "metaData, payload, payloadRevision, payloadType, timeStamp) "
                        + "VALUES (?, 1, 'Initiative', ?, ?, ?, '1', ?, ?)",
                INITIATIVE, UUID.randomUUID().toString(),
                "{\"actor\":\"secretariat\"}".getBytes(StandardCharsets.UTF_8),
                REVISION_1.getBytes(StandardCharsets.UTF_8),
                "no.trondelag.samhandling.api.initiative.InitiativeApproved",
                DateTimeUtils.formatInstant(Instant.now()));
        approvedAt = jdbc.queryForObject("SELECT globalIndex FROM domainevententry WHERE aggregateIdentifier = ? "
                + "AND sequenceNumber = 1", Long.class, INITIATIVE);
    }

    private Response accepted(String command, String json) {
        Response response = http.command(command, json);
        assertThat(response.status()).as(command + " " + response.body()).isEqualTo(200);
        return response;
    }

    private JsonNode initiativeInReport() {
        ReadSide.awaitCaughtUp(processing, jdbc);
        Response response = http.get("/api/reports/initiatives");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode report = response.json();
        for (JsonNode initiative : report.path("initiatives")) {
            if (initiative.path("initiativeId").asText().equals("felles-sak-arkiv")) {
                return initiative;
            }
        }
        throw new AssertionError("No felles-sak-arkiv in " + report);
    }

    /** The approval as the decision log keeps it, among the events citing the decision. */
    private String approvalInTheDecisionLog() {
        return jdbc.queryForObject("SELECT payload FROM "
                + ReadSide.table(DecisionLogProjection.NAME, DecisionLogProjection.VERSION, "citation")
                + " WHERE position = ?", String.class, approvedAt);
    }

    @Test
    @Order(1)
    void theStoreKeepsRevisionOneAsItWasWritten() {
        assertThat(jdbc.queryForObject("SELECT payloadRevision FROM domainevententry WHERE globalIndex = ?",
                String.class, approvedAt)).isEqualTo("1");
    }

    @Test
    @Order(2)
    void theReadSideShowsTheBudgetOfTheRevisionOneApproval() {
        JsonNode initiative = initiativeInReport();

        assertThat(initiative.path("status").asText()).isEqualTo("APPROVED");
        assertThat(initiative.path("approvedByDecisionId").asText()).isEqualTo("sg-2018-05-02-07");
        assertThat(initiative.path("budgetNok").decimalValue()).isEqualByComparingTo("1250000.00");
        assertThat(http.get("/api/reports/initiatives?format=csv").body())
                .contains("felles-sak-arkiv,Felles sak- og arkivsystem,APPROVED")
                .contains(",sg-2018-05-02-07,1250000.00,");
        assertThat(approvalInTheDecisionLog())
                .contains("\"budget\":{\"amount\":1250000.00,\"currency\":\"NOK\"}")
                .doesNotContain("budgetNok");
    }

    @Test
    @Order(3)
    void theAggregateLoadsTheApprovalAsRevisionTwo() {
        List<?> payloads = eventStore.readEvents(INITIATIVE).asStream().map(DomainEventMessage::getPayload).toList();

        assertThat(payloads).hasSize(2).last().isEqualTo(new InitiativeApproved("felles-sak-arkiv",
                "sg-2018-05-02-07", Money.nok(new BigDecimal("1250000.00"))));
    }

    @Test
    @Order(4)
    void theAggregateKnowsTheInitiativeIsApproved() {
        Response again = http.command("ApproveInitiative", """
                {"initiativeId":"felles-sak-arkiv","decisionId":"sg-2018-05-02-07","budgetNok":"2000000.00"}""");
        assertThat(again.status()).as(again.body()).isEqualTo(409);
        assertThat(again.json().path("rule").asText()).isEqualTo("initiative-not-awaiting-approval");

        Response milestone = accepted("RecordInitiativeMilestone", """
                {"initiativeId":"felles-sak-arkiv","milestone":"Anskaffelse","reachedOn":"2019-03-01",
                 "progressPercent":40}""");
        assertThat(milestone.json().path("version").asLong()).isEqualTo(2);
    }

    @Test
    @Order(5)
    void aRebuildReadsTheRevisionOneApprovalAsRevisionTwoAgain() {
        // given: the read side, with the milestone recorded after the approval
        initiativeInReport();

        // when: every projection is rebuilt from the events in the store
        ReadSide.replayAll(processing);
        JsonNode initiative = initiativeInReport();

        // then
        assertThat(initiative.path("status").asText()).isEqualTo("APPROVED");
        assertThat(initiative.path("budgetNok").decimalValue()).isEqualByComparingTo("1250000.00");
        assertThat(http.get("/api/reports/initiatives?format=csv").body()).contains(",sg-2018-05-02-07,1250000.00,");
        assertThat(initiative.path("lastMilestone").path("progressPercent").asInt()).isEqualTo(40);
        assertThat(approvalInTheDecisionLog()).contains("\"budget\":{\"amount\":1250000.00,\"currency\":\"NOK\"}");
    }
}
