package no.trondelag.samhandling.app.golden;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces what differs from run to run, and only that, with stable placeholders; every other byte of a response is
 * kept. In this order:
 * <ol>
 *     <li>an ISO instant ({@code 2026-12-02T20:30:03.123456Z}) that is one of the named instants the goldens read at
 *     becomes {@code <knownAt:NAME>}, such as {@code <knownAt:before-late>};</li>
 *     <li>an instant at which the ledger recorded an event (the event store's {@code timeStamp}, which Axon keeps to
 *     the millisecond) becomes {@code <recorded@P>}, where {@code P} is the position of the first event appended by
 *     the same command: every event of one command gets the same placeholder, whether or not their clock readings
 *     differed, and each command gets its own (the scenario sends each command in a millisecond of its own); the
 *     seed's events, sent in one burst at start, all become {@code <recorded@seed>};</li>
 *     <li>any other instant becomes {@code <instant-N>}, numbered in first-seen order within the response (none is
 *     expected; {@link #unexpected()} lists them);</li>
 *     <li>a UUID becomes {@code <uuid-N>}, numbered in first-seen order within the response (none is expected
 *     either);</li>
 *     <li>today's date in Europe/Oslo, which a report read without {@code asOf} shows as its {@code asOf}, becomes
 *     {@code <today>}, in ISO form and in the dashboard's Norwegian form ({@code 02.12.2026}), in which the
 *     dashboard also shows the date each event was recorded; the ledger has no effective date after 2025, so
 *     today's date appears nowhere else;</li>
 *     <li>what a decision's page says of the latest signed checkpoint (the text of its {@code data-checkpoint}
 *     element) becomes {@code <checkpoint>}: how many events that checkpoint covers depends on when the ledger last
 *     extended its tree in the background, not on the read side. {@code DashboardPagesIT} checks that text.</li>
 * </ol>
 * Positions, counts, amounts, dates, ordering and whitespace are never touched: the read side must reproduce them.
 */
final class GoldenNormaliser {

    private static final Pattern INSTANT =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:\\.\\d{1,9})?Z");
    private static final Pattern CHECKPOINT = Pattern.compile("(<p data-checkpoint[^>]*>)[^<]*(</p>)");
    private static final Pattern UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final Map<Instant, String> named = new LinkedHashMap<>();
    private final Map<Instant, String> recorded;
    private final String today;
    private final String todayInNorwegian;
    private final Set<String> unexpected = new TreeSet<>();

    /**
     * @param marks    the named instants
     * @param recorded each recording instant and the label of the command that recorded it
     * @param today    today's date where the ledger runs
     */
    GoldenNormaliser(Map<String, Instant> marks, Map<Instant, String> recorded, LocalDate today) {
        marks.forEach((label, instant) -> named.put(instant, "<knownAt:" + label + ">"));
        this.recorded = recorded;
        this.today = today.toString();
        this.todayInNorwegian = today.format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy"));
    }

    String normalise(String body) {
        Map<String, String> others = new LinkedHashMap<>();
        String text = replace(INSTANT, body, match -> {
            Instant instant;
            try {
                instant = Instant.parse(match);
            } catch (DateTimeParseException e) {
                return match;
            }
            String label = named.get(instant);
            if (label != null) {
                return label;
            }
            String command = recorded.get(instant);
            if (command == null) {
                command = recorded.get(instant.truncatedTo(ChronoUnit.MILLIS));
            }
            if (command != null) {
                return "<recorded@" + command + ">";
            }
            unexpected.add("instant " + match);
            return others.computeIfAbsent(match, key -> "<instant-" + (others.size() + 1) + ">");
        });
        Map<String, String> uuids = new LinkedHashMap<>();
        text = replace(UUID, text, match -> {
            unexpected.add("uuid " + match);
            return uuids.computeIfAbsent(match.toLowerCase(), key -> "<uuid-" + (uuids.size() + 1) + ">");
        });
        text = CHECKPOINT.matcher(text).replaceAll("$1<checkpoint>$2");
        return text.replace(today, "<today>").replace(todayInNorwegian, "<today>");
    }

    /** The values replaced by a placeholder of the last two kinds, across every response so far. */
    Set<String> unexpected() {
        return unexpected;
    }

    private static String replace(Pattern pattern, String text, java.util.function.UnaryOperator<String> by) {
        Matcher matcher = pattern.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(by.apply(matcher.group())));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
