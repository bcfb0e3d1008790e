package no.trondelag.samhandling.api.common;

/**
 * Why a command sent with an expected version ({@code If-Match}) was not applied: the target aggregate is at
 * another version. It travels as the details of Axon's {@code CommandExecutionException}.
 *
 * @param aggregateId     the target aggregate
 * @param expectedVersion the version the sender expected
 * @param currentVersion  the aggregate's version now, {@code -1} when it does not exist
 */
public record VersionConflict(String aggregateId, long expectedVersion, long currentVersion) {
}
