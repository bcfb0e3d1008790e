package no.trondelag.samhandling.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.Stream;
import no.trondelag.samhandling.app.LedgerHttp.Response;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
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
 * Drives the real HTTP API with text that is legal but looks like a spreadsheet formula, with text holding control
 * characters, and with an event recorded before commands were checked for them: the formula is accepted and comes
 * out neutralised in CSV and escaped on the dashboard, the control characters are rejected at input without
 * appending anything, and the old event's control characters are replaced wherever it is shown.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:safe-output-it;DB_CLOSE_DELAY=-1")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SafeOutputIT {

    private static final String DECISION_ID = "sg-2018-05-02-07";
    private static final String FORMULA_TITLE = "=HYPERLINK(\"http://example.com\",\"<b>Klikk</b>\")";
    /** An event as a ledger recorded it before the rule: its title holds an ESC sequence and a U+202E override. */
    private static final String OLD_DECISION_ID = "sg-2017-12-01-01";
    private static final String OLD_PAYLOAD = """
            {"decisionId":"sg-2017-12-01-01","meetingDate":"2017-12-01","caseNumber":"17/9",
             "title":"Eldre\\u001b[31m vedtak\\u202etxt.exe","text":"Tekst\\u0007","points":["Punkt\\u0000"]}""";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EventProcessingConfiguration processing;

    LedgerHttp http;

    @BeforeAll
    void aFormulaTitleIsAcceptedAndAnOldEventHoldsControlCharacters() {
        http = new LedgerHttp(port).as("secretariat");
        accepted("RecordSteeringGroupDecision", """
                {"decisionId":"%s","meetingDate":"2018-05-02","caseNumber":"18/7",
                 "title":%s,"text":"Linje 1\\nLinje 2\\r\\n\\tInnrykk","points":["+1+1","@SUM(1)"]}"""
                .formatted(DECISION_ID, json(FORMULA_TITLE)));
        accepted("ProposeInitiative", """
                {"initiativeId":"felles-sak-arkiv","title":"-5","pillar":"PRIORITISED_INITIATIVES","goals":[3,4]}""");
        accepted("ApproveInitiative", """
                {"initiativeId":"felles-sak-arkiv","decisionId":"%s","budgetNok":"1250000.00"}"""
                .formatted(DECISION_ID));
        jdbc.update("INSERT INTO domainevententry (aggregateIdentifier, sequenceNumber, type, eventIdentifier, "
                        + "metaData, payload, payloadRevision, payloadType, timeStamp) "
                        + "VALUES (?, 0, 'SteeringGroupDecision', ?, ?, ?, '1', ?, ?)",
                "decision:" + OLD_DECISION_ID, UUID.randomUUID().toString(),
                "{\"actor\":\"secretariat\"}".getBytes(StandardCharsets.UTF_8),
                OLD_PAYLOAD.getBytes(StandardCharsets.UTF_8),
                "no.trondelag.samhandling.api.governance.SteeringGroupDecisionRecorded",
                DateTimeUtils.formatInstant(Instant.now()));
        awaitReadSide();
    }

    @Nested
    class Csv {

        @Test
        void aFormulaInAFreeTextFieldIsWrittenAsTextWithALeadingQuote() {
            String csv = csv("/api/audit/decisions");

            assertThat(csv).contains(DECISION_ID + ",2018-05-02,18/7,"
                    + "\"'=HYPERLINK(\"\"http://example.com\"\",\"\"<b>Klikk</b>\"\")\",'+1+1;'@SUM(1),");
            assertThat(csv).doesNotContain(",=HYPERLINK").doesNotContain(",+1+1").doesNotContain(";@SUM");
        }

        @Test
        void aTextThatLooksNegativeIsNeutralisedWhileAmountsStayNumbers() {
            String csv = csv("/api/reports/initiatives");

            assertThat(csv).contains("felles-sak-arkiv,'-5,APPROVED,PRIORITISED_INITIATIVES,3;4,"
                    + DECISION_ID + ",1250000.00,");
        }

        @Test
        void theControlCharactersOfAnEventRecordedBeforeTheRuleAreReplaced() {
            String csv = csv("/api/audit/decisions");

            assertThat(csv).contains(OLD_DECISION_ID + ",2017-12-01,17/9,Eldre\uFFFD[31m vedtak\uFFFDtxt.exe,"
                    + "Punkt\uFFFD,");
            assertThat(csv).doesNotContain("\u001b").doesNotContain("\u202e").doesNotContain("\u0000");
        }
    }

    @Nested
    class Dashboard {

        @Test
        void aFormulaTitleIsShownAsTheTextItIsWithItsMarkupEscaped() {
            String html = page("/vedtak/" + DECISION_ID);

            assertThat(html).contains("<title>=HYPERLINK(&quot;http://example.com&quot;,&quot;&lt;b&gt;Klikk"
                    + "&lt;/b&gt;&quot;) – Vedtak – Samhandling om digitalisering i Trøndelag</title>");
            assertThat(html).contains("<h1>=HYPERLINK(&quot;http://example.com&quot;,&quot;&lt;b&gt;Klikk"
                    + "&lt;/b&gt;&quot;)</h1>");
            assertThat(html).doesNotContain("<b>Klikk</b>");
            assertThat(html).contains("Linje 1\nLinje 2\r\n\tInnrykk");
        }

        @Test
        void theControlCharactersOfAnEventRecordedBeforeTheRuleAreReplacedInTheTitleAndText() {
            String html = page("/vedtak/" + OLD_DECISION_ID);

            assertThat(html).contains("<title>Eldre\uFFFD[31m vedtak\uFFFDtxt.exe – Vedtak");
            assertThat(html).contains("<h1>Eldre\uFFFD[31m vedtak\uFFFDtxt.exe</h1>");
            assertThat(html).contains("Tekst\uFFFD").contains("Punkt\uFFFD");
            assertThat(html).doesNotContain("\u001b").doesNotContain("\u202e").doesNotContain("\u0007")
                    .doesNotContain("\u0000");
            assertThat(page("/vedtak")).contains("Eldre\uFFFD[31m vedtak\uFFFDtxt.exe").doesNotContain("\u001b");
        }
    }

    @Nested
    class Input {

        static Stream<Arguments> commandsWithControlCharacters() {
            String inLine = "must not contain control characters";
            String inFreeText = "must not contain control characters other than line breaks and tabs";
            return Stream.of(
                    Arguments.of("RecordSteeringGroupDecision", decision("Vedtak\\u001b[31m", "Tekst", "Punkt"),
                            "title", inLine),
                    Arguments.of("RecordSteeringGroupDecision", decision("Vedtak\\u0000", "Tekst", "Punkt"),
                            "title", inLine),
                    Arguments.of("RecordSteeringGroupDecision", decision("abc\\u202Efdp.exe", "Tekst", "Punkt"),
                            "title", inLine),
                    Arguments.of("RecordSteeringGroupDecision", decision("To\\nlinjer", "Tekst", "Punkt"),
                            "title", inLine),
                    Arguments.of("RecordSteeringGroupDecision", decision("Vedtak", "Tekst\\u001b", "Punkt"),
                            "text", inFreeText),
                    Arguments.of("RecordSteeringGroupDecision", decision("Vedtak", "Tekst", "Punkt\\u2066"),
                            "points[0]", inFreeText),
                    Arguments.of("JoinCollaboration", """
                            {"participantId":"5054","effectiveDate":"2018-06-14",
                             "authority":{"body":"Indre Fosen\\u202E kommunestyre","caseNumber":"18/1234",
                             "date":"2018-06-14"}}""", "authority.body", inLine));
        }

        private static String decision(String title, String text, String point) {
            return """
                    {"decisionId":"sg-2019-01-01-01","meetingDate":"2019-01-01","title":"%s","text":"%s",
                     "points":["%s"]}""".formatted(title, text, point);
        }

        @ParameterizedTest
        @MethodSource("commandsWithControlCharacters")
        void aCommandWithAControlCharacterIsRejectedNamingTheFieldAndAppendsNothing(String command, String body,
                                                                                   String field, String message) {
            long before = events();

            Response response = http.command(command, body);

            assertThat(response.status()).as(response.body()).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
            JsonNode problem = response.json();
            assertThat(problem.path("rule").asText()).isEqualTo("invalid-fields");
            assertThat(problem.path("errors")).hasSize(1);
            assertThat(problem.path("errors").path(0).path("field").asText()).isEqualTo(field);
            assertThat(problem.path("errors").path(0).path("message").asText()).isEqualTo(message);
            assertThat(events()).isEqualTo(before);
            assertThat(http.get("/api/audit/decisions/sg-2019-01-01-01").status()).isEqualTo(404);
            assertThat(http.get("/api/participants/5054").json().path("participant").path("member").asBoolean())
                    .isFalse();
        }

        @Test
        void anUnknownFieldsNameIsEchoedWithoutItsControlCharacters() {
            Response response = http.command("RegisterRegion", """
                    {"regionId":"test-region","name":"Testregionen","farge\\u202E":"rød"}""");

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.json().path("errors").path(0).path("field").asText()).isEqualTo("farge\uFFFD");
            assertThat(response.body()).doesNotContain("\u202e");
        }

        @Test
        void anIdentifierInAReportsPathWithAControlCharacterIsAnInvalidParameter() {
            Response decision = http.get("/api/audit/decisions/sg-2018%1B-05");
            Response participant = http.get("/api/participants/5054%E2%80%AE/history");

            assertThat(decision.status()).as(decision.body()).isEqualTo(400);
            assertThat(decision.json().path("rule").asText()).isEqualTo("invalid-parameters");
            assertThat(decision.json().path("errors").path(0).path("field").asText()).isEqualTo("decisionId");
            assertThat(decision.json().path("errors").path(0).path("message").asText())
                    .isEqualTo("must not contain control characters");
            assertThat(participant.status()).as(participant.body()).isEqualTo(400);
            assertThat(participant.json().path("errors").path(0).path("field").asText()).isEqualTo("participantId");
        }
    }

    private void accepted(String command, String body) {
        Response response = http.command(command, body);
        assertThat(response.status()).as(command + " " + response.body()).isEqualTo(200);
    }

    private long events() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM domainevententry", Long.class);
    }

    private String csv(String path) {
        Response response = http.get(path + "?format=csv");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("text/csv");
        return response.body();
    }

    private String page(String path) {
        Response response = http.get(path);
        assertThat(response.status()).as(path).isEqualTo(200);
        assertThat(response.contentType()).startsWith("text/html");
        return response.body();
    }

    private void awaitReadSide() {
        ReadSide.awaitCaughtUp(processing, jdbc);
    }

    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
