package org.tcyledger.contracts;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A field added to an event after its first version, in the additive way (same wire type): events stored before it
 * lack it, and read with null or the record's default. The event's JSON Schema does not require it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface AddedLater {
}
