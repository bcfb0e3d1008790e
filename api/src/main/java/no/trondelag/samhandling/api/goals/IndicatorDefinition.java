package no.trondelag.samhandling.api.goals;

/**
 * What an indicator measures.
 *
 * @param id         a stable id, such as {@code goal4.population-coverage}
 * @param goal       the goal it measures, 1 to 5
 * @param definition how it is computed, as numerator / denominator
 */
public record IndicatorDefinition(String id, int goal, String definition) {
}
