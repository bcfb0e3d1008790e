package no.trondelag.samhandling.query.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class RatiosTest {

    @Test
    void countsAreDividedToFourDecimals() {
        assertThat(Ratios.of(2, 3)).isEqualTo(new BigDecimal("0.6667"));
        assertThat(Ratios.of(1, 3)).isEqualTo(new BigDecimal("0.3333"));
    }

    @Test
    void aWholeRatioStillCarriesFourDecimals() {
        assertThat(Ratios.of(6, 6)).isEqualTo(new BigDecimal("1.0000"));
        assertThat(Ratios.of(0, 4)).isEqualTo(new BigDecimal("0.0000"));
    }

    @Test
    void aHalfIsRoundedUpNotToEven() {
        // 1/32 = 0.03125: half up gives 0.0313, half even would give 0.0312
        assertThat(Ratios.of(1, 32)).isEqualTo(new BigDecimal("0.0313"));
    }

    @Test
    void decimalsAreDividedToFourDecimals() {
        assertThat(Ratios.of(new BigDecimal("5.9"), new BigDecimal("2"))).isEqualTo(new BigDecimal("2.9500"));
        assertThat(Ratios.of(new BigDecimal("16408"), new BigDecimal("25502"))).isEqualTo(new BigDecimal("0.6434"));
    }

    @Test
    void anEmptyDenominatorHasNoValue() {
        assertThat(Ratios.of(0, 0)).isNull();
        assertThat(Ratios.of(new BigDecimal("3"), new BigDecimal("0.00"))).isNull();
    }
}
