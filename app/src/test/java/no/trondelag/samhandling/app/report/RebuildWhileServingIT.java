package no.trondelag.samhandling.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.trondelag.samhandling.app.LedgerHttp;
import no.trondelag.samhandling.app.LedgerHttp.Response;
import no.trondelag.samhandling.app.ReadSide;
import no.trondelag.samhandling.query.participation.ParticipationProjection;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * A projection is rebuilt into the next version of its tables while the current version keeps answering: every
 * report read during the rebuild is complete and no older than one read before, new commands show up meanwhile, and
 * reads switch to the new version once it has caught up (ADR 0026).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:rebuild-while-serving-it;DB_CLOSE_DELAY=-1")
@DirtiesContext
class RebuildWhileServingIT {

    private static final List<String> REPORTS = List.of("/api/reports/participation", "/api/regions",
            "/api/participants", "/api/participants/5054", "/api/participants/5054/history",
            "/api/reports/funding", "/api/reports/initiatives", "/api/reports/goals", "/api/audit/decisions");

    @LocalServerPort
    int port;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    JdbcTemplate jdbc;

    private LedgerHttp auditor;
    private LedgerHttp admin;
    private LedgerHttp secretariat;

    @BeforeEach
    void caughtUp() {
        auditor = new LedgerHttp(port).as("auditor");
        admin = new LedgerHttp(port).as("admin");
        secretariat = new LedgerHttp(port).as("secretariat");
        ReadSide.awaitCaughtUp(processing, jdbc);
    }

    @Test
    void reportsStayCompleteWhileAProjectionIsRebuiltAndSwitchOnceItHasCaughtUp() {
        Map<String, String> before = reports();
        List<String> regionsBefore = auditor.get("/api/regions").json().path("regions").findValuesAsText("regionId");
        assertThat(regionsBefore).hasSizeGreaterThan(5);
        int active = activeVersion(ParticipationProjection.NAME);
        StreamingEventProcessor processor = ReadSide.processor(processing, ParticipationProjection.NAME);

        processor.shutDown();
        processor.resetTokens();

        // the next version is being built, from nothing, and the current one still answers in full
        JsonNode versions = admin.get("/api/admin/projections/" + ParticipationProjection.NAME).json().path("versions");
        assertThat(versions.path("active").asInt()).isEqualTo(active);
        assertThat(versions.path("building").asInt()).isEqualTo(active + 1);
        assertThat(versions.path("buildingPosition").asLong()).isEqualTo(-1);
        assertThat(reports()).isEqualTo(before);

        processor.start();
        Response added = secretariat.command("RegisterRegion", "{\"regionId\":\"rebuilt\",\"name\":\"Ombygd\"}");
        assertThat(added.status()).as(added.body()).isEqualTo(200);
        long addedAt = added.json().path("events").get(0).path("globalIndex").asLong();

        List<Long> positions = new ArrayList<>();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (activeVersion(ParticipationProjection.NAME) == active) {
            assertThat(Instant.now()).as("the new version takes over").isBefore(deadline);
            JsonNode report = auditor.get("/api/regions").json();
            positions.add(report.path("meta").path("position").asLong());
            assertThat(report.path("regions").findValuesAsText("regionId")).as("regions while rebuilding")
                    .containsAll(regionsBefore);
        }
        ReadSide.awaitCaughtUp(processing, jdbc);
        JsonNode after = auditor.get("/api/regions").json();
        positions.add(after.path("meta").path("position").asLong());

        assertThat(positions).isSorted();
        assertThat(after.path("meta").path("position").asLong()).isGreaterThanOrEqualTo(addedAt);
        assertThat(after.path("regions").findValuesAsText("regionId")).contains("rebuilt");
        JsonNode status = admin.get("/api/admin/projections/" + ParticipationProjection.NAME).json().path("versions");
        assertThat(status.path("active").asInt()).isEqualTo(active + 1);
        assertThat(status.path("building").isNull() || status.path("building").isMissingNode()).isTrue();
        assertThat(status.path("activePosition").asLong()).isEqualTo(ReadSide.head(jdbc));
        assertThat(tableExists("rm_participation_v" + active + "_head")).as("the replaced version, kept").isTrue();
    }

    @Test
    void everyProjectionRebuiltAnswersAsBefore() {
        Map<String, String> before = reports();

        ReadSide.replayAll(processing);
        assertThat(reports()).as("right after the reset").isEqualTo(before);
        ReadSide.awaitCaughtUp(processing, jdbc);
        awaitNoneBuilding();

        assertThat(reports()).isEqualTo(before);
    }

    @Test
    void aSecondRebuildDropsTheVersionTheFirstReplaced() {
        int first = activeVersion(ParticipationProjection.NAME);
        rebuild(ParticipationProjection.NAME);
        rebuild(ParticipationProjection.NAME);

        assertThat(activeVersion(ParticipationProjection.NAME)).isEqualTo(first + 2);
        assertThat(tableExists("rm_participation_v" + first + "_head")).isFalse();
        assertThat(tableExists("rm_participation_v" + (first + 1) + "_head")).isTrue();
    }

    private void rebuild(String projection) {
        StreamingEventProcessor processor = ReadSide.processor(processing, projection);
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        ReadSide.awaitCaughtUp(processing, jdbc);
        awaitNoneBuilding();
    }

    private void awaitNoneBuilding() {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (jdbc.queryForObject("SELECT COUNT(*) FROM rm_projection_version WHERE building IS NOT NULL",
                Integer.class) > 0) {
            assertThat(Instant.now()).as("every rebuilt version takes over").isBefore(deadline);
            pause();
        }
    }

    private int activeVersion(String projection) {
        return jdbc.queryForObject("SELECT active FROM rm_projection_version WHERE projection = ?", Integer.class,
                projection);
    }

    private boolean tableExists(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM information_schema.tables WHERE LOWER(table_name) = ?",
                Integer.class, table) > 0;
    }

    private Map<String, String> reports() {
        Map<String, String> reports = new LinkedHashMap<>();
        for (String path : REPORTS) {
            Response json = auditor.get(path);
            assertThat(json.status()).as(path + ": " + json.body()).isEqualTo(200);
            reports.put(path, json.body());
        }
        return reports;
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
