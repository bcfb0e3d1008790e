package no.trondelag.samhandling.app.engine;

import java.util.Objects;
import java.util.UUID;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.distributed.ReplyMessage;
import org.axonframework.common.Registration;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandler;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryMessage;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Commands and queries as a remote bus carries them, in one process: every command's result, and every failure,
 * crosses Axon's serialized reply (the {@link ReplyMessage} of its distributed command bus), so only what a
 * {@code CommandExecutionException}'s details carry survives; every query result is serialized and deserialized by
 * the message serializer, as Axon Server does between nodes, and must come back equal.
 *
 * <p>Deliberately not a {@code @Configuration}: the application scans its packages, test classes included, and
 * would then put these buses into every test's context. {@link SecondEngineCustomizerFactory} registers it, and
 * Spring processes its {@code @Bean} methods as a configuration in lite mode.
 */
public class RemoteLikeBuses {

    @Bean
    @Primary
    CommandBus remoteLikeCommandBus(@Qualifier("localSegment") SimpleCommandBus localSegment,
                                    @Qualifier("messageSerializer") Serializer serializer) {
        return new SerializingCommandBus(localSegment, serializer);
    }

    @Bean
    SmartInitializingSingleton queryResultsSerialized(QueryBus queryBus,
                                                      @Qualifier("messageSerializer") Serializer serializer) {
        return () -> queryBus.registerHandlerInterceptor(roundTrip(serializer));
    }

    private static MessageHandlerInterceptor<QueryMessage<?, ?>> roundTrip(Serializer serializer) {
        return (unitOfWork, chain) -> {
            Object result = chain.proceed();
            if (result == null) {
                return null;
            }
            SerializedObject<byte[]> wire = serializer.serialize(result, byte[].class);
            Object received = serializer.deserialize(wire);
            if (!Objects.equals(result, received)) {
                throw new IllegalStateException("The result of " + unitOfWork.getMessage().getQueryName()
                        + " does not survive serialization: sent " + result + ", received " + received);
            }
            return received;
        };
    }

    /** The local segment behind a serialized reply, as a distributed command bus puts it. */
    record SerializingCommandBus(SimpleCommandBus local, Serializer serializer) implements CommandBus {

        @Override
        public <C> void dispatch(CommandMessage<C> command) {
            local.dispatch(command);
        }

        @Override
        public <C, R> void dispatch(CommandMessage<C> command, CommandCallback<? super C, ? super R> callback) {
            local.dispatch(command, (CommandCallback<C, R>) (message, result) -> callback.onResult(message,
                    overTheWire(result)));
        }

        @SuppressWarnings("unchecked")
        private <R> CommandResultMessage<R> overTheWire(CommandResultMessage<? extends R> result) {
            return (CommandResultMessage<R>) new ReplyMessage(UUID.randomUUID().toString(), result, serializer) { }
                    .getCommandResultMessage(serializer);
        }

        @Override
        public Registration subscribe(String commandName, MessageHandler<? super CommandMessage<?>> handler) {
            return local.subscribe(commandName, handler);
        }

        @Override
        public Registration registerHandlerInterceptor(
                MessageHandlerInterceptor<? super CommandMessage<?>> handlerInterceptor) {
            return local.registerHandlerInterceptor(handlerInterceptor);
        }

        @Override
        public Registration registerDispatchInterceptor(
                MessageDispatchInterceptor<? super CommandMessage<?>> dispatchInterceptor) {
            return local.registerDispatchInterceptor(dispatchInterceptor);
        }
    }
}
