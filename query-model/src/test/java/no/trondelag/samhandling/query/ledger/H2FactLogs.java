package no.trondelag.samhandling.query.ledger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * {@link JdbcFactLog}s on fresh in-memory H2 databases with the read side's schema as the application migrates it,
 * and events serialized as the application serializes them: JSON by Jackson, dates as ISO strings.
 */
final class H2FactLogs {

    /** The application's migrations of the read side's tables, relative to this module's directory. */
    static final List<Path> MIGRATIONS = List.of(
            Path.of("../app/src/main/resources/db/migration/h2/V3__read_model.sql"),
            Path.of("../app/src/main/resources/db/migration/h2/V5__read_model_epoch.sql"),
            Path.of("../app/src/main/resources/db/migration/h2/V9__read_model_appends.sql"),
            Path.of("../app/src/main/resources/db/migration/h2/V10__read_model_fact_count.sql"),
            Path.of("../app/src/main/resources/db/migration/h2/V11__read_model_decision_lookup.sql"));

    private H2FactLogs() {
    }

    /**
     * A fresh database with the read side's tables.
     *
     * @return access to it
     */
    static JdbcTemplate database() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:facts-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        MIGRATIONS.forEach(migration ->
                new ResourceDatabasePopulator(new FileSystemResource(migration)).execute(dataSource));
        return new JdbcTemplate(dataSource);
    }

    /**
     * Axon's Jackson serializer with Java time support and ISO dates.
     *
     * @return the serializer
     */
    static Serializer serializer() {
        ObjectMapper objectMapper = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        return JacksonSerializer.builder().objectMapper(objectMapper).build();
    }

    /**
     * A log on a fresh database.
     *
     * @return the log
     */
    static JdbcFactLog create() {
        return new JdbcFactLog(database(), serializer());
    }
}
