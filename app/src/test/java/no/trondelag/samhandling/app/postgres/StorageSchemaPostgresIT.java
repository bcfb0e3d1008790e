package no.trondelag.samhandling.app.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import no.trondelag.samhandling.app.LedgerHttp;
import no.trondelag.samhandling.app.LedgerHttp.Response;
import no.trondelag.samhandling.app.ReadSide;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The PostgreSQL schema avoids the two traps of an Axon event store on PostgreSQL (ADR 0020): the event table's
 * global index is drawn from a sequence that counts in ones at every insert, never in blocks that a node hands out
 * itself; and every payload, metadata and token column is {@code bytea}, never an {@code oid} large object, which
 * would leave an orphaned object behind at every token update.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "postgres"})
@PostgresLedger
class StorageSchemaPostgresIT {

    private static final List<String> AXON_TABLES =
            List.of("domainevententry", "snapshotevententry", "tokenentry", "deadletterentry");
    private static final List<String> BINARY_COLUMNS = List.of("payload", "metadata", "token", "diagnostics");
    private static final int BURSTS = 20;
    private static final int COMMANDS_PER_BURST = 10;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EventProcessingConfiguration eventProcessing;

    @Test
    void theSchemaComesFromTheFlywayMigrationsForPostgresql() throws IOException {
        int migrations = new PathMatchingResourcePatternResolver()
                .getResources("classpath:db/migration/postgresql/V*.sql").length;

        assertThat(jdbc.queryForList("SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL",
                String.class)).as("one applied Flyway migration per file in db/migration/postgresql")
                .hasSize(migrations);
    }

    @Test
    void everyEventTakesItsGlobalIndexFromASequenceThatCountsInOnes() {
        Map<String, Object> column = jdbc.queryForMap("SELECT column_default, is_identity "
                + "FROM information_schema.columns "
                + "WHERE table_schema = current_schema() AND table_name = 'domainevententry' "
                + "AND column_name = 'globalindex'");
        String sequence = jdbc.queryForObject("SELECT pg_get_serial_sequence('domainevententry', 'globalindex')",
                String.class);
        Map<String, Object> settings = jdbc.queryForMap("SELECT increment_by, cache_size FROM pg_sequences "
                + "WHERE format('%I.%I', schemaname, sequencename)::regclass = ?::regclass", sequence);

        assertThat("YES".equals(column.get("is_identity"))
                || String.valueOf(column.get("column_default")).startsWith("nextval("))
                .as("the database assigns the global index at every insert (BIGSERIAL or identity): %s", column)
                .isTrue();
        assertThat(((Number) settings.get("increment_by")).longValue())
                .as("increment of %s: a larger one hands positions out in blocks", sequence).isEqualTo(1);
        assertThat(((Number) settings.get("cache_size")).longValue())
                .as("cache of %s: a larger one lets every connection reserve a block of positions", sequence)
                .isEqualTo(1);
    }

    @Test
    void payloadMetadataAndTokenColumnsAreByteaAndNoColumnIsALargeObject() {
        List<String> tables = jdbc.queryForList("SELECT table_name FROM information_schema.tables "
                + "WHERE table_schema = current_schema()", String.class);
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("domainevententry.payload", "bytea");
        expected.put("domainevententry.metadata", "bytea");
        expected.put("snapshotevententry.payload", "bytea");
        expected.put("snapshotevententry.metadata", "bytea");
        expected.put("tokenentry.token", "bytea");
        if (tables.contains("deadletterentry")) {
            expected.put("deadletterentry.payload", "bytea");
            expected.put("deadletterentry.metadata", "bytea");
            expected.put("deadletterentry.token", "bytea");
            expected.put("deadletterentry.diagnostics", "bytea");
        }

        Map<String, String> actual = new LinkedHashMap<>();
        jdbc.query("SELECT table_name, column_name, udt_name FROM information_schema.columns "
                        + "WHERE table_schema = current_schema() AND table_name IN ("
                        + placeholders(AXON_TABLES) + ") AND column_name IN (" + placeholders(BINARY_COLUMNS) + ")",
                row -> {
                    actual.put(row.getString(1) + "." + row.getString(2), row.getString(3));
                }, concat(AXON_TABLES, BINARY_COLUMNS));
        List<String> largeObjectColumns = jdbc.queryForList("SELECT table_name || '.' || column_name "
                + "FROM information_schema.columns WHERE table_schema = current_schema() "
                + "AND udt_name IN ('oid', 'lo')", String.class);

        assertThat(actual).isEqualTo(expected);
        assertThat(largeObjectColumns).as("columns holding large-object references").isEmpty();
    }

    @Test
    void manyTokenUpdatesLeaveNoLargeObjectBehind() throws InterruptedException {
        LedgerHttp http = new LedgerHttp(port).as("secretariat");

        for (int burst = 0; burst < BURSTS; burst++) {
            long last = -1;
            for (int i = 0; i < COMMANDS_PER_BURST; i++) {
                Response response = http.command("RegisterRegion", """
                        {"regionId":"lo-%02d-%d","name":"Large object %d.%d"}""".formatted(burst, i, burst, i));
                assertThat(response.status()).as(response.body()).isEqualTo(200);
                last = response.json().path("events").get(0).path("globalIndex").asLong();
            }
            // Each projection stores its token in the transaction that moves its position past the burst.
            ReadSide.awaitAt(eventProcessing, last, Duration.ofSeconds(30));
        }

        await(() -> ReadSide.loggedEvents(jdbc).equals(ReadSide.everyEventLogged(jdbc)),
                "every projection's log holds every event");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM pg_largeobject_metadata", Long.class))
                .as("large objects after %d commands in %d bursts, each stored the token at least once; "
                        + "token updates counted by PostgreSQL so far: %d", BURSTS * COMMANDS_PER_BURST, BURSTS,
                        tokenUpdates())
                .isZero();
    }

    /** Updates of the token table that PostgreSQL's statistics show so far; they lag, so this is only a hint. */
    private long tokenUpdates() {
        Long updates = jdbc.queryForObject("SELECT n_tup_upd FROM pg_stat_user_tables WHERE relname = 'tokenentry'",
                Long.class);
        return updates == null ? 0 : updates;
    }

    private static String placeholders(List<String> values) {
        return String.join(", ", values.stream().map(value -> "?").toList());
    }

    private static Object[] concat(List<String> first, List<String> second) {
        List<Object> values = new ArrayList<>(first);
        values.addAll(second);
        return values.toArray();
    }

    private static void await(BooleanSupplier condition, String description) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Not within 30 s: " + description);
            }
            Thread.sleep(20);
        }
    }
}
