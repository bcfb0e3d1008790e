package no.trondelag.samhandling.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Runs the ledger as in production (profile {@code prod}): no built-in users, and an OAuth2 resource server that
 * validates RS256 bearer tokens, mapping the {@code roles}, {@code participant_id} and {@code sub} claims to the
 * ledger's roles, participant and actor.
 *
 * <p>The issuer is stood in for by an RSA key pair generated here, whose public key is published as a JWK set on a
 * local HTTP endpoint; {@code jwk-set-uri} and {@code issuer-uri} point at it, so tokens must also carry the right
 * {@code iss}. {@link ProdJwtKeySourcesTest} shows each key source working on its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"prod", "test"})
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:jwt-prod-profile-it;DB_CLOSE_DELAY=-1")
class JwtProdProfileIT {

    private static final String KEY_ID = "ledger-test-issuer";
    private static final KeyPair ISSUER_KEYS = TestKeys.rsaKeyPair();
    private static final KeyPair OTHER_KEYS = TestKeys.rsaKeyPair();
    private static final String ISSUER_URI = "https://login.trondelag.test/realms/ledger";
    private static final HttpServer ISSUER = TestKeys.publishJwkSet(TestKeys.jwkSet(ISSUER_KEYS, KEY_ID));

    private static final String COUNCIL = "{\"body\":\"Indre Fosen kommunestyre\",\"caseNumber\":\"18/1234\","
            + "\"date\":\"2018-06-14\"}";
    private static final String REGION = "{\"regionId\":\"forged-region\",\"name\":\"Forfalsket\"}";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void validateTokensAgainstTheGeneratedKey(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", () -> TestKeys.jwkSetUri(ISSUER));
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> ISSUER_URI);
    }

    @AfterAll
    static void stopTheIssuer() {
        ISSUER.stop(0);
    }

    private static String token(String subject, List<String> roles, String participantId) {
        Instant expiry = Instant.now().plus(Duration.ofMinutes(10));
        return TestKeys.sign(TestKeys.claims(ISSUER_URI, subject, roles, participantId, expiry),
                ISSUER_KEYS.getPrivate(), KEY_ID);
    }

    private RawHttp bearer(String token) {
        return RawHttp.anonymous(port).bearer(token);
    }

    private long eventCount() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM domainevententry", Long.class);
    }

    private static String join(String participantId) {
        return """
                {"participantId":"%s","effectiveDate":"2018-06-14","authority":%s}""".formatted(participantId,
                COUNCIL);
    }

    private static void assertUnauthenticated(RawHttp.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.wwwAuthenticate()).startsWith("Bearer");
    }

    @Test
    void withoutATokenACommandIsUnauthenticatedWithABearerChallenge() {
        long before = eventCount();

        RawHttp.Response response = RawHttp.anonymous(port).command("JoinCollaboration", join("5054"));

        assertUnauthenticated(response);
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void aSecretariatTokenRecordsADecisionAndItsSubjectIsTheActorAuditorsSee() throws InterruptedException {
        String subject = "kari.nordmann@trondelagfylke.no";

        RawHttp.Response response = bearer(token(subject, List.of("SECRETARIAT"), null))
                .command("RecordSteeringGroupDecision", """
                        {"decisionId":"sg-2019-02-11-03","meetingDate":"2019-02-11","caseNumber":"19/3",
                         "title":"Budsjett for sekretariatet","text":"Rådmannsutvalget vedtar","points":[]}""");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        long position = response.json().path("events").get(0).path("globalIndex").asLong();
        String auditorToken = token("revisor@example.no", List.of("AUDITOR"), null);
        JsonNode decision = awaitDecision(auditorToken, "sg-2019-02-11-03", position);
        assertThat(decision.path("recorded").path("actor").asText()).isEqualTo(subject);
        assertThat(RawHttp.anonymous(port).get("/api/audit/decisions/sg-2019-02-11-03").body())
                .doesNotContain("\"actor\"", subject);
        assertThat(bearer(token("other", List.of("SECRETARIAT"), null)).get("/api/audit/decisions/sg-2019-02-11-03")
                .body()).doesNotContain("\"actor\"", subject);
    }

    private JsonNode awaitDecision(String token, String decisionId, long position) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            RawHttp.Response response = bearer(token).get("/api/audit/decisions/" + decisionId);
            if (response.status() == 200 && response.json().path("meta").path("position").asLong(-1) >= position) {
                return response.json().path("decision");
            }
            Thread.sleep(50);
        }
        throw new AssertionError("The read side did not reach position " + position);
    }

    @Test
    void aParticipantTokenActsForItsOwnParticipantOnly() {
        RawHttp participant = bearer(token("postmottak@indrefosen.kommune.no", List.of("PARTICIPANT"), "5054"));

        RawHttp.Response own = participant.command("JoinCollaboration", join("5054"));
        long before = eventCount();
        RawHttp.Response other = participant.command("JoinCollaboration", join("5001"));
        RawHttp.Response notItsCommand = participant.command("RegisterRegion", REGION);

        assertThat(own.status()).as(own.toString()).isEqualTo(200);
        assertThat(other.status()).as(other.toString()).isEqualTo(403);
        assertThat(other.contentType()).startsWith("application/problem+json");
        assertThat(notItsCommand.status()).as(notItsCommand.toString()).isEqualTo(403);
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void tokensWithoutALedgerRoleOrParticipantSendNothing() {
        long before = eventCount();

        RawHttp.Response noRoles = bearer(token("someone", null, null)).command("JoinCollaboration", join("5001"));
        RawHttp.Response unknownRole = bearer(token("someone", List.of("SUPERUSER"), "5001"))
                .command("JoinCollaboration", join("5001"));
        RawHttp.Response participantWithoutId = bearer(token("someone", List.of("PARTICIPANT"), null))
                .command("JoinCollaboration", join("5001"));
        RawHttp.Response auditor = bearer(token("someone", List.of("AUDITOR"), null)).command("RegisterRegion", REGION);
        RawHttp.Response admin = bearer(token("someone", List.of("ADMIN"), null)).command("RegisterRegion", REGION);

        assertThat(List.of(noRoles, unknownRole, participantWithoutId, auditor, admin))
                .allSatisfy(response -> assertThat(response.status()).as(response.toString()).isEqualTo(403));
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void anExpiredTokenIsUnauthenticated() {
        Instant anHourAgo = Instant.now().minus(Duration.ofHours(1));
        String expired = TestKeys.sign(TestKeys.claims(ISSUER_URI, "kari.nordmann@trondelagfylke.no",
                List.of("SECRETARIAT"), null, anHourAgo), ISSUER_KEYS.getPrivate(), KEY_ID);
        long before = eventCount();

        assertUnauthenticated(bearer(expired).command("RegisterRegion", REGION));
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void aTokenSignedByAnotherKeyIsUnauthenticated() {
        JWTClaimsSet claims = TestKeys.claims(ISSUER_URI, "mallory", List.of("SECRETARIAT"), null,
                Instant.now().plus(Duration.ofMinutes(10)));
        long before = eventCount();

        for (String keyId : new String[] {KEY_ID, "another-key", null}) {
            assertUnauthenticated(bearer(TestKeys.sign(claims, OTHER_KEYS.getPrivate(), keyId))
                    .command("RegisterRegion", REGION));
        }
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void aTokenFromAnotherIssuerOrWithoutOneIsUnauthenticated() {
        Instant expiry = Instant.now().plus(Duration.ofMinutes(10));
        long before = eventCount();

        for (String issuer : new String[] {"https://login.example.org/realms/ledger", null}) {
            String token = TestKeys.sign(TestKeys.claims(issuer, "kari", List.of("SECRETARIAT"), null, expiry),
                    ISSUER_KEYS.getPrivate(), KEY_ID);
            assertUnauthenticated(bearer(token).command("RegisterRegion", REGION));
        }
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void unsignedAndAlgorithmConfusedTokensAreUnauthenticated() throws JOSEException {
        JWTClaimsSet claims = TestKeys.claims(ISSUER_URI, "mallory", List.of("SECRETARIAT"), null,
                Instant.now().plus(Duration.ofMinutes(10)));
        String unsigned = new PlainJWT(claims).serialize();
        SignedJWT macWithPem = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(KEY_ID).build(), claims);
        macWithPem.sign(new MACSigner(TestKeys.publicKeyPem(ISSUER_KEYS).getBytes(StandardCharsets.US_ASCII)));
        SignedJWT macWithDer = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(KEY_ID).build(), claims);
        macWithDer.sign(new MACSigner(ISSUER_KEYS.getPublic().getEncoded()));
        long before = eventCount();

        for (String token : List.of(unsigned, macWithPem.serialize(), macWithDer.serialize(), "not-a-jwt")) {
            assertUnauthenticated(bearer(token).command("RegisterRegion", REGION));
        }
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void theBuiltInUsersDoNotExistInProduction() {
        long before = eventCount();

        for (String user : List.of("secretariat", "auditor", "admin", "kommune-5054")) {
            assertUnauthenticated(RawHttp.anonymous(port).as(user).command("JoinCollaboration", join("5054")));
            assertUnauthenticated(RawHttp.anonymous(port).as(user).get("/api/admin/projections"));
        }
        assertThat(RawHttp.anonymous(port).as("auditor").get("/api/audit/decisions").body())
                .doesNotContain("\"actor\"");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void readsStayPublicAndTheAdminApiNeedsAnAdminToken() {
        assertThat(RawHttp.anonymous(port).get("/api/reports/participation").status()).isEqualTo(200);
        assertThat(RawHttp.anonymous(port).get("/actuator/health").status()).isEqualTo(200);
        assertUnauthenticated(RawHttp.anonymous(port).get("/api/admin/projections"));
        assertThat(bearer(token("kari", List.of("SECRETARIAT"), null)).get("/api/admin/projections").status())
                .isEqualTo(403);
        assertThat(bearer(token("ola", List.of("ADMIN"), null)).get("/api/admin/projections").status())
                .isNotIn(401, 403);
    }
}
