package no.trondelag.samhandling.app.security;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Describes authentication in the OpenAPI document: HTTP Basic with the built-in users in the embedded default, or
 * a JWT bearer token in production; commands and admin operations require one of them (verifying a digest does
 * not).
 */
@Configuration(proxyBeanMethods = false)
class SecurityDocumentation {

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    OpenApiCustomizer securitySchemes(SecurityProperties properties) {
        return openApi -> {
            String scheme = properties.builtInUsers() ? "basic" : "bearer";
            Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
            components.addSecuritySchemes(scheme, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme(scheme)
                    .bearerFormat(properties.builtInUsers() ? null : "JWT"));
            openApi.setComponents(components);
            openApi.getPaths().forEach((path, item) -> {
                if (item.getPost() != null && !path.equals("/api/ledger/verify")) {
                    item.getPost().addSecurityItem(new SecurityRequirement().addList(scheme));
                    item.getPost().getResponses()
                            .addApiResponse("401", new ApiResponse()
                                    .description("No or wrong credentials"))
                            .addApiResponse("403", new ApiResponse()
                                    .description("The role may not send this command, or a participant acts for "
                                            + "another participant"));
                }
            });
        };
    }
}
