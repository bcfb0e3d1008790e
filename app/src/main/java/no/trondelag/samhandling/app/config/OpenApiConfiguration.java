package no.trondelag.samhandling.app.config;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.converter.ResolvedSchema;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.Map;
import no.trondelag.samhandling.app.command.CommandCatalogue;
import no.trondelag.samhandling.app.command.CommandResponse;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * The OpenAPI document ({@code /v3/api-docs}, Swagger UI at {@code /swagger-ui.html}). Each command of the catalogue
 * gets its own documented path with its body schema, read from the message contract, so the document cannot miss
 * a command; every read endpoint gets the read-point parameters and its problem responses described.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    private static final String PROBLEM = "Problem";
    private static final String PROBLEM_JSON = "application/problem+json";

    @Bean
    OpenAPI ledgerOpenApi() {
        return new OpenAPI().info(new Info()
                .title("Samhandling ledger")
                .version("1")
                .description("Event-sourced ledger of the Trøndelag municipalities' joint digitalisation work. "
                        + "Commands change it; reports read it at any effective date (asOf) and recording time "
                        + "(knownAt). Errors are RFC 9457 problem details."));
    }

    @Bean
    @Order(0)
    OpenApiCustomizer ledgerOperations(CommandCatalogue catalogue) {
        return openApi -> {
            Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
            openApi.setComponents(components);
            components.addSchemas(PROBLEM, problemSchema());
            register(components, CommandResponse.class);
            openApi.getPaths().remove("/api/commands/{commandName}");
            for (String name : catalogue.names()) {
                Class<?> type = catalogue.find(name).orElseThrow();
                register(components, type);
                openApi.getPaths().addPathItem("/api/commands/" + name, new PathItem().post(commandOperation(name)));
            }
            openApi.getPaths().forEach((path, item) -> {
                if (item.getGet() != null && path.startsWith("/api/") && !path.startsWith("/api/ledger/")) {
                    describeRead(item.getGet());
                }
            });
        };
    }

    private static void register(Components components, Class<?> type) {
        ResolvedSchema resolved = ModelConverters.getInstance()
                .resolveAsResolvedSchema(new AnnotatedType(type).resolveAsRef(false));
        components.addSchemas(type.getSimpleName(), resolved.schema);
        resolved.referencedSchemas.forEach(components::addSchemas);
    }

    private static Operation commandOperation(String name) {
        ApiResponses responses = new ApiResponses()
                .addApiResponse("200", json("Accepted: the appended events and the target's new version (also the "
                        + "ETag)", "#/components/schemas/" + CommandResponse.class.getSimpleName()))
                .addApiResponse("400", problem("Malformed JSON, unknown fields, or invalid fields (listed in "
                        + "errors as {field, message})"))
                .addApiResponse("404", problem("Unknown target: the aggregate the command is aimed at is not in "
                        + "the ledger"))
                .addApiResponse("409", problem("A rule of the ledger is violated; detail says which, rule names it"))
                .addApiResponse("412", problem("If-Match named a version that is not the target's current one; "
                        + "the body gives currentVersion"))
                .addApiResponse("413", problem("The body is larger than 64 KiB"))
                .addApiResponse("415", problem("The body is not application/json"))
                .addApiResponse("422", problem("The Idempotency-Key was already used for a different request"));
        return new Operation()
                .addTagsItem("commands")
                .operationId(name)
                .summary(name)
                .description("Sends the command " + name + ". A rejected command appends nothing.")
                .addParametersItem(new Parameter().in("header").name("If-Match").required(false)
                        .description("Apply only if the target aggregate is at this version (an earlier ETag)")
                        .schema(new StringSchema()))
                .addParametersItem(new Parameter().in("header").name("Idempotency-Key").required(false)
                        .description("Retries with the same key and body return the first response and append "
                                + "nothing; 1 to 200 visible ASCII characters")
                        .schema(new StringSchema()))
                .requestBody(new RequestBody().required(true).content(new Content().addMediaType(
                        "application/json", new MediaType().schema(new Schema<>().$ref(
                                "#/components/schemas/" + name)))))
                .responses(responses);
    }

    private static void describeRead(Operation operation) {
        if (operation.getParameters() != null) {
            for (Parameter parameter : operation.getParameters()) {
                String description = READ_PARAMETERS.get(parameter.getName());
                if (description != null) {
                    parameter.setDescription(description);
                }
            }
        }
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        responses.computeIfPresent("200", (code, response) -> response.description("The report, in JSON or "
                + "CSV; the ETag is tied to the ledger position it covers, also given in the Ledger-Position header"));
        responses.addApiResponse("304", new ApiResponse().description("Not modified: If-None-Match names the "
                + "current ETag"));
        responses.addApiResponse("400", problem("A parameter cannot be read (listed in errors)"));
        responses.addApiResponse("404", problem("The region, participant or decision does not exist at the read "
                + "point"));
        operation.setResponses(responses);
    }

    private static final Map<String, String> READ_PARAMETERS = Map.of(
            "asOf", "Effective date (YYYY-MM-DD) whose state to show; default today",
            "knownAt", "Recording time (ISO instant): use only what the ledger had recorded by then; default all",
            "format", "json (default) or csv; Accept: text/csv also gives CSV",
            "year", "One budget year only");

    private static ApiResponse json(String description, String ref) {
        return new ApiResponse().description(description).content(new Content().addMediaType("application/json",
                new MediaType().schema(new Schema<>().$ref(ref))));
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType(PROBLEM_JSON,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema problemSchema() {
        ObjectSchema error = new ObjectSchema();
        error.addProperty("field", new StringSchema());
        error.addProperty("message", new StringSchema());
        ObjectSchema problem = new ObjectSchema();
        problem.description("RFC 9457 problem details");
        problem.addProperty("type", new StringSchema());
        problem.addProperty("title", new StringSchema());
        problem.addProperty("status", new Schema<Integer>().type("integer"));
        problem.addProperty("detail", new StringSchema().description("What is wrong, for people"));
        problem.addProperty("instance", new StringSchema());
        problem.addProperty("rule", new StringSchema().description("The rule or check that failed"));
        problem.addProperty("errors", new io.swagger.v3.oas.models.media.ArraySchema().items(error));
        return problem;
    }
}
