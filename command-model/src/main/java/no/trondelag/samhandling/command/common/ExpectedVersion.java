package no.trondelag.samhandling.command.common;

import java.util.Optional;
import no.trondelag.samhandling.api.common.LedgerCommand;
import no.trondelag.samhandling.api.common.VersionConflict;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;

/**
 * Optimistic concurrency on request: a command carrying {@link CommandMetaData#EXPECTED_VERSION} applies only if its
 * target aggregate is at exactly that version. The interceptor answers a mismatch before any handler runs; the
 * target resolver hands the same version to Axon's repository, which catches a change that lands between the check
 * and the append.
 */
public final class ExpectedVersion {

    private ExpectedVersion() {
    }

    /**
     * The interceptor that compares the expected with the current version.
     *
     * @param eventStore the event store, which knows each aggregate's last sequence number
     * @return the handler interceptor
     */
    public static MessageHandlerInterceptor<CommandMessage<?>> interceptor(EventStore eventStore) {
        return (UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) -> {
            CommandMessage<?> command = unitOfWork.getMessage();
            Optional<Long> expected = expectedVersion(command);
            if (expected.isPresent() && command.getPayload() instanceof LedgerCommand ledgerCommand) {
                String aggregateId = ledgerCommand.targetAggregateId();
                long current = eventStore.lastSequenceNumberFor(aggregateId).orElse(-1L);
                if (current != expected.get()) {
                    throw new CommandExecutionException("Expected " + aggregateId + " at version " + expected.get()
                            + " but it is at " + current, null,
                            new VersionConflict(aggregateId, expected.get(), current), false);
                }
            }
            return chain.proceed();
        };
    }

    /**
     * The target resolver that passes the expected version to Axon's repositories.
     *
     * @return the command target resolver for every aggregate
     */
    public static CommandTargetResolver targetResolver() {
        CommandTargetResolver annotations = AnnotationCommandTargetResolver.builder().build();
        return command -> {
            VersionedAggregateIdentifier target = annotations.resolveTarget(command);
            return expectedVersion(command)
                    .map(version -> new VersionedAggregateIdentifier(target.getIdentifierValue(), version))
                    .orElse(target);
        };
    }

    private static Optional<Long> expectedVersion(CommandMessage<?> command) {
        Object value = command.getMetaData().get(CommandMetaData.EXPECTED_VERSION);
        return value instanceof Number number ? Optional.of(number.longValue()) : Optional.empty();
    }
}
