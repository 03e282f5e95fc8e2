package org.tcyledger.contracts;

import java.lang.reflect.ParameterizedType;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Wire names of the events of one or more contexts, read from the sealed interfaces that list them, so that an
 * event added to a context is known everywhere without a second list to keep in step. It also knows the historic
 * versions each current event {@link Supersedes}: stored events and topics keep them, and every reader gets them as the
 * current version through {@link #current}.
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
    private final Set<Class<?>> historic = new HashSet<>();

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
        Supersedes older = eventClass.getAnnotation(Supersedes.class);
        if (older != null) {
            Arrays.stream(older.value()).forEach(historicClass -> registerHistoric(historicClass, eventClass));
        }
    }

    /** A historic version, read as {@code next}: same event name, an earlier version, its upcast typed to {@code next}. */
    private void registerHistoric(Class<?> historicClass, Class<?> next) {
        boolean upcastsToNext = Arrays.stream(historicClass.getGenericInterfaces())
                .anyMatch(type -> type instanceof ParameterizedType parameterized
                                  && parameterized.getRawType() == HistoricEvent.class
                                  && parameterized.getActualTypeArguments()[0] == next);
        if (!historicClass.isRecord() || !upcastsToNext) {
            throw new IllegalStateException(historicClass + " must be a record implementing HistoricEvent<"
                                            + next.getSimpleName() + ">");
        }
        registerEvent(historicClass);
        StoredType old = typeByClass.get(historicClass);
        StoredType replacing = typeByClass.get(next);
        if (!old.name().equals(replacing.name())
            || Integer.parseInt(old.revision()) >= Integer.parseInt(replacing.revision())) {
            throw new IllegalStateException(old.wireType() + " cannot be an earlier version of " + replacing.wireType());
        }
        historic.add(historicClass);
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

    public Optional<StoredType> storedTypeOf(Class<?> eventClass) {
        return Optional.ofNullable(typeByClass.get(eventClass));
    }

    public Optional<Class<?>> classOf(String wireType) {
        return Optional.ofNullable(classByWireType.get(wireType));
    }

    /** Whether {@code wireType} is a historic version: read as the current one, never written again. */
    public boolean isHistoric(String wireType) {
        return classOf(wireType).map(historic::contains).orElse(false);
    }

    /**
     * The event as its current version: a historic one upcast step by step ({@code v1 -> v2 -> ...}), any other
     * returned as it is. Every reader of stored events and of the topics goes through here, and only here.
     */
    public Object current(Object event) {
        Object read = event;
        while (read instanceof HistoricEvent<?> older && historic.contains(read.getClass())) {
            read = older.upcast();
        }
        return read;
    }

    /**
     * Every wire type this catalog reads, current and historic, with its record (by wire type): what the topics and
     * the stores may carry, for documents that describe them.
     */
    public Map<String, Class<?>> knownTypes() {
        return Collections.unmodifiableMap(new TreeMap<>(classByWireType));
    }

    public String wireTypeOf(Class<?> eventClass) {
        return storedTypeOf(eventClass)
                .orElseThrow(() -> new IllegalArgumentException(eventClass + " is not an event of this catalog"))
                .wireType();
    }
}
