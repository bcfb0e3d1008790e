package no.trondelag.samhandling.app.golden;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.trondelag.samhandling.app.ReadSide;
import no.trondelag.samhandling.app.engine.StoredEvents;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * Golden outputs of every report and list, in JSON and CSV, at many read points, as the read side answers them
 * now: a deterministic scenario ({@link GoldenScenario}) and a synthetic ledger ({@link SyntheticLedger}) are sent
 * over HTTP to a freshly seeded ledger, every read of {@link GoldenRequests} is made, its body normalised
 * ({@link GoldenNormaliser}) and compared byte for byte with its file under {@code src/test/resources/golden}
 * ({@link GoldenFiles}); {@code INDEX.txt} there pins each read's status, content type and {@code Ledger-Position},
 * and {@code LEDGER.txt} the ledger itself. Run with {@code -Dgolden.update=true} to write the files instead. See
 * {@code docs/golden-reports.md}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:golden-reports-it;DB_CLOSE_DELAY=-1")
class GoldenReportsIT {

    /** The synthetic ledger's size in commands. */
    static final int SYNTHETIC_COMMANDS = 3000;

    private static final ZoneId LEDGER_ZONE = ZoneId.of("Europe/Oslo");

    @LocalServerPort
    int port;

    @Autowired
    EventStore eventStore;

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void everyReportAndListAnswersAsItsGolden() throws Exception {
        GoldenHttp http = new GoldenHttp(port);
        long started = System.nanoTime();
        awaitReadSide(http);
        long seedHead = head();
        assertThat(seedHead).as("the seed's events").isEqualTo(56);

        GoldenLedger ledger = new GoldenLedger(http);
        new GoldenScenario(ledger).run();
        int scenarioCommands = ledger.commands();
        int scenarioEvents = ledger.events();
        long scenarioHead = head();
        long scenarioDone = System.nanoTime();
        new SyntheticLedger(ledger, SYNTHETIC_COMMANDS).run();
        awaitReadSide(http);
        long synthetic = System.nanoTime();

        GoldenNormaliser normaliser = new GoldenNormaliser(ledger.marks(), recordingInstants(ledger, seedHead),
                LocalDate.now(LEDGER_ZONE));
        GoldenFiles files = new GoldenFiles();
        StringBuilder index = new StringBuilder();
        List<GoldenRequest> requests = GoldenRequests.all();
        for (GoldenRequest request : requests) {
            GoldenHttp.Response response = http.get(request.pathAndQuery(name -> ledger.mark(name, true)),
                    request.user(), request.accept());
            String name = request.fileName();
            files.check(name, request.describe(), normaliser.normalise(response.body()));
            index.append(request.describe()).append("\n    -> ").append(response.status()).append(' ')
                    .append(response.contentType());
            if (!response.ledgerPosition().isEmpty()) {
                index.append(", Ledger-Position ").append(response.ledgerPosition());
            }
            index.append(": ").append(name).append('\n');
        }
        long read = System.nanoTime();
        files.check("INDEX.txt", "the index of reads", index.toString());
        files.check("LEDGER.txt", "the ledger the reads are made on", """
                The ledger of the golden reports (GoldenReportsIT; see docs/golden-reports.md).
                seed: positions 1 to %d
                scenario: %d commands, %d events, positions %d to %d
                synthetic ledger: seed %d, %d commands, %d events, positions %d to %d
                head: %d, events: %d
                reads: %d
                """.formatted(seedHead, scenarioCommands, scenarioEvents, seedHead + 1, scenarioHead,
                SyntheticLedger.SEED, ledger.commands() - scenarioCommands, ledger.events() - scenarioEvents,
                scenarioHead + 1, head(), head(), count(), requests.size()));

        System.out.printf("Golden reports (%s): scenario %d commands/%d events in %d ms; synthetic %d commands/%d "
                        + "events in %d ms; %d reads in %d ms; %s%n", getClass().getSimpleName(), scenarioCommands,
                scenarioEvents, (scenarioDone - started) / 1_000_000, ledger.commands() - scenarioCommands,
                ledger.events() - scenarioEvents, (synthetic - scenarioDone) / 1_000_000, requests.size(),
                (read - synthetic) / 1_000_000, files.updating() ? "written to " + files.directory() : "compared");
        if (!normaliser.unexpected().isEmpty()) {
            System.out.println("Golden reports: values replaced that were not recording instants: "
                    + normaliser.unexpected());
        }
        files.finish();
    }

    /** Every recording instant of the event store, with the label of the command that recorded it. */
    private Map<Instant, String> recordingInstants(GoldenLedger ledger, long seedHead) {
        Map<Instant, String> labels = new HashMap<>();
        StoredEvents.all(eventStore).forEach(event -> {
            long position = event.trackingToken().position().orElseThrow();
            // as the JDBC engine and Axon Server keep it; Axon's in-memory engine keeps the clock's full precision
            Instant instant = event.getTimestamp().truncatedTo(ChronoUnit.MILLIS);
            String label = position <= seedHead ? "seed" : Long.toString(ledger.commandOf(position));
            String other = labels.putIfAbsent(instant, label);
            if (other != null && !other.equals(label)) {
                throw new AssertionError("Two commands recorded events at " + instant + ": " + other + " and " + label
                        + "; their placeholders would change from run to run");
            }
        });
        return labels;
    }

    private void awaitReadSide(GoldenHttp http) {
        ReadSide.awaitCaughtUp(processing, eventStore);
    }

    private long head() {
        return Math.max(0, StoredEvents.head(eventStore));
    }

    private long count() {
        return StoredEvents.count(eventStore);
    }
}
