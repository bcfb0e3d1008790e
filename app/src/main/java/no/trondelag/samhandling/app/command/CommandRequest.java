package no.trondelag.samhandling.app.command;

/**
 * Who sends a command and under which conditions.
 *
 * @param actor           the authenticated principal, recorded on every event
 * @param correlationId   the request the command belongs to
 * @param expectedVersion the version the target must be at ({@code If-Match}), or {@code null}
 * @param idempotencyKey  the request's {@code Idempotency-Key}, or {@code null}
 * @param requestHash     a hash of the command, its body and its sender, checked against a reused key
 */
public record CommandRequest(String actor, String correlationId, Long expectedVersion, String idempotencyKey,
                             String requestHash) {

    /**
     * A request with no conditions.
     *
     * @param actor         the sender
     * @param correlationId the request it belongs to
     * @return the request
     */
    public static CommandRequest by(String actor, String correlationId) {
        return new CommandRequest(actor, correlationId, null, null, null);
    }
}
