package no.trondelag.samhandling.app.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Puts {@link ProblemErrorReportValve} in place of Tomcat's HTML error report, so that what Tomcat refuses on its
 * own is problem details too.
 */
@Configuration(proxyBeanMethods = false)
public class ErrorReportConfiguration {

    /**
     * Replaces every error report valve of the host, including the one Spring Boot adds, by the problem details
     * valve, and names its class as the host's error report valve so Tomcat adds no other. Runs after Spring Boot's
     * own customizers.
     *
     * @param objectMapper the application's mapper
     * @return the customizer
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReport(ObjectMapper objectMapper) {
        return new ProblemErrorReportCustomizer(objectMapper);
    }

    private record ProblemErrorReportCustomizer(ObjectMapper objectMapper)
            implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                Container host = context.getParent();
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve) {
                        host.getPipeline().removeValve(valve);
                    }
                }
                if (host instanceof StandardHost standardHost) {
                    standardHost.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                }
                host.getPipeline().addValve(new ProblemErrorReportValve(objectMapper));
            });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
