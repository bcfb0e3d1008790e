package no.trondelag.samhandling.command.common;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The Trøndelag reference data copied into the test resources ({@code reference-data/}): the regions and
 * municipalities of 2018 and the boundary changes up to 2020.
 */
public final class TrondelagReferenceData {

    private static final String FOLDER = "/reference-data/";

    private final List<Region> regions;
    private final List<Municipality> municipalities;
    private final List<Change> changes;

    private TrondelagReferenceData(List<Region> regions, List<Municipality> municipalities, List<Change> changes) {
        this.regions = regions;
        this.municipalities = municipalities;
        this.changes = changes;
    }

    public static TrondelagReferenceData load() {
        List<Region> regions = rows("trondelag-regions-2018.csv").stream()
                .map(row -> new Region(row.get(0), row.get(1)))
                .toList();
        List<Municipality> municipalities = rows("trondelag-municipalities-2018.csv").stream()
                .map(row -> new Municipality(row.get(0), row.get(1), row.get(2), Integer.parseInt(row.get(5)),
                        numbers(row.get(6))))
                .toList();
        List<Change> changes = rows("trondelag-municipality-changes.csv").stream()
                .map(row -> new Change(LocalDate.parse(row.get(0)), row.get(1), numbers(row.get(2)),
                        numbers(row.get(3)), row.get(4)))
                .toList();
        return new TrondelagReferenceData(regions, municipalities, changes);
    }

    public List<Region> regions() {
        return regions;
    }

    public List<Municipality> municipalities() {
        return municipalities;
    }

    public List<Change> changes() {
        return changes;
    }

    public Municipality municipality(String number) {
        return municipalities.stream()
                .filter(municipality -> municipality.number().equals(number))
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException("No municipality " + number + " in the 2018 data"));
    }

    /**
     * The merge that gave a successor its number.
     *
     * @param successorNumber the successor's municipality number
     * @return the change row of type MERGED with that successor
     */
    public Change mergeInto(String successorNumber) {
        return changes.stream()
                .filter(change -> change.change().equals("MERGED") && change.to().equals(List.of(successorNumber)))
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException("No merge into " + successorNumber));
    }

    /** A regional collaboration arena. */
    public record Region(String id, String name) {
    }

    /** A municipality on 1 January 2018 and its successor number(s) after the 2020 reform. */
    public record Municipality(String number, String name, String primaryRegion, int population2018,
                               List<String> successors2020) {
    }

    /** One boundary change: MERGED, MOVED_IN or SPLIT. */
    public record Change(LocalDate effectiveDate, String change, List<String> from, List<String> to, String toName) {
    }

    private static List<String> numbers(String field) {
        return field.isEmpty() ? List.of() : Arrays.asList(field.split(";"));
    }

    private static List<List<String>> rows(String file) {
        try (InputStream in = TrondelagReferenceData.class.getResourceAsStream(FOLDER + file)) {
            if (in == null) {
                throw new IllegalStateException("Missing test resource " + FOLDER + file);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return reader.lines().skip(1).filter(line -> !line.isBlank()).map(TrondelagReferenceData::fields)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Splits one CSV line; fields may be quoted to hold commas. */
    private static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (char c : line.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
