package no.trondelag.samhandling.app.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AsOfTest {

    private static final LocalDate TODAY = LocalDate.of(2021, 3, 15);

    @Test
    void withoutADateThePageShowsToday() {
        assertThat(AsOf.parse(null, TODAY)).isEqualTo(new AsOf(TODAY, false));
        assertThat(AsOf.parse(" ", TODAY)).isEqualTo(new AsOf(TODAY, false));
    }

    @Test
    void aChosenDateIsShownAndCarried() {
        AsOf asOf = AsOf.parse("2019-12-31", TODAY);

        assertThat(asOf).isEqualTo(new AsOf(LocalDate.of(2019, 12, 31), true));
        assertThat(new DashboardLinks(asOf).decision("sg-2018-05-02-07"))
                .isEqualTo("/vedtak/sg-2018-05-02-07?dato=2019-12-31");
        assertThat(new DashboardLinks(asOf).overview(2020)).isEqualTo("/?dato=2019-12-31&aar=2020");
    }

    @Test
    void linksForTodayCarryNoDateButCsvLinksNameIt() {
        DashboardLinks links = new DashboardLinks(AsOf.parse(null, TODAY));

        assertThat(links.participant("5054")).isEqualTo("/kommune/5054");
        assertThat(links.csv("/api/reports/goals")).isEqualTo("/api/reports/goals?format=csv&asOf=2021-03-15");
    }

    @ParameterizedTest
    @ValueSource(strings = {"31.12.2019", "2019-02-30", "2019-1-1", "1899-12-31", "2101-01-01", "i går"})
    void anythingButAnIsoDateBetween1900And2100IsRefused(String dato) {
        assertThatThrownBy(() -> AsOf.parse(dato, TODAY))
                .isInstanceOfSatisfying(InvalidPageParameterException.class, e -> {
                    assertThat(e.parameter()).isEqualTo("dato");
                    assertThat(e.value()).isEqualTo(dato);
                    assertThat(e.advice()).isNotBlank();
                });
    }
}
