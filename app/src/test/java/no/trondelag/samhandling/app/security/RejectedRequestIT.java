package no.trondelag.samhandling.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * Requests that Tomcat or the firewall refuses before any controller runs are answered with problem details too,
 * never with Tomcat's HTML page, Spring Boot's default JSON or a 500. Each is sent as raw bytes, since no HTTP client
 * would send them, both as an anonymous read and as a command.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:rejected-request-it;DB_CLOSE_DELAY=-1")
class RejectedRequestIT {

    private static final String AUTHORIZATION = "Authorization: Basic a29tbXVuZS01MDU0OmtvbW11bmUtNTA1NA==\r\n";

    @LocalServerPort
    int port;

    static Stream<Arguments> refusedPaths() {
        return Stream.of(
                Arguments.of("/api/participants/a%2Fb", 400, "malformed-request"),
                Arguments.of("/api/participants/a%5Cb", 400, "malformed-request"),
                Arguments.of("/api/participants/a%00b", 400, "malformed-request"),
                Arguments.of("/api/participants/%C3%28", 400, "malformed-request"),
                Arguments.of("/api/participants/%zz", 400, "malformed-request"),
                Arguments.of("/api/participants/<5054>", 400, "malformed-request"),
                Arguments.of("/../etc/passwd", 400, "malformed-request"),
                Arguments.of("/api/participants;jsessionid=1", 400, "request-rejected"),
                Arguments.of("/api/participants/5054;v=1/history", 400, "request-rejected"),
                Arguments.of("/api//participants", 400, "request-rejected"),
                Arguments.of("/api/participants/%2e%2e/5054", 400, "request-rejected"),
                Arguments.of("/api/participants/a%25b", 400, "request-rejected"),
                Arguments.of("/api/participants/a%3Bb", 400, "request-rejected"),
                Arguments.of("/api/reports/participation?q=" + "a".repeat(10 * 1024), 414, "request-too-large"));
    }

    @ParameterizedTest(name = "GET {0}")
    @MethodSource("refusedPaths")
    void aRefusedPathIsAProblemForAnAnonymousRead(String path, int status, String rule) {
        RawHttp.Response response = RawHttp.anonymous(port).raw("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: close\r\n\r\n");

        assertProblem(response, status, rule);
    }

    @ParameterizedTest(name = "POST {0}")
    @MethodSource("refusedPaths")
    void aRefusedPathIsAProblemForACommandWithoutCredentialsToo(String path, int status, String rule) {
        RawHttp.Response response = RawHttp.anonymous(port).raw("POST " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");

        assertProblem(response, status, rule);
    }

    static Stream<Arguments> refusedHeaders() {
        return Stream.of(
                Arguments.of("X-Note: a\u007fb", 400, "malformed-request"),
                Arguments.of("X-Note: a\u0001b", 400, "malformed-request"),
                Arguments.of("Idempotency-Key: a\u007fb", 400, "malformed-request"),
                Arguments.of("If-Match: \u001b", 400, "malformed-request"),
                Arguments.of("X\u007fNote: a", 400, "malformed-request"),
                Arguments.of("Bad Name: a", 400, "malformed-request"),
                Arguments.of("X-Large: " + "a".repeat(16 * 1024), 431, "request-too-large"),
                Arguments.of("X-Many: a\r\n".repeat(150).strip(), 431, "request-too-large"));
    }

    @ParameterizedTest(name = "{index}: header of {0}")
    @MethodSource("refusedHeaders")
    void aRefusedHeaderIsAProblem(String header, int status, String rule) {
        RawHttp.Response read = RawHttp.anonymous(port).raw("GET /api/regions HTTP/1.1\r\nHost: localhost\r\n"
                + header + "\r\nConnection: close\r\n\r\n");
        RawHttp.Response command = RawHttp.anonymous(port).raw("POST /api/commands/JoinCollaboration HTTP/1.1\r\n"
                + "Host: localhost\r\n" + AUTHORIZATION + header + "\r\nContent-Type: application/json\r\n"
                + "Content-Length: 2\r\nConnection: close\r\n\r\n{}");

        assertProblem(read, status, rule);
        assertProblem(command, status, rule);
    }

    @Test
    void anUnsupportedHttpVersionIsAProblem() {
        RawHttp.Response response = RawHttp.anonymous(port).raw("GET /api/regions HTTP/9.9\r\nHost: localhost\r\n"
                + "Connection: close\r\n\r\n");

        assertProblem(response, 505, "malformed-request");
    }

    @Test
    void anUnknownTransferCodingIsAProblem() {
        RawHttp.Response response = RawHttp.anonymous(port).raw("POST /api/commands/JoinCollaboration HTTP/1.1\r\n"
                + "Host: localhost\r\nTransfer-Encoding: gzip\r\nConnection: close\r\n\r\n");

        assertProblem(response, 501, "malformed-request");
    }

    @Test
    void aBadMethodNameIsAProblem() {
        RawHttp.Response response = RawHttp.anonymous(port).raw("G(T /api/regions HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: close\r\n\r\n");

        assertProblem(response, 400, "malformed-request");
    }

    @Test
    void theErrorPageAskedForDirectlyIsNotFound() {
        RawHttp.Response response = RawHttp.anonymous(port).get("/error");

        assertProblem(response, 404, "not-found");
    }

    @Test
    void aNonAsciiHeaderValueIsAcceptedAsBefore() {
        RawHttp.Response response = RawHttp.anonymous(port).raw("GET /api/regions HTTP/1.1\r\nHost: localhost\r\n"
                + "X-Note: Tr\u00f8ndelag\r\nConnection: close\r\n\r\n");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    private static void assertProblem(RawHttp.Response response, int status, String rule) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).as(response.toString()).startsWith("application/problem+json");
        assertThat(response.json().path("status").asInt()).isEqualTo(status);
        assertThat(response.json().path("rule").asText()).isEqualTo(rule);
        assertThat(response.json().path("detail").asText()).isNotBlank();
    }
}
