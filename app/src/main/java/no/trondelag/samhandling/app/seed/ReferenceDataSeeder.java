package no.trondelag.samhandling.app.seed;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import no.trondelag.samhandling.api.common.LedgerCommand;
import no.trondelag.samhandling.api.participation.ParticipantKind;
import no.trondelag.samhandling.api.participation.RegisterParticipant;
import no.trondelag.samhandling.api.region.RegisterRegion;
import no.trondelag.samhandling.app.command.CommandDispatcher;
import no.trondelag.samhandling.app.command.CommandRequest;
import no.trondelag.samhandling.command.common.CommandLookups;
import no.trondelag.samhandling.command.common.CommandLookups.IdKind;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Registers the 9 regions and the 47 municipalities of Trøndelag on 1 January 2018 from the reference data, through
 * the same commands as everything else, so the seed is in the ledger too. Whatever is registered already is left
 * alone, so starting again, or after an interrupted first start, registers nothing twice.
 *
 * <p>What is registered is asked of the command side's lookups and checked against the event store: an aggregate
 * the event store holds but the lookups do not know means this node's database is not the one the ledger's events
 * were recorded with (a second node started against the same Axon Server with a database of its own). Then it
 * refuses to start, before judging any command by lookups that are behind, instead of seeding again.
 */
@Component
@ConditionalOnProperty(name = "ledger.seed.enabled", havingValue = "true")
class ReferenceDataSeeder implements ApplicationRunner {

    /** The actor recorded on the seed's events. */
    static final String ACTOR = "system:seed";
    /** The date the reference data describes. */
    static final LocalDate REFERENCE_DATE = LocalDate.of(2018, 1, 1);

    private static final Logger LOG = LoggerFactory.getLogger(ReferenceDataSeeder.class);

    private final CommandDispatcher dispatcher;
    private final CommandLookups lookups;
    private final EventStore eventStore;

    ReferenceDataSeeder(CommandDispatcher dispatcher, CommandLookups lookups, EventStore eventStore) {
        this.dispatcher = dispatcher;
        this.lookups = lookups;
        this.eventStore = eventStore;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<LedgerCommand> missing = new ArrayList<>();
        for (String[] region : rows("reference-data/trondelag-regions-2018.csv")) {
            if (!lookups.exists(IdKind.REGION, region[0])) {
                missing.add(new RegisterRegion(region[0], region[1]));
            }
        }
        for (String[] municipality : rows("reference-data/trondelag-municipalities-2018.csv")) {
            if (lookups.participant(municipality[0]).isEmpty()) {
                missing.add(new RegisterParticipant(municipality[0], municipality[1], ParticipantKind.MUNICIPALITY,
                        municipality[2], Integer.valueOf(municipality[5]), REFERENCE_DATE));
            }
        }
        List<String> unknownToLookups = missing.stream().map(LedgerCommand::targetAggregateId)
                .filter(aggregate -> eventStore.lastSequenceNumberFor(aggregate).isPresent()).toList();
        if (!unknownToLookups.isEmpty()) {
            throw new IllegalStateException("The event store holds " + unknownToLookups.size() + " of the reference "
                    + "data's aggregates (such as " + unknownToLookups.get(0) + ") that the command-side lookups in "
                    + "this node's database do not know: every node must use the one database the ledger's events "
                    + "were recorded with (docs/operations.md, Axon Server). Not starting.");
        }
        String correlationId = UUID.randomUUID().toString();
        missing.forEach(command -> dispatcher.dispatch(command, CommandRequest.by(ACTOR, correlationId)));
        if (!missing.isEmpty()) {
            LOG.info("Seeded the ledger with {} reference-data commands", missing.size());
        }
    }

    /**
     * The data rows of a small CSV file without quoted commas (the reference files have none in the columns read).
     */
    private static List<String[]> rows(String path) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new ClassPathResource(path).getInputStream(), StandardCharsets.UTF_8))) {
            return reader.lines().skip(1).filter(line -> !line.isBlank()).map(line -> line.split(",", -1)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read reference data " + path, e);
        }
    }
}
