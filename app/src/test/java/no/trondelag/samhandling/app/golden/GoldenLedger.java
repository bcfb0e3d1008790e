package no.trondelag.samhandling.app.golden;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sends the scenario's commands one at a time, each of which must be accepted, and keeps what the normaliser needs:
 * which command appended each event, and the named instants taken between commands to read at as {@code knownAt}.
 */
final class GoldenLedger {

    /** Time left on either side of a named instant, so that no recording instant comes near it. */
    private static final long MARK_GAP_MILLIS = 5;

    private final GoldenHttp http;
    private final Map<Long, Long> commandOfPosition = new TreeMap<>();
    private final Map<String, Instant> marks = new LinkedHashMap<>();
    private int commands;
    private int events;

    GoldenLedger(GoldenHttp http) {
        this.http = http;
    }

    /**
     * Sends a command as the secretariat and fails unless it is accepted.
     *
     * @param name the command's name
     * @param body the command as JSON
     * @return the positions of the events it appended
     */
    List<Long> send(String name, String body) {
        GoldenHttp.Response response = http.command(name, body);
        nextMillisecond();
        if (response.status() != 200) {
            throw new AssertionError("Command " + (commands + 1) + " of the scenario, " + name + " " + body
                    + ", was answered " + response.status() + ": " + response.body());
        }
        List<Long> positions = GoldenHttp.positions(response);
        if (positions.isEmpty()) {
            throw new AssertionError(name + " " + body + " appended no event: " + response.body());
        }
        for (Long position : positions) {
            commandOfPosition.put(position, positions.get(0));
        }
        commands++;
        events += positions.size();
        return positions;
    }

    /**
     * Takes a named instant between two commands, well after the last recorded event and well before the next.
     *
     * @param label the name the goldens show for it
     */
    void mark(String label) {
        pause();
        marks.put(label, Instant.now());
        pause();
    }

    Instant mark(String label, boolean required) {
        Instant instant = marks.get(label);
        if (instant == null && required) {
            throw new IllegalArgumentException("No instant named " + label);
        }
        return instant;
    }

    Map<String, Instant> marks() {
        return marks;
    }

    /** The first position of the command that appended the event at a position, or the position itself. */
    long commandOf(long position) {
        return commandOfPosition.getOrDefault(position, position);
    }

    int commands() {
        return commands;
    }

    int events() {
        return events;
    }

    /**
     * Waits for the clock to pass the millisecond in which the last command was answered. The event store keeps
     * recording instants to the millisecond, so this keeps every command's events in milliseconds of their own, and
     * a recording instant names one command in every run.
     */
    private static void nextMillisecond() {
        long answered = System.currentTimeMillis();
        while (System.currentTimeMillis() <= answered) {
            Thread.onSpinWait();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(MARK_GAP_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
