package no.trondelag.samhandling.query.projection;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingToken;

/**
 * Where and when the ledger recorded an event: its position (global index) and its recording time, the transaction
 * time of every row written for it.
 *
 * @param position   the event's position in the ledger
 * @param recordedAt when the ledger recorded it
 */
public record Recorded(long position, Instant recordedAt) {

    /**
     * The position and recording time of an event a streaming processor hands a projection. With one segment per
     * projection the token handed with each event is that event's own.
     *
     * @param message the event
     * @param token   its tracking token
     * @return where and when it was recorded
     */
    public static Recorded of(EventMessage<?> message, TrackingToken token) {
        long position = token.position().orElseThrow(
                () -> new IllegalStateException("A streaming processor's token always has a position"));
        return new Recorded(position, message.getTimestamp());
    }

    /**
     * The recording time as the tables keep it, in microseconds since the epoch (the resolution both databases
     * store).
     *
     * @return the microseconds
     */
    public long recordedAtMicros() {
        return micros(recordedAt);
    }

    /**
     * An instant in microseconds since the epoch, as the tables keep recording times.
     *
     * @param instant the instant
     * @return the microseconds
     */
    public static long micros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }

    /**
     * An instant from microseconds since the epoch.
     *
     * @param micros the microseconds
     * @return the instant
     */
    public static Instant instant(long micros) {
        return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }
}
