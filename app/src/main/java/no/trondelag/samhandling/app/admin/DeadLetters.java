package no.trondelag.samhandling.app.admin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.stereotype.Component;

/**
 * The dead-letter queues of the streaming processors: events a projection failed to handle, kept in order per
 * sequence (aggregate) instead of stalling the projection or being skipped, until an operator retries them.
 */
@Component
public class DeadLetters {

    private final EventProcessingConfiguration eventProcessing;

    DeadLetters(EventProcessingConfiguration eventProcessing) {
        this.eventProcessing = eventProcessing;
    }

    /**
     * One dead letter.
     *
     * @param sequence       the sequence it belongs to (the aggregate of the event)
     * @param eventId        the event's identifier
     * @param eventType      the event's type
     * @param causeType      the failure's type
     * @param causeMessage   the failure's message
     * @param enqueuedAt     when it was dead-lettered
     * @param lastTouched    when it was last tried
     */
    public record Letter(String sequence, String eventId, String eventType, String causeType, String causeMessage,
                         Instant enqueuedAt, Instant lastTouched) {
    }

    /**
     * Every processing group's dead letters.
     *
     * @return the letters by processing group, for every group with a dead-letter queue
     */
    public Map<String, List<Letter>> all() {
        Map<String, List<Letter>> letters = new TreeMap<>();
        for (String group : eventProcessing.eventProcessors().keySet()) {
            queue(group).ifPresent(queue -> letters.put(group, letters(queue)));
        }
        return letters;
    }

    /**
     * Retries a processing group's dead letters, sequence by sequence, until none can be processed.
     *
     * @param group the processing group
     * @return how many sequences were processed, or empty when the group has no dead-letter queue
     */
    public Optional<Integer> retry(String group) {
        return eventProcessing.sequencedDeadLetterProcessor(group).map(DeadLetters::processAll);
    }

    private static int processAll(SequencedDeadLetterProcessor<EventMessage<?>> processor) {
        int processed = 0;
        while (processor.processAny()) {
            processed++;
        }
        return processed;
    }

    private Optional<SequencedDeadLetterQueue<EventMessage<?>>> queue(String group) {
        return eventProcessing.deadLetterQueue(group);
    }

    private static List<Letter> letters(SequencedDeadLetterQueue<EventMessage<?>> queue) {
        List<Letter> letters = new ArrayList<>();
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
            for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                EventMessage<?> message = letter.message();
                letters.add(new Letter(String.valueOf(sequenceOf(message)), message.getIdentifier(),
                        message.getPayloadType().getSimpleName(),
                        letter.cause().map(cause -> cause.type()).orElse(null),
                        letter.cause().map(cause -> cause.message()).orElse(null),
                        letter.enqueuedAt(), letter.lastTouched()));
            }
        }
        return letters;
    }

    private static Object sequenceOf(EventMessage<?> message) {
        return message instanceof org.axonframework.eventhandling.DomainEventMessage<?> event
                ? event.getAggregateIdentifier()
                : message.getIdentifier();
    }
}
