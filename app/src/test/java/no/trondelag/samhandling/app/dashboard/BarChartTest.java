package no.trondelag.samhandling.app.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BarChartTest {

    private final BarChart chart = new BarChart("test", "Deltakelse <per> region", "Beskrivelse & tabell",
            List.of("Medlemskommuner", "Innbyggere dekket"),
            List.of(new BarChart.Group("Fosen regionråd", List.of(new BarChart.Bar(1.0 / 6, "1 av 6 kommuner"),
                    new BarChart.Bar(0.396, "39,6 % av innbyggerne")))),
            List.of(new BarChart.Tick(0.5, "50 %")), BarChart.WIDE);

    @Test
    void isAnImageNamedByItsTitleAndDescription() {
        String svg = chart.svg();

        assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"diagram\" role=\"img\"")
                .contains("aria-labelledby=\"test-tittel test-beskrivelse\"")
                .contains("<title id=\"test-tittel\">Deltakelse &lt;per&gt; region</title>")
                .contains("<desc id=\"test-beskrivelse\">Beskrivelse &amp; tabell</desc>")
                .endsWith("</svg>");
    }

    @Test
    void everyBarCarriesItsFigureAsText() {
        String svg = chart.svg();

        assertThat(svg).contains(">1 av 6 kommuner</text>", ">39,6 % av innbyggerne</text>",
                ">Fosen regionråd</text>", ">Medlemskommuner</text>", ">50 %</text>");
        assertThat(svg).contains("width=\"63.3\"").contains("width=\"150.5\"");
    }
}
