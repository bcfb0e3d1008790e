package no.trondelag.samhandling.command.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import no.trondelag.samhandling.api.common.CommandOutcome.AppendedEvent;
import no.trondelag.samhandling.api.common.LedgerCommand;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Records which events a command appended, so that its caller learns them from the command's result. One half
 * intercepts command handling and returns {@link AppendedEvents}; the other intercepts events on their way to the
 * event store and adds each to the result of the command whose unit of work publishes it.
 */
public final class OutcomeRecorder {

    private static final String RESOURCE = OutcomeRecorder.class.getName() + ".appended";

    private OutcomeRecorder() {
    }

    /**
     * The interceptor for the command bus.
     *
     * @return a handler interceptor returning {@link AppendedEvents} for every command
     */
    public static MessageHandlerInterceptor<CommandMessage<?>> commandInterceptor() {
        return OutcomeRecorder::recordCommand;
    }

    /**
     * The interceptor for the event bus (the event store).
     *
     * @return a dispatch interceptor noting each published domain event in its command's result
     */
    public static MessageDispatchInterceptor<EventMessage<?>> eventInterceptor() {
        return OutcomeRecorder::recordEvents;
    }

    private static Object recordCommand(UnitOfWork<? extends CommandMessage<?>> unitOfWork,
                                        InterceptorChain chain) throws Exception {
        List<AppendedEvent> appended = new ArrayList<>();
        unitOfWork.root().resources().put(RESOURCE, appended);
        chain.proceed();
        LedgerCommand command = (LedgerCommand) unitOfWork.getMessage().getPayload();
        return new AppendedEvents(command.targetAggregateId(), appended, Map.of());
    }

    private static BiFunction<Integer, EventMessage<?>, EventMessage<?>> recordEvents(
            List<? extends EventMessage<?>> messages) {
        if (CurrentUnitOfWork.isStarted()) {
            List<AppendedEvent> appended = CurrentUnitOfWork.get().root().getResource(RESOURCE);
            if (appended != null) {
                for (EventMessage<?> message : messages) {
                    if (message instanceof DomainEventMessage<?> event) {
                        appended.add(new AppendedEvent(event.getIdentifier(), event.getAggregateIdentifier(),
                                event.getSequenceNumber(), event.getPayloadType().getSimpleName()));
                    }
                }
            }
        }
        return (index, message) -> message;
    }
}
