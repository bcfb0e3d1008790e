package no.trondelag.samhandling.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import no.trondelag.samhandling.app.LedgerHttp;
import no.trondelag.samhandling.app.LedgerHttp.Response;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * Participants and initiatives are snapshotted every {@code ledger.snapshots.threshold} events (5 here): the
 * snapshots land in {@code snapshotevententry}, loading starts from them, and commands after them are judged on
 * the whole history as before.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestPropertySource(properties = {
        "spring.datasource.url=jdbc:h2:mem:snapshots-it;DB_CLOSE_DELAY=-1",
        "ledger.snapshots.threshold=5"})
class SnapshotsIT {

    private static final String DECISION = """
            {"decisionId":"sg-2018-05-02-07","meetingDate":"2018-05-02","caseNumber":"18/7",
             "title":"Samhandlingsstrategi","text":"Strategien vedtas.","points":[]}""";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EventStore eventStore;

    LedgerHttp http;

    @BeforeEach
    void client() {
        http = new LedgerHttp(port).as("secretariat");
    }

    private Response accepted(String command, String json) {
        Response response = http.command(command, json);
        assertThat(response.status()).as(command + " " + json + " " + response.body()).isEqualTo(200);
        return response;
    }

    private void rejected(String command, String json, String rule) {
        Response response = http.command(command, json);
        assertThat(response.status()).as(command + " " + response.body()).isEqualTo(409);
        assertThat(response.json().path("rule").asText()).isEqualTo(rule);
    }

    private List<Map<String, Object>> snapshotRows(String aggregateId) {
        return jdbc.queryForList("SELECT sequenceNumber, type, payloadType, payloadRevision FROM snapshotevententry "
                + "WHERE aggregateIdentifier = ? ORDER BY sequenceNumber", aggregateId);
    }

