package no.trondelag.samhandling.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import no.trondelag.samhandling.app.command.CommandCatalogue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * Sends every command of the catalogue as every kind of caller over real HTTP with the built-in users, and checks
 * who is turned away and how: no or wrong credentials are 401 with a Basic challenge, a role that may not send the
 * command (or a participant acting for another participant) is 403, and neither appends anything. Allowed callers
 * reach the business rules, which may accept or reject the command on their own terms.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
// The matrix sends a wrong password once per command from one address, 24 in all: more failures than an address is
// allowed before the login throttle locks it (LoginThrottleIT tests that), so the limit is raised here.
@TestPropertySource(properties = {
        "spring.datasource.url=jdbc:h2:mem:authorization-matrix-it;DB_CLOSE_DELAY=-1",
        "ledger.security.login-throttle.address.free-failures=100"})
class AuthorizationMatrixIT {

    private static final String OWN = "5054";
    private static final String OTHER = "5001";
    private static final String COUNCIL = "{\"body\":\"Indre Fosen kommunestyre\",\"caseNumber\":\"18/1234\","
            + "\"date\":\"2018-06-14\"}";
    private static final String DECISION = "{\"decisionId\":\"sg-2018-05-02-07\"}";

    /** One valid-looking body per command; {@code {p}} stands for the participant the caller acts for. */
    private static final Map<String, String> BODIES = bodies();

    @LocalServerPort
    int port;

    @Autowired
    CommandCatalogue catalogue;

    @Autowired
    JdbcTemplate jdbc;

    /** The callers, in the order in which each command is sent: the turned-away ones before the allowed ones. */
    enum Caller {
        ANONYMOUS("anonymous", null, null, OWN),
        WRONG_PASSWORD("wrong password", "secretariat", "not-the-password", OWN),
        AUDITOR("auditor", "auditor", "auditor", OWN),
        ADMIN("admin", "admin", "admin", OWN),
        PARTICIPANT_FOR_OTHER("kommune-5054 for " + OTHER, "kommune-5054", "kommune-5054", OTHER),
        PARTICIPANT_FOR_ITSELF("kommune-5054 for " + OWN, "kommune-5054", "kommune-5054", OWN),
        SECRETARIAT("secretariat", "secretariat", "secretariat", OWN);

        private final String label;
        private final String user;
        private final String password;
        private final String participantId;

        Caller(String label, String user, String password, String participantId) {
            this.label = label;
            this.user = user;
            this.password = password;
            this.participantId = participantId;
        }

        RawHttp client(int port) {
            RawHttp http = RawHttp.anonymous(port);
            return user == null ? http : http.basic(user, password);
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** What a caller should meet. */
    enum Outcome {
        UNAUTHENTICATED, FORBIDDEN, REACHES_THE_RULES
    }

    static Stream<Arguments> matrix() {
        return new CommandCatalogue().names().stream()
                .flatMap(command -> Stream.of(Caller.values())
                        .map(caller -> Arguments.of(command, caller, expected(command, caller))));
    }

    private static Outcome expected(String command, Caller caller) {
        return switch (caller) {
            case ANONYMOUS, WRONG_PASSWORD -> Outcome.UNAUTHENTICATED;
            case AUDITOR, ADMIN, PARTICIPANT_FOR_OTHER -> Outcome.FORBIDDEN;
            case PARTICIPANT_FOR_ITSELF -> CommandPermissions.PARTICIPANT_COMMANDS.contains(command)
                    ? Outcome.REACHES_THE_RULES : Outcome.FORBIDDEN;
            case SECRETARIAT -> Outcome.REACHES_THE_RULES;
        };
    }

    @Test
    void theMatrixCoversAll24CommandsOfTheCatalogue() {
        assertThat(catalogue.names()).hasSize(24);
        assertThat(new CommandCatalogue().names()).isEqualTo(catalogue.names());
        assertThat(BODIES.keySet()).isEqualTo(catalogue.names());
        assertThat(catalogue.names()).containsAll(CommandPermissions.PARTICIPANT_COMMANDS);
        assertThat(CommandPermissions.PARTICIPANT_COMMANDS).hasSize(6);
    }

    @ParameterizedTest(name = "{0} × {1}")
    @MethodSource("matrix")
    void callerMeetsItsOutcome(String command, Caller caller, Outcome outcome) {
        String body = BODIES.get(command);
        assertThat(body).as("a body for " + command).isNotNull();
        body = body.replace("{p}", caller.participantId);
        long eventsBefore = eventCount();

        RawHttp.Response response = caller.client(port).command(command, body);

        switch (outcome) {
            case UNAUTHENTICATED -> {
                assertThat(response.status()).as(response.toString()).isEqualTo(401);
                assertThat(response.contentType()).startsWith("application/problem+json");
                assertThat(response.wwwAuthenticate()).startsWith("Basic ");
                assertThat(response.json().path("rule").asText()).isEqualTo("unauthenticated");
                assertThat(eventCount()).as("events appended by a 401").isEqualTo(eventsBefore);
            }
            case FORBIDDEN -> {
                assertThat(response.status()).as(response.toString()).isEqualTo(403);
                assertThat(response.contentType()).startsWith("application/problem+json");
                assertThat(response.json().path("rule").asText()).isEqualTo("forbidden");
                assertThat(response.json().path("detail").asText()).isNotBlank();
                assertThat(eventCount()).as("events appended by a 403").isEqualTo(eventsBefore);
            }
            case REACHES_THE_RULES -> {
                assertThat(response.status()).as(response.toString())
                        .isNotIn(401, 403)
                        .matches(status -> status == 200 || status >= 400 && status < 500,
                                "200 or a 4xx rejection by a business rule");
                if (response.status() != 200) {
                    assertThat(response.contentType()).as(response.toString())
                            .startsWith("application/problem+json");
                    assertThat(eventCount()).as("events appended by a rejection").isEqualTo(eventsBefore);
                }
            }
        }
    }

    private long eventCount() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM domainevententry", Long.class);
    }

