package no.trondelag.samhandling.app.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import no.trondelag.samhandling.app.LedgerApplication;
import no.trondelag.samhandling.app.LedgerHttp;
import no.trondelag.samhandling.app.LedgerHttp.Response;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Throws thousands of generated and mutated bodies at every command endpoint — wrong types, missing, null and
 * extra fields, huge and odd Unicode strings, numbers out of range, deep nesting, broken JSON — and checks that the
 * ledger never answers 5xx, always answers a rejection as problem details, and never appends an event for a
 * rejected request. The bodies come from a seeded random source, so a failure names the seed that reproduces it
 * ({@code -Dfuzz.seed=<seed>}); each run uses a new seed unless one is given.
 */
class CommandFuzzIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String COUNCIL = "{\"body\":\"Indre Fosen kommunestyre\",\"caseNumber\":\"18/1234\","
            + "\"date\":\"2018-06-14\"}";
    private static final String DECISION = "{\"decisionId\":\"sg-2018-05-02-07\"}";

    /** One well-formed body per command; mutations start from these. */
    private static final Map<String, String> VALID = Map.ofEntries(
            Map.entry("RegisterRegion", "{\"regionId\":\"fuzz-region\",\"name\":\"Fuzz\"}"),
            Map.entry("RegisterParticipant", "{\"participantId\":\"5098\",\"name\":\"Fuzz\",\"kind\":\"MUNICIPALITY\","
                    + "\"regionId\":\"fosen\",\"population\":10,\"effectiveDate\":\"2018-01-01\"}"),
            Map.entry("JoinCollaboration", "{\"participantId\":\"5020\",\"effectiveDate\":\"2018-06-14\","
                    + "\"authority\":" + COUNCIL + "}"),
            Map.entry("WithdrawFromCollaboration", "{\"participantId\":\"5054\",\"effectiveDate\":\"2019-06-14\","
                    + "\"authority\":" + COUNCIL + ",\"reason\":\"Fuzz\"}"),
            Map.entry("MoveParticipantToRegion", "{\"participantId\":\"5020\",\"regionId\":\"namdal\","
                    + "\"effectiveDate\":\"2019-01-01\",\"authority\":" + COUNCIL + "}"),
            Map.entry("MergeParticipants", "{\"successorId\":\"5058\",\"successorName\":\"Åfjord\","
                    + "\"predecessorIds\":[\"5018\",\"5019\"],\"regionId\":\"fosen\",\"population\":4230,"
                    + "\"effectiveDate\":\"2020-01-01\",\"authority\":" + COUNCIL + "}"),
            Map.entry("RecordSteeringGroupDecision", "{\"decisionId\":\"sg-2018-06-01-01\",\"meetingDate\":"
                    + "\"2018-06-01\",\"caseNumber\":\"18/9\",\"title\":\"T\",\"text\":\"T\",\"points\":[\"a\"]}"),
            Map.entry("CorrectSteeringGroupDecision", "{\"decisionId\":\"sg-2018-05-02-07\",\"text\":\"T\","
                    + "\"points\":[\"a\"],\"reason\":\"R\"}"),
            Map.entry("EstablishEFagraad", "{\"regionId\":\"namdal\",\"effectiveDate\":\"2018-09-01\",\"authority\":"
                    + DECISION + "}"),
            Map.entry("AppointStrategyGroupRepresentative", "{\"regionId\":\"fosen\",\"participantId\":\"5054\","
                    + "\"effectiveDate\":\"2018-09-01\",\"authority\":" + DECISION + "}"),
            Map.entry("ProposeInitiative", "{\"initiativeId\":\"fuzz-initiative\",\"title\":\"T\",\"pillar\":"
                    + "\"COMPETENCE\",\"goals\":[1,2],\"proposedBy\":\"P\",\"description\":\"D\"}"),
            Map.entry("ApproveInitiative", "{\"initiativeId\":\"felles-sak-arkiv\",\"decisionId\":"
                    + "\"sg-2018-05-02-07\",\"budgetNok\":\"1000.00\"}"),
            Map.entry("JoinInitiative", "{\"initiativeId\":\"felles-sak-arkiv\",\"participantId\":\"5054\","
                    + "\"effectiveDate\":\"2018-10-01\"}"),
            Map.entry("LeaveInitiative", "{\"initiativeId\":\"felles-sak-arkiv\",\"participantId\":\"5054\","
                    + "\"effectiveDate\":\"2019-10-01\"}"),
            Map.entry("RecordInitiativeMilestone", "{\"initiativeId\":\"felles-sak-arkiv\",\"milestone\":\"M\","
                    + "\"reachedOn\":\"2019-01-01\",\"progressPercent\":10}"),
            Map.entry("CompleteInitiative", "{\"initiativeId\":\"felles-sak-arkiv\",\"effectiveDate\":\"2021-01-01\","
                    + "\"decisionId\":\"sg-2018-05-02-07\"}"),
            Map.entry("CancelInitiative", "{\"initiativeId\":\"felles-sak-arkiv\",\"decisionId\":"
                    + "\"sg-2018-05-02-07\",\"reason\":\"R\"}"),
            Map.entry("SetSecretariatBudget", "{\"year\":2019,\"requiredFte\":2.0,\"amountNok\":100000,"
                    + "\"decisionId\":\"sg-2018-05-02-07\"}"),
            Map.entry("PledgeSecretariatFunding", "{\"year\":2019,\"participantId\":\"5054\",\"amountNok\":10,"
                    + "\"authority\":" + COUNCIL + "}"),
            Map.entry("AllocateSecretariatFunding", "{\"year\":2019,\"source\":\"OTHER\",\"amountNok\":10,"
                    + "\"decisionId\":\"sg-2018-05-02-07\"}"),
            Map.entry("RecordMaturityAssessment", "{\"participantId\":\"5054\",\"assessedOn\":\"2019-05-01\","
                    + "\"score\":3.5,\"method\":\"M\"}"),
            Map.entry("RecordNationalComponentAdoption", "{\"participantId\":\"5054\",\"component\":\"ID-porten\","
                    + "\"adoptedOn\":\"2019-01-01\"}"),
            Map.entry("EnrolInCompetenceProgramme", "{\"participantId\":\"5054\",\"cohort\":\"2018-høst\","
                    + "\"leaders\":3}"),
            Map.entry("CompleteCompetenceProgramme", "{\"participantId\":\"5054\",\"cohort\":\"2018-høst\","
                    + "\"leadersCompleted\":2}"));

    private static final List<String> ODD_STRINGS = List.of("", " ", "\u0000", "\ud83d\ude00 emoji", "\u202eRTL",
            "\ud800", "æøå ÆØÅ", "<script>alert(1)</script>", "'; DROP TABLE domainevententry; --",
            "null", "1e309", "-0", "\\", "\"", "\n\r\t", "🏳️‍🌈".repeat(200), "x".repeat(301), "x".repeat(20_001),
            "sg-2018-05-02-07", "5054", "123456789", "fosen", "2018-02-30", "9999-12-31", "+2018-01-01");

    private static final int BODIES_PER_KIND = 1200;
    private static final long SEED = Long.getLong("fuzz.seed", System.nanoTime());
    private static final List<String> COMMANDS = VALID.keySet().stream().sorted().toList();

    private static ConfigurableApplicationContext context;
    private static LedgerHttp http;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void startLedger() {
        context = new SpringApplicationBuilder(LedgerApplication.class)
                .profiles("test")
                .run("--server.port=0", "--spring.datasource.url=jdbc:h2:mem:fuzz;DB_CLOSE_DELAY=-1",
                        "--logging.level.org.axonframework=ERROR");
        http = new LedgerHttp(((WebServerApplicationContext) context).getWebServer().getPort()).as("secretariat");
        jdbc = context.getBean(JdbcTemplate.class);
        http.command("RecordSteeringGroupDecision", "{\"decisionId\":\"sg-2018-05-02-07\",\"meetingDate\":"
                + "\"2018-05-02\",\"title\":\"T\",\"text\":\"T\",\"points\":[]}");
        http.command("JoinCollaboration", "{\"participantId\":\"5054\",\"effectiveDate\":\"2018-06-14\","
                + "\"authority\":" + COUNCIL + "}");
        http.command("ProposeInitiative", "{\"initiativeId\":\"felles-sak-arkiv\",\"title\":\"T\",\"pillar\":"
                + "\"COMPETENCE\",\"goals\":[3]}");
    }

    @AfterAll
    static void stopLedger() {
        context.close();
    }

    @Test
    void mutatedValidBodiesNeverBreakTheLedger() {
        Random random = new Random(SEED);
        for (int i = 0; i < BODIES_PER_KIND; i++) {
            String commandName = COMMANDS.get(random.nextInt(COMMANDS.size()));
            sendAndCheck(commandName, mutate(VALID.get(commandName), random));
        }
    }

    @Test
    void generatedBodiesNeverBreakTheLedger() {
        Random random = new Random(SEED + 1);
        for (int i = 0; i < BODIES_PER_KIND; i++) {
            String commandName = COMMANDS.get(random.nextInt(COMMANDS.size()));
            sendAndCheck(commandName, randomBody(commandName, random));
        }
    }

    private static void sendAndCheck(String commandName, String body) {
        long before = jdbc.queryForObject("SELECT COUNT(*) FROM domainevententry", Long.class);

        Response response = http.command(commandName, body);

        long after = jdbc.queryForObject("SELECT COUNT(*) FROM domainevententry", Long.class);
        assertThat(response.status()).as("seed " + SEED + ": " + commandName + " " + abbreviated(body) + " -> "
                        + response.body())
                .isBetween(200, 499);
        if (response.status() == 200) {
            assertThat(after - before).as("seed " + SEED + ": " + abbreviated(body))
                    .isEqualTo(response.json().path("events").size());
        } else {
            assertThat(response.contentType()).as("seed " + SEED + ": " + abbreviated(body))
                    .startsWith("application/problem+json");
            JsonNode problem = response.json();
            assertThat(problem.path("status").asInt()).as("seed " + SEED).isEqualTo(response.status());
            assertThat(problem.path("detail").asText()).as("seed " + SEED).isNotBlank();
            assertThat(after).as("seed " + SEED + ": events appended by a rejected request " + abbreviated(body))
                    .isEqualTo(before);
        }
    }

    /** A body built from the command's own field names with values of any type. */
    private static String randomBody(String commandName, Random random) {
        ObjectNode body = NODES.objectNode();
        for (Iterator<String> names = parse(VALID.get(commandName)).fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (random.nextInt(5) > 0) {
                body.set(name, randomValue(random, 3));
            }
        }
        return body.toString();
    }

    private static String mutate(String valid, Random random) {
        ObjectNode body = (ObjectNode) parse(valid);
        List<String> names = new ArrayList<>();
        body.fieldNames().forEachRemaining(names::add);
        String field = names.get(random.nextInt(names.size()));
        switch (random.nextInt(12)) {
            case 0 -> body.remove(field);
            case 1 -> body.putNull(field);
            case 2 -> body.set(field, randomValue(random, 2));
            case 3 -> body.put(field, ODD_STRINGS.get(random.nextInt(ODD_STRINGS.size())));
            case 4 -> body.put(field, randomNumber(random));
            case 5 -> body.put("unexpected" + random.nextInt(3), 1);
            case 6 -> {
                int depth = random.nextInt(3000) + 1;
                return body.toString().replaceFirst("\"" + field + "\":", "\"" + field + "\":"
                        + "[".repeat(depth) + "\"deep\"" + "]".repeat(depth) + ",\"" + field + "-was\":");
            }
            case 7 -> {
                return body.toString().substring(0, random.nextInt(body.toString().length()));
            }
            case 8 -> {
                return body.toString().replaceFirst("\"" + field + "\"", "\"" + field + "\":1,\"" + field + "\"");
            }
            case 9 -> {
                return List.of("[]", "null", "1", "\"text\"", "{", "}", "{}", "\u0000", "[{}]", "true")
                        .get(random.nextInt(10));
            }
            case 10 -> body.put(field, "x".repeat(random.nextInt(60_000)));
            default -> {
                if (body.get(field) instanceof ObjectNode nested && nested.size() > 0) {
                    nested.set(nested.fieldNames().next(), randomValue(random, 1));
                } else {
                    body.set(field, NODES.arrayNode().add(body.get(field)));
                }
            }
        }
        return body.toString();
    }

    private static JsonNode randomValue(Random random, int depth) {
        int kind = random.nextInt(depth > 0 ? 8 : 6);
        return switch (kind) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(random.nextBoolean());
            case 2 -> NODES.textNode(ODD_STRINGS.get(random.nextInt(ODD_STRINGS.size())));
            case 3 -> NODES.numberNode(new java.math.BigDecimal(randomNumber(random)));
            case 4 -> NODES.numberNode(random.nextLong());
            case 5 -> NODES.textNode("2018-0" + (random.nextInt(9) + 1) + "-1" + random.nextInt(10));
            case 6 -> {
                ArrayNode array = NODES.arrayNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    array.add(randomValue(random, depth - 1));
                }
                yield array;
            }
            default -> {
                ObjectNode object = NODES.objectNode();
                for (String name : List.of("decisionId", "body", "caseNumber", "date", "x")) {
                    if (random.nextBoolean()) {
                        object.set(name, randomValue(random, depth - 1));
                    }
                }
                yield object;
            }
        };
    }

    private static String randomNumber(Random random) {
        return List.of("0", "-1", "1.005", "1e308", "-1e308", "9223372036854775808", "1E-400", "3.14159",
                "2147483648", "100000000000000000000000000000", "0.001", "5.0000000000000001")
                .get(random.nextInt(12));
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String abbreviated(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "… (" + body.length() + " chars)" : body;
    }
}
