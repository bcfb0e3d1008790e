package no.trondelag.samhandling.app.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import no.trondelag.samhandling.app.LedgerApplication;
import no.trondelag.samhandling.app.LedgerHttp;
import no.trondelag.samhandling.app.LedgerHttp.Response;
import org.junit.jupiter.api.Test;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * The service is live but not ready while the seed is not yet in the ledger: health says so, and commands are
 * refused with {@code 503} and change nothing. A runner ordered before the seed holds the start at that moment.
 */
class ReadinessIT {

    private static final CountDownLatch RELEASE = new CountDownLatch(1);
    private static final String JOIN = """
            {"participantId": "5054", "effectiveDate": "2018-06-14",
             "authority": {"body": "Indre Fosen kommunestyre", "caseNumber": "18/1234", "date": "2018-06-14"}}""";

    /** Holds the start before the seed runs, until the test releases it. */
    @Configuration(proxyBeanMethods = false)
    static class HoldBeforeSeed {
        @Bean
        @Order(Ordered.HIGHEST_PRECEDENCE)
        ApplicationRunner holdBeforeSeed() {
            return args -> RELEASE.await(2, TimeUnit.MINUTES);
        }
    }

    @Test
    void commandsAreRefusedAndHealthIsOutOfServiceUntilTheSeedIsIn() throws Exception {
        CompletableFuture<Integer> port = new CompletableFuture<>();
        CompletableFuture<ConfigurableApplicationContext> started = CompletableFuture.supplyAsync(() ->
                new SpringApplicationBuilder(LedgerApplication.class, HoldBeforeSeed.class)
                        .profiles("test")
                        .listeners((ApplicationListener<WebServerInitializedEvent>) event ->
                                port.complete(event.getWebServer().getPort()))
                        .run("--server.port=0", "--spring.datasource.url=jdbc:h2:mem:readiness-it;DB_CLOSE_DELAY=-1"));
        try {
            LedgerHttp http = new LedgerHttp(port.get(2, TimeUnit.MINUTES));

            Response readiness = http.get("/actuator/health/readiness");
            assertThat(readiness.status()).isEqualTo(503);
            assertThat(readiness.json().path("status").asText()).isEqualTo("OUT_OF_SERVICE");
            assertThat(http.get("/actuator/health").status()).isEqualTo(503);
            Response liveness = http.get("/actuator/health/liveness");
            assertThat(liveness.status()).isEqualTo(200);
            assertThat(liveness.json().path("status").asText()).isEqualTo("UP");

            Response early = http.as("secretariat").command("JoinCollaboration", JOIN);
            assertThat(early.status()).as(early.body()).isEqualTo(503);
            assertThat(early.contentType()).startsWith("application/problem+json");
            assertThat(early.json().path("rule").asText()).isEqualTo("not-ready");
            assertThat(early.retryAfter()).isNotNull();

            RELEASE.countDown();
            started.get(2, TimeUnit.MINUTES);
            awaitReady(http);
            assertThat(http.get("/actuator/health").status()).isEqualTo(200);
            Response join = http.as("secretariat").command("JoinCollaboration", JOIN);
            assertThat(join.status()).as("the refused join changed nothing, so the first join now succeeds: %s",
                    join.body()).isEqualTo(200);
            assertThat(join.json().path("version").asLong()).as("registered, then joined once").isEqualTo(1);
        } finally {
            RELEASE.countDown();
            started.get(2, TimeUnit.MINUTES).close();
        }
    }

    private static void awaitReady(LedgerHttp http) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (http.get("/actuator/health/readiness").status() != 200) {
            assertThat(System.nanoTime()).as("ready within 30 s").isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
