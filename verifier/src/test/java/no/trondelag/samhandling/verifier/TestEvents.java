package no.trondelag.samhandling.verifier;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Events as the ledger stores them, for the verifier's tests.
 */
final class TestEvents {

    private TestEvents() {
    }

    /**
     * An event that joins a municipality to the collaboration.
     *
     * @param position   its global index
     * @param recordedAt its timestamp
     * @return the event
     */
    static StoredEvent event(long position, Instant recordedAt) {
        return new StoredEvent(position, "event-" + position, "participant-" + (5000 + position), 0,
                "no.trondelag.samhandling.api.participation.CollaborationJoined", "1",
                ("{\"participantId\":\"" + (5000 + position) + "\",\"effectiveDate\":\"2018-06-14\"}")
                        .getBytes(StandardCharsets.UTF_8),
                ("{\"actor\":\"secretariat\",\"traceId\":\"trace-" + position + "\"}").getBytes(StandardCharsets.UTF_8),
                recordedAt.toString());
    }

    /**
     * Events at positions 1 to {@code count}, a second apart.
     *
     * @param count how many
     * @return the events
     */
    static List<StoredEvent> events(int count) {
        List<StoredEvent> events = new ArrayList<>(count);
        for (int position = 1; position <= count; position++) {
            events.add(event(position, Instant.parse("2024-01-08T08:00:00Z").plusSeconds(position)));
        }
        return events;
    }
}
