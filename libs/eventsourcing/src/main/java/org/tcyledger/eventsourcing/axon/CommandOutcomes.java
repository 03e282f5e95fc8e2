package org.tcyledger.eventsourcing.axon;

import java.util.List;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.tcyledger.eventsourcing.CommandOutcome;

/**
 * Remembers the last event a command applied (its id and sequence are known when it is applied) and turns the
 * handler's return value into a {@link CommandOutcome}, which the REST layer answers with.
 */
final class CommandOutcomes {

    private static final String LAST_EVENT = CommandOutcomes.class.getName() + ".lastEvent";

    private CommandOutcomes() {
    }

    static MessageDispatchInterceptor<EventMessage<?>> recorder() {
        return new MessageDispatchInterceptor<>() {
            @Override
            public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
                if (CurrentUnitOfWork.isStarted() && !messages.isEmpty()
                        && messages.get(messages.size() - 1) instanceof DomainEventMessage<?> last) {
                    CurrentUnitOfWork.get().root().resources().put(LAST_EVENT, last);
                }
                return (index, message) -> message;
            }
        };
    }

    static MessageHandlerInterceptor<CommandMessage<?>> outcome() {
        return new MessageHandlerInterceptor<>() {
            @Override
            public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork,
                                 InterceptorChain interceptorChain) throws Exception {
                Object result = interceptorChain.proceed();
                DomainEventMessage<?> last = unitOfWork.root().getResource(LAST_EVENT);
                return last == null
                        ? new CommandOutcome(null, null, null, result)
                        : new CommandOutcome(last.getAggregateIdentifier(), last.getIdentifier(),
                                last.getSequenceNumber(), result);
            }
        };
    }
}
