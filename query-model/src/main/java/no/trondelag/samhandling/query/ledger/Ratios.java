package no.trondelag.samhandling.query.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Ratios as the reports show them: four decimals, rounded half up, and no value at all for an empty denominator.
 */
public final class Ratios {

    private Ratios() {
    }

    /**
     * Divides two numbers for a report.
     *
     * @param numerator   what was counted or summed
     * @param denominator what it is divided by
     * @return the ratio with four decimals, or {@code null} when the denominator is zero
     */
    public static BigDecimal of(BigDecimal numerator, BigDecimal denominator) {
        return denominator.signum() == 0 ? null : numerator.divide(denominator, 4, RoundingMode.HALF_UP);
    }

    /**
     * Divides two counts for a report.
     *
     * @param numerator   what was counted
     * @param denominator what it is divided by
     * @return the ratio with four decimals, or {@code null} when the denominator is zero
     */
    public static BigDecimal of(long numerator, long denominator) {
        return of(BigDecimal.valueOf(numerator), BigDecimal.valueOf(denominator));
    }
}
