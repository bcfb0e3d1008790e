package no.trondelag.samhandling.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import no.trondelag.samhandling.api.common.ReportMeta;
import org.junit.jupiter.api.Test;

class RenderedReportsTest {

    private static final ReportMeta AT_7 = new ReportMeta(LocalDate.of(2024, 6, 14), null, 7, 8);

    /** A report that counts how often it is rendered. */
    static final class Counted {

        int renderings;
        final String name;

        Counted(String name) {
            this.name = name;
        }

        public String getName() {
            renderings++;
            return name;
        }
    }

    private final RenderedReports rendered = new RenderedReports(new ObjectMapper(), 40);

    private static String text(byte[] json) {
        return new String(json, StandardCharsets.UTF_8);
    }

    @Test
    void theSameReportIsRenderedOnce() {
        Counted report = new Counted("fosen");
        RenderedReports.Key key = new RenderedReports.Key("/api/reports/participation", null, AT_7, false);

        byte[] first = rendered.json(key, report);
        byte[] again = rendered.json(key, report);

        assertThat(text(first)).isEqualTo("{\"name\":\"fosen\"}");
        assertThat(again).isSameAs(first);
        assertThat(report.renderings).isEqualTo(1);
    }

    @Test
    void aReportFoldedFurtherAnotherRequestOrAnAuditorIsRenderedAgain() {
        Counted report = new Counted("fosen");
        rendered.json(new RenderedReports.Key("/api/reports/participation", null, AT_7, false), report);

        rendered.json(new RenderedReports.Key("/api/reports/participation", null,
                new ReportMeta(AT_7.asOf(), null, 7, 9), false), report);
        rendered.json(new RenderedReports.Key("/api/reports/participation", "regionId=fosen", AT_7, false), report);
        rendered.json(new RenderedReports.Key("/api/reports/participation", null, AT_7, true), report);

        assertThat(report.renderings).isEqualTo(4);
    }

    @Test
    void theLeastRecentlyUsedReportsGoOnceTheBudgetIsSpent() {
        // each report renders to 16 bytes; the budget is 40
        Counted a = new Counted("aaaaa");
        Counted b = new Counted("bbbbb");
        Counted c = new Counted("ccccc");
        RenderedReports.Key keyA = new RenderedReports.Key("/a", null, AT_7, false);
        RenderedReports.Key keyB = new RenderedReports.Key("/b", null, AT_7, false);
        rendered.json(keyA, a);
        rendered.json(keyB, b);
        rendered.json(keyA, a);

        rendered.json(new RenderedReports.Key("/c", null, AT_7, false), c);
        rendered.json(keyA, a);
        rendered.json(keyB, b);

        assertThat(a.renderings).as("kept: used more recently than b").isEqualTo(1);
        assertThat(b.renderings).as("let go for c, rendered again").isEqualTo(2);
    }
}
