package no.trondelag.samhandling.command.common;

import java.util.List;
import no.trondelag.samhandling.api.common.CommandRejection.FieldError;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Rejects a command whose {@link CommandShape} is wrong before any handler or aggregate sees it, whichever way the
 * command arrived: over HTTP, from the seed, or from another node.
 */
public class CommandShapeInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        List<FieldError> errors = CommandShape.check(unitOfWork.getMessage().getPayload());
        if (!errors.isEmpty()) {
            throw Rejections.invalid(errors);
        }
        return interceptorChain.proceed();
    }
}
