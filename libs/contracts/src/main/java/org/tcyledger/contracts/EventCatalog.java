package org.tcyledger.contracts;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Wire names of the events of one or more contexts, read from the sealed interfaces that list them, so that an
 * event added to a context is known everywhere without a second list to keep in step.
 */
public final class EventCatalog {

    private static final Pattern WIRE_NAME = Pattern.compile("^tcy\\.[a-z-]+\\.[A-Z][A-Za-z]+\\.v[1-9][0-9]*$");

    /** A wire type split as the event store keeps it: the name, and the version as the payload revision. */
    public record StoredType(String name, String revision) {
        public String wireType() {
            return name + ".v" + revision;
        }

        public static StoredType parse(String wireType) {
            int at = wireType.lastIndexOf(".v");
            return new StoredType(wireType.substring(0, at), wireType.substring(at + 2));
        }
    }

    private final Map<Class<?>, StoredType> typeByClass = new HashMap<>();
    private final Map<String, Class<?>> classByWireType = new HashMap<>();

    public EventCatalog(Class<?>... sealedEventInterfaces) {
        for (Class<?> family : sealedEventInterfaces) {
            if (!family.isSealed()) {
                throw new IllegalArgumentException(family + " must be a sealed interface of event records");
            }
            Arrays.stream(family.getPermittedSubclasses()).forEach(this::register);
        }
    }

    private void register(Class<?> eventClass) {
        if (eventClass.isInterface() && eventClass.isSealed()) {
            Arrays.stream(eventClass.getPermittedSubclasses()).forEach(this::register);
            return;
        }
        registerEvent(eventClass);
    }

    private void registerEvent(Class<?> eventClass) {
        WireType annotation = eventClass.getAnnotation(WireType.class);
        if (annotation == null || !WIRE_NAME.matcher(annotation.value()).matches()) {
            throw new IllegalStateException(eventClass + " needs @WireType(\"tcy.<context>.<Event>.v<N>\")");
        }
        if (classByWireType.putIfAbsent(annotation.value(), eventClass) != null) {
            throw new IllegalStateException("two events claim the wire type " + annotation.value());
        }
        typeByClass.put(eventClass, StoredType.parse(annotation.value()));
    }

    /**
     * Also knows the signed checkpoints of {@code context}'s event store ({@code tcy.<context>.ChainCheckpoint.v1}),
     * which every write service stores besides its own events. One context per catalog.
     */
    public EventCatalog includeCheckpointsOf(String context) {
        String wireType = org.tcyledger.contracts.wire.ChainCheckpoint.wireType(context);
        if (!WIRE_NAME.matcher(wireType).matches()) {
            throw new IllegalArgumentException("not a context name: " + context);
        }
        StoredType known = typeByClass.get(org.tcyledger.contracts.wire.ChainCheckpoint.class);
        if (known != null && !known.wireType().equals(wireType)) {
            throw new IllegalStateException("this catalog stores the checkpoints of " + known.wireType() + " already");
        }
        classByWireType.put(wireType, org.tcyledger.contracts.wire.ChainCheckpoint.class);
        typeByClass.put(org.tcyledger.contracts.wire.ChainCheckpoint.class, StoredType.parse(wireType));
        return this;
    }

    /** Every wire type this catalog reads, with the class it reads it as, by wire type. */
    public java.util.SortedMap<String, Class<?>> knownTypes() {
        return java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(classByWireType));
    }

    public Optional<StoredType> storedTypeOf(Class<?> eventClass) {
        return Optional.ofNullable(typeByClass.get(eventClass));
    }

    public Optional<Class<?>> classOf(String wireType) {
        return Optional.ofNullable(classByWireType.get(wireType));
    }

    public String wireTypeOf(Class<?> eventClass) {
        return storedTypeOf(eventClass)
                .orElseThrow(() -> new IllegalArgumentException(eventClass + " is not an event of this catalog"))
                .wireType();
    }
}
