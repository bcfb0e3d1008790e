package no.trondelag.samhandling.api.goals;

import java.math.BigDecimal;

/**
 * One indicator's value as a ratio.
 *
 * @param id          the indicator's id
 * @param numerator   what was counted or summed
 * @param denominator what it is divided by
 * @param value       numerator / denominator (4 decimals), or {@code null} when the denominator is zero
 */
public record IndicatorValue(String id, BigDecimal numerator, BigDecimal denominator, BigDecimal value) {
}
