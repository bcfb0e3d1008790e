package no.trondelag.samhandling.app.golden;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The golden test's own tools: what a mismatch looks like, and what the normaliser replaces and keeps.
 */
class GoldenFilesTest {

    @Test
    void aNumberFormatDifferenceIsShownWhereItIs() {
        String diff = GoldenFiles.diff("{\"a\":1,\"gap\":0.00,\"b\":[1,2]}", "{\"a\":1,\"gap\":0,\"b\":[1,2]}");

        assertThat(diff).contains("offset 14").contains("golden: …{\"a\":1,\"gap\":0.00,")
                .contains("actual: …{\"a\":1,\"gap\":0,").contains("-   \"gap\" : 0.00,").contains("+   \"gap\" : 0,");
    }

    @Test
    void aCsvDifferenceIsShownAsLines() {
        String diff = GoldenFiles.diff("h\r\n1,a\r\n2,b\r\n", "h\r\n1,a\r\n2,c\r\n");

        assertThat(diff).contains("@@ line 3 @@").contains("- 2,b").contains("+ 2,c").contains("  1,a");
    }

    @Test
    void onlyRecordingInstantsNamedInstantsUuidsAndTodayAreReplaced() {
        Instant named = Instant.parse("2026-12-02T20:30:03.123456789Z");
        Instant recorded = Instant.parse("2026-12-02T20:30:04.567Z");
        GoldenNormaliser normaliser = new GoldenNormaliser(Map.of("before-late", named),
                Map.of(recorded, "57"), LocalDate.of(2026, 12, 2));

        String normalised = normaliser.normalise("{\"asOf\":\"2026-12-02\",\"knownAt\":\"2026-12-02T20:30:03.123456789Z\","
                + "\"recordedAt\":\"2026-12-02T20:30:04.567Z\",\"effectiveOn\":\"2018-05-02\",\"amount\":0.00,"
                + "\"id\":\"1b4e28ba-2fa1-11d2-883f-0016d3cca427\",\"other\":\"2026-12-02T20:30:05Z\"}");

        assertThat(normalised).isEqualTo("{\"asOf\":\"<today>\",\"knownAt\":\"<knownAt:before-late>\","
                + "\"recordedAt\":\"<recorded@57>\",\"effectiveOn\":\"2018-05-02\",\"amount\":0.00,"
                + "\"id\":\"<uuid-1>\",\"other\":\"<instant-1>\"}");
        assertThat(normaliser.unexpected()).hasSize(2);
    }
}
