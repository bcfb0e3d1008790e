package no.trondelag.samhandling.app.golden;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The golden files under {@code app/src/test/resources/golden}: compared byte for byte with what the ledger answers,
 * or, with {@code -Dgolden.update=true}, written from it (and files no request produces any more deleted).
 * Comparison goes on past a mismatch so that the failure lists every file that differs, and shows a line diff of
 * the first (JSON pretty-printed for the diff only; the comparison is of the bytes).
 */
final class GoldenFiles {

    /** The system property that turns comparison into regeneration. */
    static final String UPDATE = "golden.update";

    private static final int LISTED = 25;
    private static final ObjectMapper PRETTY = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));
    private static final int CONTEXT = 70;

    private final Path directory;
    private final boolean update;
    private final Set<String> written = new TreeSet<>();
    private final List<String> mismatches = new ArrayList<>();
    private String firstDiff;

    GoldenFiles() {
        this.directory = Path.of(System.getProperty("basedir", "."), "src", "test", "resources", "golden");
        this.update = Boolean.getBoolean(UPDATE);
    }

    boolean updating() {
        return update;
    }

    Path directory() {
        return directory;
    }

    /**
     * Compares a response with its golden file, or writes the file.
     *
     * @param name   the file's name relative to the golden directory
     * @param what   what produced it, for the failure message
     * @param actual the normalised content
     */
    void check(String name, String what, String actual) {
        if (!written.add(name)) {
            throw new IllegalStateException("Two requests write " + name);
        }
        Path file = directory.resolve(name);
        try {
            if (update) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, actual, StandardCharsets.UTF_8);
                return;
            }
            if (!Files.exists(file)) {
                mismatch(name, what, "no golden file " + file + " (regenerate with -D" + UPDATE + "=true)");
                return;
            }
            String expected = Files.readString(file, StandardCharsets.UTF_8);
            if (!expected.equals(actual)) {
                mismatch(name, what, diff(expected, actual));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Deletes, when regenerating, the golden files no request wrote; when comparing, reports them.
     */
    void finish() {
        List<String> stale = new ArrayList<>();
        if (Files.isDirectory(directory)) {
            try (Stream<Path> files = Files.walk(directory)) {
                files.filter(Files::isRegularFile)
                        .map(file -> directory.relativize(file).toString().replace('\\', '/'))
                        .filter(name -> !written.contains(name) && !name.equals("README.md"))
                        .sorted().forEach(stale::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        for (String name : stale) {
            if (update) {
                try {
                    Files.delete(directory.resolve(name));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            } else {
                mismatch(name, "no request", "the golden file " + name + " is produced by no request any more");
            }
        }
        if (!mismatches.isEmpty()) {
            StringBuilder message = new StringBuilder(mismatches.size() + " of " + written.size()
                    + " golden files differ from what the ledger answers now (a deliberate change is regenerated "
                    + "with -D" + UPDATE + "=true and justified in its commit):\n");
            mismatches.stream().limit(LISTED).forEach(line -> message.append("  ").append(line).append('\n'));
            if (mismatches.size() > LISTED) {
                message.append("  … and ").append(mismatches.size() - LISTED).append(" more\n");
            }
            message.append("\nFirst difference:\n").append(firstDiff);
            throw new AssertionError(message.toString());
        }
    }

    int files() {
        return written.size();
    }

    private void mismatch(String name, String what, String diff) {
        mismatches.add(name + "  (" + what + ")");
        if (firstDiff == null) {
            firstDiff = name + "  (" + what + ")\n" + diff;
        }
    }

    /** A line diff around the first and last differing lines, of pretty-printed JSON where both sides are JSON. */
    static String diff(String expected, String actual) {
        int at = 0;
        while (at < expected.length() && at < actual.length() && expected.charAt(at) == actual.charAt(at)) {
            at++;
        }
        String header = "first differing character at offset " + at + ":\n  golden: …" + excerpt(expected, at)
                + "…\n  actual: …" + excerpt(actual, at) + "…\n";
        String[] left = readable(expected).split("\r?\n", -1);
        String[] right = readable(actual).split("\r?\n", -1);
        int first = 0;
        while (first < left.length && first < right.length && left[first].equals(right[first])) {
            first++;
        }
        if (first == left.length && first == right.length) {
            return header + "(the two differ only in bytes the pretty-printed form does not show: whitespace or "
                    + "escapes)\n";
        }
        int lastLeft = left.length - 1;
        int lastRight = right.length - 1;
        while (lastLeft > first && lastRight > first && left[lastLeft].equals(right[lastRight])) {
            lastLeft--;
            lastRight--;
        }
        StringBuilder out = new StringBuilder(header);
        out.append("@@ line ").append(first + 1).append(" @@\n");
        for (int i = Math.max(0, first - 3); i < first; i++) {
            out.append("  ").append(left[i]).append('\n');
        }
        for (int i = first; i <= Math.min(lastLeft, first + 30); i++) {
            out.append("- ").append(left[i]).append('\n');
        }
        for (int i = first; i <= Math.min(lastRight, first + 30); i++) {
            out.append("+ ").append(right[i]).append('\n');
        }
        for (int i = lastLeft + 1; i < Math.min(left.length, lastLeft + 4); i++) {
            out.append("  ").append(left[i]).append('\n');
        }
        return out.toString();
    }

    private static String excerpt(String text, int at) {
        return text.substring(Math.max(0, at - CONTEXT), Math.min(text.length(), at + CONTEXT))
                .replace("\r", "\\r").replace("\n", "\\n");
    }

    private static String readable(String text) {
        String trimmed = text.strip();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            try {
                JsonNode json = PRETTY.readTree(trimmed);
                return PRETTY.writeValueAsString(json);
            } catch (IOException e) {
                return text;
            }
        }
        return text;
    }
}
