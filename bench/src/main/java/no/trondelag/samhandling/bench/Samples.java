package no.trondelag.samhandling.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The values one figure took over the rounds of a run, with its median and spread (minimum and maximum).
 *
 * @param values the value of each round, in the order they were measured
 */
public record Samples(List<Double> values) {

    /**
     * The samples, kept in measuring order.
     *
     * @param values the value of each round
     */
    public Samples {
        values = List.copyOf(values);
    }

    /**
     * The median over the rounds.
     *
     * @return the median, NaN without rounds
     */
    public double median() {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    /**
     * The smallest value.
     *
     * @return the minimum, NaN without rounds
     */
    public double min() {
        return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    /**
     * The largest value.
     *
     * @return the maximum, NaN without rounds
     */
    public double max() {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    /**
     * The median with its spread, for the table.
     *
     * @return e.g. {@code 1 234 (1 100–1 300)}
     */
    public String describe() {
        return format(median()) + " (" + format(min()) + "–" + format(max()) + ")";
    }

    /**
     * A figure as the table shows it: whole numbers from 100 up, two decimals below.
     *
     * @param value the figure
     * @return its text
     */
    public static String format(double value) {
        if (Double.isNaN(value)) {
            return "–";
        }
        return Math.abs(value) >= 100 ? String.format(Locale.ROOT, "%,.0f", value)
                : String.format(Locale.ROOT, "%.2f", value);
    }
}
