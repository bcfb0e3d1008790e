package no.trondelag.samhandling.app.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A report as a table, for {@code text/csv}: a header row and data rows, every value written as text.
 *
 * @param header the column names
 * @param rows   the rows, each with one value per column
 */
public record CsvTable(List<String> header, List<List<Object>> rows) {

    /**
     * Starts a table with the given columns.
     *
     * @param columns the column names
     * @return an empty table
     */
    public static CsvTable of(String... columns) {
        return new CsvTable(List.of(columns), new ArrayList<>());
    }

    /**
     * Adds a row.
     *
     * @param values one value per column; {@code null} is written as an empty cell
     * @return this table
     */
    public CsvTable row(Object... values) {
        if (values.length != header.size()) {
            throw new IllegalArgumentException("Row has " + values.length + " values for " + header.size()
                    + " columns");
        }
        rows.add(java.util.Arrays.asList(values));
        return this;
    }
}