    private long eventCount(String aggregateId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM domainevententry WHERE aggregateIdentifier = ?", Long.class,
                aggregateId);
    }

    private DomainEventMessage<?> firstToLoad(String aggregateId) {
        return eventStore.readEvents(aggregateId).asStream().findFirst().orElseThrow();
    }

    @Nested
    class Participants {

        private static final String MALVIK = "5031";
        private static final String PARTICIPANT = "participant:" + MALVIK;
        private static final String FROSTA = "participant:5036";

        @Test
        void aParticipantWithALongHistoryIsSnapshottedAndStillJudgedOnAllOfIt() {
            // given: 1 registration (seeded), 1 membership, 12 assessments, 6 adoptions
            accepted("JoinCollaboration", """
                    {"participantId":"5031","effectiveDate":"2018-06-14",
                     "authority":{"body":"Malvik kommunestyre","caseNumber":"18/31","date":"2018-06-14"}}""");
            LocalDate assessedOn = LocalDate.of(2018, 3, 1);
            for (int i = 0; i < 12; i++) {
                accepted("RecordMaturityAssessment", """
                        {"participantId":"5031","assessedOn":"%s","score":"%d.5"}"""
                        .formatted(assessedOn.plusMonths(i), 1 + i % 4));
            }
            for (int i = 0; i < 6; i++) {
                accepted("RecordNationalComponentAdoption", """
                        {"participantId":"5031","component":"Komponent %d","adoptedOn":"2019-0%d-01"}"""
                        .formatted(i, i + 1));
            }

            // then: snapshots were written by the general serializer, with the aggregate's revision
            List<Map<String, Object>> snapshots = snapshotRows(PARTICIPANT);
            assertThat(snapshots).isNotEmpty().allSatisfy(row -> {
                assertThat(row.get("TYPE")).isEqualTo("Participant");
                assertThat(row.get("PAYLOADTYPE"))
                        .isEqualTo("no.trondelag.samhandling.command.participation.Participant");
                assertThat(row.get("PAYLOADREVISION")).isEqualTo("1");
            });
            long latest = ((Number) snapshots.get(snapshots.size() - 1).get("SEQUENCENUMBER")).longValue();
            assertThat(latest).isGreaterThanOrEqualTo(eventCount(PARTICIPANT) - 1 - 5);
            DomainEventMessage<?> first = firstToLoad(PARTICIPANT);
            assertThat(first.getPayloadType().getSimpleName()).isEqualTo("Participant");
            assertThat(first.getSequenceNumber()).isEqualTo(latest);

            // and: commands after the snapshot see what came before it
            rejected("RecordNationalComponentAdoption", """
                    {"participantId":"5031","component":"Komponent 0","adoptedOn":"2019-08-01"}""",
                    "component-already-adopted");
            rejected("JoinCollaboration", """
                    {"participantId":"5031","effectiveDate":"2019-01-01",
                     "authority":{"body":"Malvik kommunestyre","caseNumber":"18/32","date":"2019-01-01"}}""",
                    "already-member");
            Response adopted = accepted("RecordNationalComponentAdoption", """
                    {"participantId":"5031","component":"Komponent 6","adoptedOn":"2019-08-01"}""");
            assertThat(adopted.json().path("version").asLong()).isEqualTo(eventCount(PARTICIPANT) - 1);
            assertThat(eventCount(PARTICIPANT)).isEqualTo(1 + 1 + 12 + 7);
        }

        @Test
        void theReadSideIsUntouchedBySnapshots() throws InterruptedException {
            // given
            accepted("JoinCollaboration", """
                    {"participantId":"5036","effectiveDate":"2018-06-14",
                     "authority":{"body":"Frosta kommunestyre","caseNumber":"18/36","date":"2018-06-14"}}""");
            for (int i = 0; i < 8; i++) {
                accepted("RecordMaturityAssessment", """
                        {"participantId":"5036","assessedOn":"2018-0%d-01","score":"3.0"}""".formatted(i + 1));
            }
            assertThat(snapshotRows(FROSTA)).isNotEmpty();

            // when
            JsonNode frosta = awaitParticipant("5036").path("participant");

            // then
            assertThat(frosta.path("member").asBoolean()).isTrue();
            assertThat(frosta.path("memberSince").asText()).isEqualTo("2018-06-14");
        }

        private JsonNode awaitParticipant(String participantId) throws InterruptedException {
            long head = jdbc.queryForObject("SELECT MAX(globalIndex) FROM domainevententry", Long.class);
            Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
            while (Instant.now().isBefore(deadline)) {
                Response response = http.get("/api/participants/" + participantId);
                if (response.status() == 200 && response.json().path("meta").path("position").asLong(-1) >= head) {
                    return response.json();
                }
                Thread.sleep(50);
            }
            throw new AssertionError("The read side did not reach position " + head);
        }
    }

    @Nested
    class Initiatives {

        private static final String INITIATIVE = "initiative:felles-innbyggerportal";

        @Test
        void anInitiativeWithManyMilestonesIsSnapshottedAndStillFollowsItsRules() {
            // given: proposed, approved, and 8 milestones
            Response decision = http.command("RecordSteeringGroupDecision", DECISION);
            assertThat(decision.status()).as(decision.body()).isIn(200, 409);
            accepted("ProposeInitiative", """
                    {"initiativeId":"felles-innbyggerportal","title":"Felles innbyggerportal",
                     "pillar":"PRIORITISED_INITIATIVES","goals":[2]}""");
            accepted("ApproveInitiative", """
                    {"initiativeId":"felles-innbyggerportal","decisionId":"sg-2018-05-02-07",
                     "budgetNok":"800000.00"}""");
            for (int progress = 10; progress <= 80; progress += 10) {
                accepted("RecordInitiativeMilestone", """
                        {"initiativeId":"felles-innbyggerportal","milestone":"Milepæl %d","reachedOn":"2019-%02d-01",
                         "progressPercent":%d}""".formatted(progress, progress / 10, progress));
            }

            // then
            assertThat(snapshotRows(INITIATIVE)).isNotEmpty().allSatisfy(row -> assertThat(row.get("PAYLOADTYPE"))
                    .isEqualTo("no.trondelag.samhandling.command.initiative.Initiative"));
            assertThat(firstToLoad(INITIATIVE).getPayloadType().getSimpleName()).isEqualTo("Initiative");
            rejected("ApproveInitiative", """
                    {"initiativeId":"felles-innbyggerportal","decisionId":"sg-2018-05-02-07","budgetNok":"1.00"}""",
                    "initiative-not-awaiting-approval");
            rejected("RecordInitiativeMilestone", """
                    {"initiativeId":"felles-innbyggerportal","milestone":"Tilbake","reachedOn":"2019-10-01",
                     "progressPercent":70}""", "progress-decreased");
            accepted("RecordInitiativeMilestone", """
                    {"initiativeId":"felles-innbyggerportal","milestone":"Ferdig","reachedOn":"2019-11-01",
                     "progressPercent":100}""");
            assertThat(eventCount(INITIATIVE)).isEqualTo(1 + 1 + 8 + 1);
        }
    }
}
