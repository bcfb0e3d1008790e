package no.trondelag.samhandling.query.integrity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import no.trondelag.samhandling.verifier.EventSource;
import no.trondelag.samhandling.verifier.StoredEvent;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

/**
 * The event store itself, read through Axon's API (its head token and its event stream), so on any event store:
 * each event with the fields the chain covers, in the serialized form the store holds. The stream must read events
 * as stored, without upcasting (an upcaster added later would otherwise change what old events hash to), and the
 * serializer must be the store's own event serializer, which then hands out the stored bytes unchanged; an event
 * store that keeps events as objects (Axon's in-memory engine) gives them serialized by that serializer.
 *
 * <p>A page ends at the store's head, taken when the page is asked for: an event stored later waits for the next
 * call. Tracking tokens of Axon's JDBC and JPA engines ({@link GapAwareTrackingToken}) and of Axon Server and the
 * in-memory engine ({@link GlobalSequenceTrackingToken}) are understood.
 */
public class AxonEventSource implements EventSource {

    /** How long a page waits, at most, for events below the head that the stream has not delivered yet. */
    static final Duration LONGEST_WAIT = Duration.ofSeconds(10);

    /** How long a lookup waits for an event that should be there. */
    static final Duration LOOKUP_WAIT = Duration.ofSeconds(1);

    private final StreamableMessageSource<TrackedEventMessage<?>> store;
    private final Serializer serializer;
    /** A token of the store's own kind, once one was read: which kind of token a stream starts at. */
    private volatile TrackingToken tokenKind;

    /**
     * Creates the source.
     *
     * @param store      the event store, reading events as stored (no upcasters)
     * @param serializer the store's event serializer
     */
    public AxonEventSource(StreamableMessageSource<TrackedEventMessage<?>> store, Serializer serializer) {
        this.store = store;
        this.serializer = serializer;
    }

    @Override
    public List<StoredEvent> after(long position, int limit) {
        TrackingToken head = store.createHeadToken();
        long headPosition = head == null ? -1 : head.position().orElse(-1);
        List<StoredEvent> page = new ArrayList<>();
        if (headPosition <= position || limit <= 0) {
            return page;
        }
        long deadline = System.nanoTime() + LONGEST_WAIT.toNanos();
        try (BlockingStream<TrackedEventMessage<?>> stream = store.openStream(tokenAfter(position, head))) {
            while (page.size() < limit) {
                if (!stream.hasNextAvailable(remainingMillis(deadline), TimeUnit.MILLISECONDS)) {
                    throw new IllegalStateException("The event store did not deliver its events up to position "
                            + headPosition + " within " + LONGEST_WAIT.toSeconds() + " s");
                }
                StoredEvent event = stored(stream.nextAvailable());
                page.add(event);
                if (event.position() >= headPosition) {
                    break;
                }
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading the event store", interrupted);
        }
        return page;
    }

    /**
     * The event at a position, read without asking for the store's head first: a proof reads the one event of a
     * leaf, which was stored when the tree took it. An event that is gone is waited for {@link #LOOKUP_WAIT} at most.
     */
    @Override
    public Optional<StoredEvent> at(long position) {
        TrackingToken kind = tokenKind;
        if (kind == null) {
            kind = store.createHeadToken();
            if (kind == null) {
                return Optional.empty();
            }
            tokenKind = kind;
        }
        try (BlockingStream<TrackedEventMessage<?>> stream = store.openStream(tokenAfter(position - 1, kind))) {
            if (!stream.hasNextAvailable((int) LOOKUP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                return Optional.empty();
            }
            StoredEvent event = stored(stream.nextAvailable());
            return event.position() == position ? Optional.of(event) : Optional.empty();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading the event store", interrupted);
        }
    }

    private StoredEvent stored(TrackedEventMessage<?> event) {
        long position = event.trackingToken().position().orElseThrow(() -> new IllegalStateException(
                "The event store gave event " + event.getIdentifier() + " a token without a position"));
        SerializedObject<byte[]> payload = event.serializePayload(serializer, byte[].class);
        SerializedObject<byte[]> metaData = event.serializeMetaData(serializer, byte[].class);
        String aggregate = event.getIdentifier();
        long sequence = 0;
        if (event instanceof DomainEventMessage<?> domainEvent) {
            aggregate = domainEvent.getAggregateIdentifier();
            sequence = domainEvent.getSequenceNumber();
        }
        return new StoredEvent(position, event.getIdentifier(), aggregate, sequence, payload.getType().getName(),
                payload.getType().getRevision(), payload.getData(), metaData.getData(),
                DateTimeUtils.formatInstant(event.getTimestamp()));
    }

    /** The token of a stream whose first event is the first stored after a position, of the store's own kind. */
    private static TrackingToken tokenAfter(long position, TrackingToken head) {
        if (position < 0) {
            return null;
        }
        if (head instanceof GapAwareTrackingToken) {
            return GapAwareTrackingToken.newInstance(position, List.of());
        }
        if (head instanceof GlobalSequenceTrackingToken) {
            return new GlobalSequenceTrackingToken(position);
        }
        throw new IllegalStateException("An event store with tracking tokens of type "
                + head.getClass().getName() + " is not supported by the ledger's integrity chain");
    }

    private static int remainingMillis(long deadline) {
        return (int) Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
    }
}
