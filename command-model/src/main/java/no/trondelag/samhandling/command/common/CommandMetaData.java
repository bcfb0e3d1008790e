package no.trondelag.samhandling.command.common;

/**
 * Metadata keys a sender may put on a command besides provenance.
 */
public final class CommandMetaData {

    /** The version the sender expects the target aggregate to be at (HTTP {@code If-Match}). */
    public static final String EXPECTED_VERSION = "expectedVersion";
    /** A key under which a retried request returns its first outcome instead of running again. */
    public static final String IDEMPOTENCY_KEY = "idempotencyKey";
    /** A hash of what was sent under the idempotency key: its command, body and sender. */
    public static final String REQUEST_HASH = "requestHash";

    private CommandMetaData() {
    }
}
