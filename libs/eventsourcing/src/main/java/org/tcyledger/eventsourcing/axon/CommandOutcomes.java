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
 * Turns a command handler's return value into a {@link CommandOutcome} that also names the last event the command
 * stored. Axon dispatches a unit of work's events when it prepares to commit, after the handler returned, so the
 * handler's answer is a {@link Pending} that the event dispatch completes before the gateway hands it back.
 */
public final class CommandOutcomes {

    private static final String PENDING = CommandOutcomes.class.getName() + ".pending";

    /** The answer of a command whose events are not dispatched yet. */
    public static final class Pending {
        private final Object result;
        private volatile DomainEventMessage<?> lastEvent;

        private Pending(Object result) {
            this.result = result;
        }

        /**
         * The answer names the aggregate that stored first: the command's own. A command handled in the same unit of
         * work after it (a guidance note adopted by a meeting's decision) stores its events after, unnamed.
         */
        private boolean ofSameAggregate(DomainEventMessage<?> event) {
            DomainEventMessage<?> last = lastEvent;
            return last == null || last.getAggregateIdentifier().equals(event.getAggregateIdentifier());
        }

        public CommandOutcome outcome() {
            DomainEventMessage<?> last = lastEvent;
            return last == null
                    ? new CommandOutcome(null, null, null, result)
                    : new CommandOutcome(last.getAggregateIdentifier(), last.getIdentifier(),
                            last.getSequenceNumber(), result);
        }
    }

    private CommandOutcomes() {
    }

    static MessageDispatchInterceptor<EventMessage<?>> recorder() {
        return new MessageDispatchInterceptor<>() {
            @Override
            public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
                if (CurrentUnitOfWork.isStarted()) {
                    Pending pending = CurrentUnitOfWork.get().root().getResource(PENDING);
                    if (pending != null) {
                        for (EventMessage<?> message : messages) {
                            if (message instanceof DomainEventMessage<?> event && pending.ofSameAggregate(event)) {
                                pending.lastEvent = event;
                            }
                        }
                    }
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
                Pending pending = new Pending(interceptorChain.proceed());
                unitOfWork.root().resources().put(PENDING, pending);
                return pending;
            }
        };
    }
}
