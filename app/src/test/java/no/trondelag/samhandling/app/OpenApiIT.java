package no.trondelag.samhandling.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import no.trondelag.samhandling.app.command.CommandCatalogue;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The OpenAPI document describes every command and every read endpoint, with their parameters and errors, and
 * the Swagger UI is served.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class OpenApiIT {

    private static final List<String> READS = List.of("/api/reports/participation",
            "/api/reports/participation/{regionId}", "/api/reports/funding", "/api/reports/goals",
            "/api/reports/initiatives", "/api/regions", "/api/participants", "/api/participants/{participantId}",
            "/api/participants/{participantId}/history", "/api/audit/decisions",
            "/api/audit/decisions/{decisionId}");

    @LocalServerPort
    int port;

    @Autowired
    CommandCatalogue catalogue;

    @Test
    void everyCommandHasAPathWithItsBodySchemaAndErrors() {
        JsonNode document = new LedgerHttp(port).get("/v3/api-docs").json();

        for (String command : catalogue.names()) {
            JsonNode post = document.path("paths").path("/api/commands/" + command).path("post");
            assertThat(post.isMissingNode()).as(command).isFalse();
            assertThat(post.path("requestBody").toString()).contains("#/components/schemas/" + command);
            assertThat(post.path("responses").fieldNames()).toIterable()
                    .containsExactlyInAnyOrder("200", "400", "401", "403", "404", "409", "412", "413", "415", "422");
            assertThat(post.path("parameters").findValuesAsText("name")).contains("If-Match", "Idempotency-Key");
            assertThat(document.path("components").path("schemas").has(command)).as(command).isTrue();
        }
    }

    @Test
    void everyReadDocumentsItsReadPointAndErrors() {
        JsonNode document = new LedgerHttp(port).get("/v3/api-docs").json();

        for (String path : READS) {
            JsonNode get = document.path("paths").path(path).path("get");
            assertThat(get.isMissingNode()).as(path).isFalse();
            assertThat(get.path("parameters").findValuesAsText("name")).as(path)
                    .contains("asOf", "knownAt", "format");
            assertThat(get.path("parameters").findValuesAsText("description")).as(path).doesNotContainNull();
            assertThat(get.path("responses").fieldNames()).toIterable().as(path)
                    .contains("200", "304", "400", "404");
            assertThat(get.path("summary").asText()).as(path).isNotBlank();
        }
    }

    @Test
    void theVerifiableLedgersOperationsDescribeTheirOwnAnswersNotAReports() {
        JsonNode paths = new LedgerHttp(port).get("/v3/api-docs").json().path("paths");

        JsonNode inclusion = paths.path("/api/ledger/proofs/inclusion").path("get");
        assertThat(inclusion.path("parameters").findValuesAsText("name"))
                .containsExactlyInAnyOrder("position", "eventId", "treeSize");
        assertThat(inclusion.path("responses").fieldNames()).toIterable().containsExactlyInAnyOrder("200", "400",
                "404");
        assertThat(paths.path("/api/ledger/proofs/consistency").path("get").path("responses").fieldNames())
                .toIterable().containsExactlyInAnyOrder("200", "400", "404");
        assertThat(paths.path("/api/ledger/checkpoint").path("get").path("responses").path("200")
                .path("description").asText()).contains("C2SP signed note");
        assertThat(paths.path("/api/ledger/proofs/decisions/{decisionId}").path("get").path("responses")
                .fieldNames()).toIterable().containsExactlyInAnyOrder("200", "404");
        assertThat(paths.path("/api/ledger/digest").path("get").path("responses").fieldNames()).toIterable()
                .containsExactly("200");
    }

    @Test
    void swaggerUiIsServed() {
        assertThat(new LedgerHttp(port).get("/swagger-ui/index.html").status()).isEqualTo(200);
    }
}
