package org.tcyledger.contracts;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The stable name of an event on the wire and in the event store, {@code tcy.<context>.<Event>.v<N>}.
 * It never changes when the Java class is renamed or moved; a new version of an event is a new name.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface WireType {
    String value();
}