    private static Map<String, String> bodies() {
        Map<String, String> bodies = new TreeMap<>();
        bodies.put("JoinCollaboration", """
                {"participantId":"{p}","effectiveDate":"2018-06-14","authority":%s}""".formatted(COUNCIL));
        bodies.put("WithdrawFromCollaboration", """
                {"participantId":"{p}","effectiveDate":"2019-06-01","authority":%s,"reason":"Test"}"""
                .formatted(COUNCIL));
        bodies.put("RecordMaturityAssessment", """
                {"participantId":"{p}","assessedOn":"2018-07-01","score":3.4,"method":"KS modenhetsmåling"}""");
        bodies.put("RecordNationalComponentAdoption", """
                {"participantId":"{p}","component":"ID-porten","adoptedOn":"2018-07-01"}""");
        bodies.put("EnrolInCompetenceProgramme", """
                {"participantId":"{p}","cohort":"2018-høst","leaders":4}""");
        bodies.put("CompleteCompetenceProgramme", """
                {"participantId":"{p}","cohort":"2018-høst","leadersCompleted":3}""");
        bodies.put("RecordSteeringGroupDecision", """
                {"decisionId":"sg-2018-05-02-07","meetingDate":"2018-05-02","caseNumber":"18/7",
                 "title":"Samhandlingsstrategi for digitalisering i Trøndelag","text":"Rådmannsutvalget vedtar",
                 "points":["Strategien vedtas","Det utarbeides en samarbeidsavtale"]}""");
        bodies.put("CorrectSteeringGroupDecision", """
                {"decisionId":"sg-2018-05-02-07","text":"Rådmannsutvalget vedtar strategien",
                 "points":["Strategien vedtas"],"reason":"Skrivefeil i protokollen"}""");
        bodies.put("RegisterRegion", """
                {"regionId":"test-region","name":"Testregionen"}""");
        bodies.put("RegisterParticipant", """
                {"participantId":"817920632","name":"Trøndelag fylkeskommune","kind":"COUNTY_AUTHORITY",
                 "population":0,"effectiveDate":"2018-01-01"}""");
        bodies.put("MoveParticipantToRegion", """
                {"participantId":"{p}","regionId":"trondheimsregionen","effectiveDate":"2019-01-01",
                 "authority":%s}""".formatted(COUNCIL));
        bodies.put("EstablishEFagraad", """
                {"regionId":"fosen","effectiveDate":"2018-09-01","authority":%s}""".formatted(DECISION));
        bodies.put("AppointStrategyGroupRepresentative", """
                {"regionId":"fosen","participantId":"{p}","effectiveDate":"2018-09-01","authority":%s}"""
                .formatted(DECISION));
        bodies.put("ProposeInitiative", """
                {"initiativeId":"felles-sak-arkiv","title":"Felles sak- og arkivsystem",
                 "pillar":"PRIORITISED_INITIATIVES","goals":[3,4],"proposedBy":"Rådmannsutvalget"}""");
        bodies.put("ApproveInitiative", """
                {"initiativeId":"felles-sak-arkiv","decisionId":"sg-2018-05-02-07","budgetNok":"1250000.00"}""");
        bodies.put("JoinInitiative", """
                {"initiativeId":"felles-sak-arkiv","participantId":"{p}","effectiveDate":"2018-10-01"}""");
        bodies.put("RecordInitiativeMilestone", """
                {"initiativeId":"felles-sak-arkiv","milestone":"Anskaffelse","reachedOn":"2019-03-01",
                 "progressPercent":40}""");
        bodies.put("LeaveInitiative", """
                {"initiativeId":"felles-sak-arkiv","participantId":"{p}","effectiveDate":"2019-04-01"}""");
        bodies.put("CompleteInitiative", """
                {"initiativeId":"felles-sak-arkiv","effectiveDate":"2021-12-31","decisionId":"sg-2018-05-02-07"}""");
        bodies.put("CancelInitiative", """
                {"initiativeId":"felles-innbyggerportal","decisionId":"sg-2018-05-02-07",
                 "reason":"Nasjonal løsning"}""");
        bodies.put("SetSecretariatBudget", """
                {"year":2019,"requiredFte":2.0,"amountNok":2400000,"decisionId":"sg-2018-05-02-07"}""");
        bodies.put("PledgeSecretariatFunding", """
                {"year":2019,"participantId":"{p}","amountNok":"50000.50","authority":%s}""".formatted(COUNCIL));
        bodies.put("AllocateSecretariatFunding", """
                {"year":2019,"source":"DISCRETIONARY_GRANT","amountNok":1000000,
                 "decisionId":"sg-2018-05-02-07"}""");
        bodies.put("MergeParticipants", """
                {"successorId":"5057","successorName":"Ørland","predecessorIds":["5015","5017"],"regionId":"fosen",
                 "population":10215,"effectiveDate":"2020-01-01",
                 "authority":{"body":"Stortinget","caseNumber":"Innst. 386 S (2016-2017)","date":"2017-06-08"}}""");
        return bodies;
    }
}
