package no.trondelag.samhandling.app.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import no.trondelag.samhandling.app.LedgerHttp;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Anchoring (ADR 0031): with a time-stamping authority configured, each checkpoint is time-stamped in the background
 * and the authority's reply served beside it, a token over exactly the signed note as served.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"ledger.integrity.settle-time=200ms", "ledger.integrity.advance-interval=200ms"})
@ActiveProfiles("test")
class CheckpointTimestampIT {

    private static final LocalTimestampAuthority AUTHORITY = start();

    @LocalServerPort
    int port;

    private static LocalTimestampAuthority start() {
        try {
            return new LocalTimestampAuthority();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void timestampAuthority(DynamicPropertyRegistry registry) {
        registry.add("ledger.integrity.checkpoints.timestamp-authority", () -> AUTHORITY.url().toString());
    }

    @AfterAll
    static void stop() {
        AUTHORITY.close();
    }

    @Test
    void theCheckpointIsTimeStampedOverItsNoteAndTheReplyIsServedBesideIt() throws Exception {
        LedgerHttp http = new LedgerHttp(port);
        assertThat(http.as("secretariat").command("RegisterRegion", """
                {"regionId":"tsa-region","name":"Regionen med tidsstempel"}""").status()).isEqualTo(200);
        Thread.sleep(300);
        String note = http.get("/api/ledger/checkpoint").body();
        long size = Long.parseLong(note.split("\n")[1]);

        HttpResponse<byte[]> reply = awaitTimestamp(size);

        assertThat(reply.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/timestamp-reply"));
        TimeStampToken token = new TimeStampResponse(reply.body()).getTimeStampToken();
        assertThat(token.getTimeStampInfo().getMessageImprintDigest())
                .isEqualTo(MessageDigest.getInstance("SHA-256").digest(note.getBytes(StandardCharsets.UTF_8)));
        assertThat(token.isSignatureValid(new JcaSimpleSignerInfoVerifierBuilder().build(AUTHORITY.certificate())))
                .isTrue();
        assertThat(AUTHORITY.served()).isPositive();
    }

    private HttpResponse<byte[]> awaitTimestamp(long size) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + "/api/ledger/checkpoints/" + size + "/timestamp")).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() == 200 || Instant.now().isAfter(deadline)) {
                assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8))
                        .isEqualTo(200);
                return response;
            }
            Thread.sleep(100);
        }
    }
}
