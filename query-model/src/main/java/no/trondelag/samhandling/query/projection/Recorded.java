package no.trondelag.samhandling.query.projection;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Where and when the ledger recorded an event: its position (global index) and its recording time, the transaction
 * time of every row written for it.
 *
 * @param position   the event's position in the ledger
 * @param recordedAt when the ledger recorded it
 */
public record Recorded(long position, Instant recordedAt) {

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
