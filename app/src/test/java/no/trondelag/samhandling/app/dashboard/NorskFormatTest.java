package no.trondelag.samhandling.app.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import no.trondelag.samhandling.api.funding.FundingSource;
import no.trondelag.samhandling.api.initiative.Pillar;
import no.trondelag.samhandling.api.participation.ParticipantKind;
import org.junit.jupiter.api.Test;

class NorskFormatTest {

    private static final NorskFormat FMT = NorskFormat.INSTANCE;

    @Test
    void datesAreDayMonthYear() {
        assertThat(FMT.date(LocalDate.of(2019, 12, 31))).isEqualTo("31.12.2019");
        assertThat(FMT.date(Instant.parse("2019-12-31T23:30:00Z"))).isEqualTo("01.01.2020");
        assertThat(FMT.date((LocalDate) null)).isEmpty();
    }

    @Test
    void numbersAreGroupedWithANonBreakingSpaceAndADecimalComma() {
        assertThat(FMT.number(199595)).isEqualTo("199\u00a0595");
        assertThat(FMT.decimal(new BigDecimal("3.25"), 1, 1)).isEqualTo("3,3");
        assertThat(FMT.percent(new BigDecimal("0.1667"))).isEqualTo("16,7\u00a0%");
    }

    @Test
    void kronerShowOereOnlyWhenThereAreAny() {
        assertThat(FMT.nok(new BigDecimal("2000000.00"))).isEqualTo("2\u00a0000\u00a0000\u00a0kr");
        assertThat(FMT.nok(new BigDecimal("1500.5"))).isEqualTo("1\u00a0500,50\u00a0kr");
    }

    @Test
    void codesHaveTheirGlossaryNames() {
        assertThat(FMT.source(FundingSource.DISCRETIONARY_GRANT)).isEqualTo("Skjønnsmidler fra Statsforvalteren");
        assertThat(FMT.sourceInSentence(FundingSource.DISCRETIONARY_GRANT))
                .isEqualTo("skjønnsmidler fra Statsforvalteren");
        assertThat(FMT.sourceInSentence(FundingSource.COUNTY_AUTHORITY)).isEqualTo("Trøndelag fylkeskommune");
        assertThat(FMT.kind(ParticipantKind.STATE_AGENCY)).isEqualTo("Statlig etat");
        assertThat(FMT.pillar(Pillar.COMPETENCE)).isEqualTo("Kompetanse");
        assertThat(FMT.initiativeStatus("APPROVED")).isEqualTo("Godkjent");
    }
}
