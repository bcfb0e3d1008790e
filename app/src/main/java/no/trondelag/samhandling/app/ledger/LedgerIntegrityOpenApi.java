package no.trondelag.samhandling.app.ledger;

import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * The ledger integrity endpoints in the OpenAPI document. They are not reports (no read point, no CSV, no ETag), so
 * the reports' common description leaves them out; their answers are described here and on their operations.
 */
@Configuration(proxyBeanMethods = false)
class LedgerIntegrityOpenApi {

    private static final Map<String, String> SUCCESS = Map.of(
            "/api/ledger/digest", "The position of the chain's head, the chain hash there (the digest) and when it "
                    + "was issued; never cached",
            "/api/ledger/events", "The events above after, up to the head of the chain, one JSON object per line",
            "/api/ledger/checkpoint", "The latest signed checkpoint, a C2SP signed note; its tree size also in the "
                    + "Ledger-Tree-Size header",
            "/api/ledger/checkpoint/key", "The verifier key: <name>+<key ID>+<base64 key>",
            "/api/ledger/checkpoints/{treeSize}", "The checkpoint of that size, exactly as it was signed and served",
            "/api/ledger/checkpoints/{treeSize}/timestamp", "The time-stamping authority's reply over the "
                    + "checkpoint's note",
            "/api/ledger/proofs/inclusion", "The proof, the event's fields as stored and its leaf hash",
            "/api/ledger/proofs/consistency", "The proof between the two sizes",
            "/api/ledger/proofs/decisions/{decisionId}", "The bundle: the signed checkpoint, each event with its "
                    + "proof, and the events recorded after the checkpoint");

    @Bean
    @Order(1)
    OpenApiCustomizer ledgerIntegrityResponses() {
        return openApi -> SUCCESS.forEach((path, success) -> {
            if (openApi.getPaths() == null || openApi.getPaths().get(path) == null
                    || openApi.getPaths().get(path).getGet() == null) {
                return;
            }
            ApiResponses responses = openApi.getPaths().get(path).getGet().getResponses();
            ApiResponse ok = responses.get("200");
            if (ok != null) {
                ok.setDescription(success);
            }
            if (path.endsWith("/events")) {
                responses.addApiResponse("401", new ApiResponse().description("Not authenticated"));
                responses.addApiResponse("403", new ApiResponse().description("Not an auditor"));
            }
        });
    }
}
