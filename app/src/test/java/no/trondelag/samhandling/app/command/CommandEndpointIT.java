package no.trondelag.samhandling.app.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import no.trondelag.samhandling.app.LedgerHttp;
import no.trondelag.samhandling.app.LedgerHttp.Response;
import no.trondelag.samhandling.app.engine.StoredEvents;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * Drives {@code POST /api/commands/{CommandName}} over real HTTP against a seeded ledger: every command of the
 * catalogue once on its success path, then a rejection of every kind, each of which must leave the ledger as it
 * was.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:command-endpoint-it;DB_CLOSE_DELAY=-1")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommandEndpointIT {

    private static final String COUNCIL = "{\"body\":\"Indre Fosen kommunestyre\",\"caseNumber\":\"18/1234\","
            + "\"date\":\"2018-06-14\"}";
    private static final String DECISION = "{\"decisionId\":\"sg-2018-05-02-07\"}";

    @LocalServerPort
    int port;

    @Autowired
    CommandCatalogue catalogue;

    @Autowired
    EventStore eventStore;

    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;

    LedgerHttp http;
    final List<String> acceptedCommands = new ArrayList<>();

    @BeforeAll
    void everyCommandSucceedsOnItsHappyPath() {
        http = new LedgerHttp(port).as("secretariat");
        assertThat(events()).as("the seed: 9 regions and 47 municipalities").isEqualTo(56);

        accept("RecordSteeringGroupDecision", """
                {"decisionId":"sg-2018-05-02-07","meetingDate":"2018-05-02","caseNumber":"18/7",
                 "title":"Samhandlingsstrategi for digitalisering i Trøndelag","text":"Rådmannsutvalget vedtar",
                 "points":["Strategien vedtas","Det utarbeides en samarbeidsavtale"]}""",
                "SteeringGroupDecisionRecorded");
        accept("CorrectSteeringGroupDecision", """
                {"decisionId":"sg-2018-05-02-07","text":"Rådmannsutvalget vedtar strategien",
                 "points":["Strategien vedtas"],"reason":"Skrivefeil i protokollen"}""",
                "SteeringGroupDecisionCorrected");
        accept("RegisterRegion", """
                {"regionId":"test-region","name":"Testregionen"}""", "RegionRegistered");
        accept("JoinCollaboration", """
                {"participantId":"5054","effectiveDate":"2018-06-14","authority":%s}""".formatted(COUNCIL),
                "CollaborationJoined");
        accept("RegisterParticipant", """
                {"participantId":"817920632","name":"Trøndelag fylkeskommune","kind":"COUNTY_AUTHORITY",
                 "population":0,"effectiveDate":"2018-01-01"}""", "ParticipantRegistered");
        accept("JoinCollaboration", """
                {"participantId":"817920632","effectiveDate":"2018-06-01","authority":%s}""".formatted(DECISION),
                "CollaborationJoined");
        accept("WithdrawFromCollaboration", """
                {"participantId":"817920632","effectiveDate":"2019-06-01","authority":%s,"reason":"Test"}"""
                .formatted(DECISION), "CollaborationWithdrawn");
        accept("MoveParticipantToRegion", """
                {"participantId":"5054","regionId":"trondheimsregionen","effectiveDate":"2019-01-01",
                 "authority":%s}""".formatted(COUNCIL), "ParticipantMovedToRegion");
        accept("EstablishEFagraad", """
                {"regionId":"fosen","effectiveDate":"2018-09-01","authority":%s}""".formatted(DECISION),
                "EFagraadEstablished");
        accept("AppointStrategyGroupRepresentative", """
                {"regionId":"fosen","participantId":"5054","effectiveDate":"2018-09-01","authority":%s}"""
                .formatted(DECISION), "StrategyGroupRepresentativeAppointed");
        accept("ProposeInitiative", """
                {"initiativeId":"felles-sak-arkiv","title":"Felles sak- og arkivsystem",
                 "pillar":"PRIORITISED_INITIATIVES","goals":[3,4],"proposedBy":"Rådmannsutvalget"}""",
                "InitiativeProposed");
        accept("ApproveInitiative", """
                {"initiativeId":"felles-sak-arkiv","decisionId":"sg-2018-05-02-07","budgetNok":"1250000.00"}""",
                "InitiativeApproved");
        accept("JoinInitiative", """
                {"initiativeId":"felles-sak-arkiv","participantId":"5054","effectiveDate":"2018-10-01"}""",
                "InitiativeJoined");
        accept("RecordInitiativeMilestone", """
                {"initiativeId":"felles-sak-arkiv","milestone":"Anskaffelse","reachedOn":"2019-03-01",
                 "progressPercent":40}""", "InitiativeMilestoneReached");
        accept("LeaveInitiative", """
                {"initiativeId":"felles-sak-arkiv","participantId":"5054","effectiveDate":"2019-04-01"}""",
                "InitiativeLeft");
        accept("CompleteInitiative", """
                {"initiativeId":"felles-sak-arkiv","effectiveDate":"2021-12-31","decisionId":"sg-2018-05-02-07"}""",
                "InitiativeCompleted");
        accept("ProposeInitiative", """
                {"initiativeId":"felles-innbyggerportal","title":"Innbyggerportal","pillar":"COMPETENCE",
                 "goals":[1]}""", "InitiativeProposed");
        accept("CancelInitiative", """
                {"initiativeId":"felles-innbyggerportal","decisionId":"sg-2018-05-02-07","reason":"Nasjonal løsning"}""",
                "InitiativeCancelled");
        accept("SetSecretariatBudget", """
                {"year":2019,"requiredFte":2.0,"amountNok":2400000,"decisionId":"sg-2018-05-02-07"}""",
                "SecretariatBudgetSet");
        accept("PledgeSecretariatFunding", """
                {"year":2019,"participantId":"5054","amountNok":"50000.50","authority":%s}""".formatted(COUNCIL),
                "SecretariatFundingPledged");
        accept("AllocateSecretariatFunding", """
                {"year":2019,"source":"DISCRETIONARY_GRANT","amountNok":1000000,"decisionId":"sg-2018-05-02-07"}""",
                "SecretariatFundingAllocated");
        accept("RecordMaturityAssessment", """
                {"participantId":"5054","assessedOn":"2019-05-01","score":3.4,"method":"KS modenhetsmåling"}""",
                "DigitalMaturityAssessed");
        accept("RecordNationalComponentAdoption", """
                {"participantId":"5054","component":"ID-porten","adoptedOn":"2019-02-01"}""",
                "NationalComponentAdopted");
        accept("EnrolInCompetenceProgramme", """
                {"participantId":"5054","cohort":"2018-høst","leaders":4}""", "CompetenceProgrammeEnrolled");
        accept("CompleteCompetenceProgramme", """
                {"participantId":"5054","cohort":"2018-høst","leadersCompleted":3}""",
                "CompetenceProgrammeCompleted");
        accept("MergeParticipants", """
                {"successorId":"5057","successorName":"Ørland","predecessorIds":["5015","5017"],"regionId":"fosen",
                 "population":10215,"effectiveDate":"2020-01-01",
                 "authority":{"body":"Stortinget","caseNumber":"Innst. 386 S (2016-2017)","date":"2017-06-08"}}""",
                "ParticipantMergedInto", "ParticipantMergedInto", "ParticipantRegistered");
    }

    private void accept(String commandName, String body, String... eventTypes) {
        long before = events();
        Response response = http.command(commandName, body);
        assertThat(response.status()).as(commandName + ": " + response.body()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        JsonNode json = response.json();
        assertThat(json.path("events").size()).isEqualTo(eventTypes.length);
        for (int i = 0; i < eventTypes.length; i++) {
            JsonNode event = json.path("events").get(i);
            assertThat(event.path("type").asText()).isEqualTo(eventTypes[i]);
            assertThat(event.path("globalIndex").asLong()).isEqualTo(before + i + 1);
        }
        assertThat(response.etag()).isEqualTo("\"" + json.path("version").asLong() + "\"");
        assertThat(events()).isEqualTo(before + eventTypes.length);
        acceptedCommands.add(commandName);
    }

    @Test
    void everyCommandOfTheCatalogueWasAccepted() {
        assertThat(catalogue.names()).hasSize(24);
        assertThat(acceptedCommands).containsAll(catalogue.names());
    }

    @Test
    void answerNamesTheTargetAggregateAndItsNewVersion() {
        Response response = http.command("RecordMaturityAssessment", """
                {"participantId":"5054","assessedOn":"2020-05-01","score":3.9}""");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("aggregateId").asText()).isEqualTo("participant:5054");
        // registered, joined, moved, assessed, adopted, enrolled, completed: this assessment is sequence 7
        assertThat(response.json().path("version").asLong()).isEqualTo(7);
    }

    @Test
    void moneySentAsAJsonNumberKeepsItsExactDecimals() {
        Response response = http.command("PledgeSecretariatFunding", """
                {"year":2019,"participantId":"5054","amountNok":12345678.10,"authority":%s}""".formatted(COUNCIL));

        assertThat(response.status()).isEqualTo(200);
        long position = response.json().path("events").get(0).path("globalIndex").asLong();
        byte[] payload = StoredEvents.at(eventStore, position).serializePayload(eventSerializer, byte[].class)
                .getData();
        assertThat(new String(payload, StandardCharsets.UTF_8)).contains("\"amountNok\":12345678.10");
    }

    private long events() {
        return StoredEvents.count(eventStore);
    }

    Stream<Arguments> rejections() {
        return Stream.of(
                Arguments.of("RegisterRegion", "{\"regionId\":\"fosen\",\"name\":\"Fosen\"}", 409,
                        "region-already-registered"),
                Arguments.of("RegisterParticipant", """
                        {"participantId":"5001","name":"Trondheim","kind":"MUNICIPALITY","regionId":"fosen",
                         "population":1,"effectiveDate":"2018-01-01"}""", 409, "participant-already-registered"),
                Arguments.of("RegisterParticipant", """
                        {"participantId":"5099","name":"Ny","kind":"MUNICIPALITY","regionId":"nowhere",
                         "population":1,"effectiveDate":"2018-01-01"}""", 409, "region-not-registered"),
                Arguments.of("RegisterParticipant", """
                        {"participantId":"5099","name":"Ny","kind":"MUNICIPALITY",
                         "population":1,"effectiveDate":"2018-01-01"}""", 400, "invalid-fields"),
                Arguments.of("JoinCollaboration", """
                        {"participantId":"5054","effectiveDate":"2019-06-14","authority":%s}""".formatted(COUNCIL),
                        409, "already-member"),
                Arguments.of("JoinCollaboration", """
                        {"participantId":"5001","effectiveDate":"2018-06-14","authority":%s}""".formatted(DECISION),
                        409, "municipality-joins-by-council-decision"),
                Arguments.of("JoinCollaboration", """
                        {"participantId":"5015","effectiveDate":"2020-06-14","authority":%s}""".formatted(COUNCIL),
                        409, "participant-merged-away"),
                Arguments.of("JoinCollaboration", """
                        {"participantId":"9999","effectiveDate":"2018-06-14","authority":%s}""".formatted(COUNCIL),
                        404, "unknown-target"),
                Arguments.of("JoinCollaboration", """
                        {"participantId":"5001","effectiveDate":"2018-06-14",
                         "authority":{"decisionId":"sg-2099-01-01-01"}}""", 409,
                        "municipality-joins-by-council-decision"),
                Arguments.of("WithdrawFromCollaboration", """
                        {"participantId":"5001","effectiveDate":"2019-06-14","authority":%s}""".formatted(COUNCIL),
                        409, "not-member"),
                Arguments.of("MoveParticipantToRegion", """
                        {"participantId":"5054","regionId":"trondheimsregionen","effectiveDate":"2019-06-14",
                         "authority":%s}""".formatted(COUNCIL), 409, "region-unchanged"),
                Arguments.of("MoveParticipantToRegion", """
                        {"participantId":"5054","regionId":"fosen","effectiveDate":"2018-12-01",
                         "authority":%s}""".formatted(COUNCIL), 409, "effective-before-last-change"),
                Arguments.of("MergeParticipants", """
                        {"successorId":"5058","successorName":"Åfjord","predecessorIds":["5015","5019"],
                         "regionId":"fosen","population":1,"effectiveDate":"2021-01-01","authority":%s}"""
                        .formatted(COUNCIL), 409, "predecessor-already-merged"),
                Arguments.of("MergeParticipants", """
                        {"successorId":"5058","successorName":"Åfjord","predecessorIds":["5018","5098"],
                         "regionId":"fosen","population":1,"effectiveDate":"2020-01-01","authority":%s}"""
                        .formatted(COUNCIL), 404, "predecessor-not-registered"),
                Arguments.of("RecordSteeringGroupDecision", """
                        {"decisionId":"sg-2018-05-02-07","meetingDate":"2018-05-02","title":"T","text":"T",
                         "points":[]}""", 409, "decision-already-recorded"),
                Arguments.of("RecordSteeringGroupDecision", """
                        {"decisionId":"sg-2099-05-02-07","meetingDate":"2099-05-02","title":"T","text":"T",
                         "points":[]}""", 409, "meeting-date-in-future"),
                Arguments.of("CorrectSteeringGroupDecision", """
                        {"decisionId":"sg-2017-01-01-01","text":"T","points":[],"reason":"R"}""", 404,
                        "unknown-target"),
                Arguments.of("EstablishEFagraad", """
                        {"regionId":"fosen","effectiveDate":"2019-09-01","authority":%s}""".formatted(DECISION),
                        409, "efagraad-already-established"),
                Arguments.of("AppointStrategyGroupRepresentative", """
                        {"regionId":"namdal","participantId":"5005","effectiveDate":"2018-09-01","authority":%s}"""
                        .formatted(DECISION), 409, "not-member"),
                Arguments.of("ProposeInitiative", """
                        {"initiativeId":"felles-sak-arkiv","title":"T","pillar":"COMPETENCE","goals":[1]}""", 409,
                        "initiative-already-proposed"),
                Arguments.of("ApproveInitiative", """
                        {"initiativeId":"felles-sak-arkiv","decisionId":"sg-2018-05-02-07","budgetNok":1}""", 409,
                        "initiative-not-awaiting-approval"),
                Arguments.of("JoinInitiative", """
                        {"initiativeId":"felles-sak-arkiv","participantId":"5054","effectiveDate":"2022-01-01"}""",
                        409, "initiative-closed"),
                Arguments.of("LeaveInitiative", """
                        {"initiativeId":"felles-sak-arkiv","participantId":"5001","effectiveDate":"2022-01-01"}""",
                        409, "not-in-initiative"),
                Arguments.of("RecordInitiativeMilestone", """
                        {"initiativeId":"felles-sak-arkiv","milestone":"M","reachedOn":"2022-01-01",
                         "progressPercent":100}""", 409, "initiative-not-approved"),
                Arguments.of("CompleteInitiative", """
                        {"initiativeId":"felles-innbyggerportal","effectiveDate":"2022-01-01",
                         "decisionId":"sg-2018-05-02-07"}""", 409, "initiative-not-approved"),
                Arguments.of("CancelInitiative", """
                        {"initiativeId":"felles-sak-arkiv","decisionId":"sg-2018-05-02-07","reason":"R"}""", 409,
                        "initiative-completed"),
                Arguments.of("SetSecretariatBudget", """
                        {"year":2019,"requiredFte":2,"amountNok":10,"decisionId":"sg-2018-05-02-07"}""", 409,
                        "budget-revision-needs-new-decision"),
                Arguments.of("SetSecretariatBudget", """
                        {"year":2020,"requiredFte":2,"amountNok":10,"decisionId":"sg-2020-01-01-01"}""", 409,
                        "decision-not-recorded"),
                Arguments.of("PledgeSecretariatFunding", """
                        {"year":2019,"participantId":"5001","amountNok":10,"authority":%s}""".formatted(COUNCIL),
                        409, "not-member"),
                Arguments.of("AllocateSecretariatFunding", """
                        {"year":2019,"source":"COUNTY_AUTHORITY","amountNok":1400000.01,
                         "decisionId":"sg-2018-05-02-07"}""", 409, "allocations-exceed-budget"),
                Arguments.of("AllocateSecretariatFunding", """
                        {"year":2030,"source":"OTHER","amountNok":1,"decisionId":"sg-2018-05-02-07"}""", 409,
                        "budget-not-set"),
                Arguments.of("RecordMaturityAssessment", """
                        {"participantId":"5054","assessedOn":"2019-05-01","score":5.5}""", 400, "invalid-fields"),
                Arguments.of("RecordNationalComponentAdoption", """
                        {"participantId":"5054","component":"ID-porten","adoptedOn":"2020-02-01"}""", 409,
                        "component-already-adopted"),
                Arguments.of("EnrolInCompetenceProgramme", """
                        {"participantId":"5001","cohort":"2018-høst","leaders":4}""", 409, "not-member"),
                Arguments.of("CompleteCompetenceProgramme", """
                        {"participantId":"5054","cohort":"2019-vår","leadersCompleted":1}""", 409, "not-enrolled"),
                Arguments.of("JoinCollaboration", "{\"participantId\":\"5054\",\"extra\":true}", 400,
                        "invalid-fields"),
                Arguments.of("JoinCollaboration", "{\"participantId\":", 400, "malformed-request"),
                Arguments.of("NoSuchCommand", "{}", 404, "unknown-command"));
    }

    @ParameterizedTest(name = "{0} -> {2} {3}")
    @MethodSource("rejections")
    void rejectedCommandAppendsNothing(String commandName, String body, int status, String rule) {
        long before = events();

        Response response = http.command(commandName, body);

        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("rule").asText()).isEqualTo(rule);
        assertThat(response.json().path("detail").asText()).isNotBlank();
        assertThat(events()).isEqualTo(before);
    }

    @Nested
    class MalformedRequests {

        @Test
        void invalidFieldsAreEachNamed() {
            Response response = http.command("ProposeInitiative", """
                    {"initiativeId":"X","title":"","pillar":"NOPE","goals":[1,"two"],"unknown":1}""");

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.json().path("errors").findValuesAsText("field"))
                    .containsExactlyInAnyOrder("unknown", "pillar", "goals[1]");
        }

        @Test
        void shapeRulesNameEveryOffendingField() {
            Response response = http.command("ProposeInitiative", """
                    {"initiativeId":"X","title":"","pillar":"COMPETENCE","goals":[0,6]}""");

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.json().path("errors").findValuesAsText("field"))
                    .containsExactlyInAnyOrder("initiativeId", "title", "goals");
        }

        @Test
        void nonJsonIsUnsupportedMediaType() {
            Response response = http.post("/api/commands/JoinCollaboration", "text/plain", "join 5054");

            assertThat(response.status()).isEqualTo(415);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }

        @Test
        void wrongMethodIsAProblemToo() {
            Response response = http.get("/api/commands/JoinCollaboration");

            assertThat(response.status()).isEqualTo(405);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }

        @Test
        void jsonThatIsNotAnObjectIsMalformed() {
            assertThat(http.command("JoinCollaboration", "[1,2]").status()).isEqualTo(400);
            assertThat(http.command("JoinCollaboration", "null").status()).isEqualTo(400);
            assertThat(http.command("JoinCollaboration", "").status()).isEqualTo(400);
        }
    }
}
