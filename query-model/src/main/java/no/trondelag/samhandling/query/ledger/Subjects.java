package no.trondelag.samhandling.query.ledger;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import no.trondelag.samhandling.api.common.LedgerEvent;

/**
 * Which participants an event concerns: every participant it names, in the fields {@code participantId},
 * {@code successorId} and {@code predecessorIds}, whatever the aggregate that recorded it. A participant's timeline
 * is the events that concern it.
 */
public final class Subjects {

    private static final Set<String> PARTICIPANT_FIELDS = Set.of("participantId", "successorId", "predecessorIds");
    private static final Map<Class<?>, Boolean> NAMING = new ConcurrentHashMap<>();

    private Subjects() {
    }

    /**
     * Whether events of a type can concern participants at all: whether it has any of the fields that name them.
     *
     * @param type the event's type
     * @return {@code true} when it may name participants
     */
    public static boolean mayNameParticipants(Class<?> type) {
        return NAMING.computeIfAbsent(type, t -> t.isRecord() && Arrays.stream(t.getRecordComponents())
                .anyMatch(component -> PARTICIPANT_FIELDS.contains(component.getName())));
    }

    /**
     * The participants an event concerns.
     *
     * @param event the event
     * @return their ids, sorted
     */
    public static Set<String> participantsOf(LedgerEvent event) {
        Set<String> participants = new TreeSet<>();
        for (RecordComponent component : event.getClass().getRecordComponents()) {
            if (PARTICIPANT_FIELDS.contains(component.getName())) {
                Object value = read(component, event);
                if (value instanceof String id) {
                    participants.add(id);
                } else if (value instanceof Collection<?> ids) {
                    ids.forEach(id -> participants.add((String) id));
                }
            }
        }
        return participants;
    }

    private static Object read(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Cannot read " + component, e);
        }
    }
}
