package org.tcyledger.contracts;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On an event's current version: the historic versions it replaced, which the {@link EventCatalog} then knows under
 * their own wire types and reads as this one. A breaking change of an event is a new {@code vN} record, the old shape
 * kept as a {@link HistoricEvent}, and this one line.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Supersedes {
    Class<? extends HistoricEvent<?>>[] value();
}
