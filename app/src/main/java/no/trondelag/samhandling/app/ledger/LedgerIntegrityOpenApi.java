package no.trondelag.samhandling.app.ledger;

import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * The ledger integrity endpoints in the OpenAPI document. The document describes every read under {@code /api} as
 * a report (JSON or CSV, an ETag, 304); the digest and the export are not reports, so their answers are described
 * again here, after that.
 */
@Configuration(proxyBeanMethods = false)
class LedgerIntegrityOpenApi {

    private static final Map<String, String> SUCCESS = Map.of(
            "/api/ledger/digest", "The position of the chain's head, the chain hash there (the digest) and when it "
                    + "was issued; never cached",
            "/api/ledger/events", "The events above after, up to the head of the chain, one JSON object per line");

    @Bean
    @Order(1)
    OpenApiCustomizer ledgerIntegrityResponses() {
        return openApi -> SUCCESS.forEach((path, success) -> {
            if (openApi.getPaths() == null || openApi.getPaths().get(path) == null
                    || openApi.getPaths().get(path).getGet() == null) {
                return;
            }
            ApiResponses responses = openApi.getPaths().get(path).getGet().getResponses();
            responses.remove("304");
            responses.remove("404");
            ApiResponse ok = responses.get("200");
            if (ok != null) {
                ok.setDescription(success);
            }
            if (path.endsWith("/digest")) {
                responses.remove("400");
            } else if (responses.get("400") != null) {
                responses.get("400").setDescription("after or limit cannot be read (listed in errors)");
                responses.addApiResponse("401", new ApiResponse().description("Not authenticated"));
                responses.addApiResponse("403", new ApiResponse().description("Not an auditor"));
            }
        });
    }
}
