package no.trondelag.samhandling.app.config;

import no.trondelag.samhandling.command.common.Rejections;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandResultMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.messaging.MessageHandler;

/**
 * The command bus that handles commands on this node (Axon's {@code localSegment}, which a distributed bus, JGroups
 * or Axon Server, hands the commands routed here): Axon's {@link SimpleCommandBus}, except that Axon's own failures
 * of a command (an unknown aggregate, a stale expected version, a lost race, thrown while handling or at commit)
 * leave it as {@code CommandExecutionException}s with details ({@link Rejections#portable(Throwable)}). A remote
 * caller receives only those details, so its answer keeps its status (404, 412, 409) as a local one does.
 */
public class PortableRejectionsCommandBus extends SimpleCommandBus {

    /**
     * Creates the bus.
     *
     * @param builder Axon's builder of a {@link SimpleCommandBus}, with its settings
     */
    public PortableRejectionsCommandBus(Builder builder) {
        super(builder);
    }

    @Override
    protected <C, R> void handle(CommandMessage<C> command, MessageHandler<? super CommandMessage<?>> handler,
                                 CommandCallback<? super C, ? super R> callback) {
        super.handle(command, handler, (CommandCallback<C, R>) (message, result) ->
                callback.onResult(message, portable(result)));
    }

    private static <R> CommandResultMessage<? extends R> portable(CommandResultMessage<? extends R> result) {
        if (!result.isExceptional()) {
            return result;
        }
        return Rejections.portable(result.exceptionResult())
                .<CommandResultMessage<? extends R>>map(rejection ->
                        new GenericCommandResultMessage<R>(rejection, result.getMetaData()))
                .orElse(result);
    }
}
