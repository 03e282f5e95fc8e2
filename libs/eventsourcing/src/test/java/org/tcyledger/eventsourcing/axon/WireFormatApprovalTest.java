package org.tcyledger.eventsourcing.axon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.cloudevents.kafka.CloudEventSerializer;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.tcyledger.contracts.EventCatalog;
import org.tcyledger.contracts.WireType;
import org.tcyledger.contracts.membership.MembershipEvent;
import org.tcyledger.contracts.wire.ChainCheckpoint;
import org.tcyledger.contracts.wire.ChainHash;
import org.tcyledger.contracts.wire.EventEnvelope;
import org.tcyledger.contracts.wire.StreamHead;
import org.tcyledger.eventsourcing.consumer.EventDecoder;

/**
 * Pins the JSON of every event type on the wire: the {@code data} that the event store keeps, hashes and publishes,
 * written by the serializer the services use ({@link WireTypeSerializer}). Within a {@code v1} topic only additive
 * changes are allowed (architecture.md): a renamed, removed or retyped field, a date written another way or an enum
 * constant renamed breaks every consumer and every stored event, and fails here first.
 * <p>
 * Every event is found from the contract itself: each {@code @WireType} record of libs/contracts, which must be
 * listed by a sealed event interface (the {@link EventCatalog}), and the signed checkpoint of each context. A new
 * event type fails until its file is approved. Instances are built from deterministic samples per component type
 * ({@link #sample}), so that a new component shows up in the file without anyone writing a value for it.
 * <p>
 * Approve after a deliberate change: {@code mvn -pl libs/eventsourcing -am verify -Dtest=WireFormatApprovalTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dapprove=true}, look at the diff of {@code src/test/resources/approved/} and commit it. Objects compare as JSON
 * (the order of fields does not matter: the hash chain canonicalises it), everything else exactly.
 */
class WireFormatApprovalTest {

    private static final Path APPROVED = Path.of("src/test/resources/approved");
    private static final Path RECEIVED = Path.of("target/approval-received");
    private static final boolean APPROVE = Boolean.getBoolean("approve");
    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private static final LocalDate DATE = LocalDate.parse("2024-03-15");
    private static final Instant INSTANT = Instant.parse("2024-03-15T10:15:30.123456Z");

    /** Every sealed event interface of the contract. */
    private static Class<?>[] families() {
        return contractClasses().stream()
                .filter(type -> type.isInterface() && type.isSealed() && type.getEnclosingClass() == null)
                .toArray(Class<?>[]::new);
    }

    /** Every wire type and a representative event of it. */
    private static Map<String, Object> samples() {
        List<Class<?>> contractClasses = contractClasses();
        EventCatalog catalog = new EventCatalog(families());
        Map<String, Object> samples = new TreeMap<>();
        Set<String> contexts = new TreeSet<>();
        for (Class<?> type : contractClasses) {
            WireType wireType = type.getAnnotation(WireType.class);
            if (wireType == null) {
                continue;
            }
            assertEquals(wireType.value(), catalog.storedTypeOf(type).map(EventCatalog.StoredType::wireType)
                    .orElse(type + " is not listed by any sealed event interface"), type.getName());
            samples.put(wireType.value(), sample(type, type.getSimpleName()));
            contexts.add(wireType.value().split("\\.")[1]);
        }
        for (String context : contexts) {
            samples.put(ChainCheckpoint.wireType(context), checkpoint(context));
        }
        assertTrue(samples.size() > 40, "found the events of the contract: " + samples.keySet());
        return samples;
    }

    @TestFactory
    Stream<DynamicTest> everyWireTypeSerialisesAsApproved() {
        WireTypeSerializer serializer = WireTypeSerializer.create(new EventCatalog());
        return samples().entrySet().stream().map(sample -> DynamicTest.dynamicTest(sample.getKey(), () -> {
            byte[] data = serializer.serialize(sample.getValue(), byte[].class).getData();
            approve("approved", sample.getKey(), PRETTY.readTree(data));
        }));
    }

    @Test
    void noApprovedWireTypeHasGone() throws IOException {
        Set<String> current = samples().keySet();
        List<String> gone = new ArrayList<>();
        try (Stream<Path> files = Files.list(APPROVED)) {
            files.map(file -> file.getFileName().toString().replaceFirst("\\.json$", ""))
                    .filter(name -> !current.contains(name)).sorted().forEach(gone::add);
        }
        assertEquals(List.of(), gone, "approved wire types no event carries any more: consumers and stored events "
                                      + "still have them (a v1 type never goes away; a new version is a new type)");
    }

    @Test
    void samplesAreDeterministicAndTheSerializerIsTheServices() {
        WireTypeSerializer serializer = WireTypeSerializer.create(new EventCatalog());
        Object one = samples().values().iterator().next();
        Object two = samples().values().iterator().next();
        assertEquals(one, two);
        assertFalse(new String(serializer.serialize(one, byte[].class).getData(), StandardCharsets.UTF_8)
                .contains("@class"), "no Java type names on the wire");
    }

    /**
     * A historic wire type keeps its approved payload above (stored events and the topics carry it for ever) and reads
     * as its current version, as every reader gets it: wire type and data approved in {@code approved-upcast/}.
     */
    @TestFactory
    Stream<DynamicTest> everyHistoricPayloadReadsAsItsCurrentVersion() {
        Class<?>[] families = families();
        EventCatalog catalog = new EventCatalog(families);
        EventDecoder decoder = new EventDecoder(families);
        WireTypeSerializer serializer = WireTypeSerializer.create(catalog);
        List<String> historic = catalog.knownTypes().keySet().stream().filter(catalog::isHistoric).toList();
        assertFalse(historic.isEmpty(), "the contract keeps historic versions (InvitedToAccede.v1)");
        return historic.stream().map(type -> DynamicTest.dynamicTest(type, () -> {
            byte[] stored = Files.readAllBytes(APPROVED.resolve(type + ".json"));
            Object read = decoder.decode(stored(type, stored)).orElseThrow();
            EventCatalog.StoredType storedType = EventCatalog.StoredType.parse(type);
            Object loaded = EventStreamUtils.upcastAndDeserializeDomainEvents(
                    Stream.of(new GenericDomainEventEntry<>("Member", "EE", 1, "event-1", INSTANT, storedType.name(),
                            storedType.revision(), stored, "{}".getBytes(StandardCharsets.UTF_8))),
                    serializer, new EventUpcasterChain(new HistoricEventUpcaster(catalog))).next().getPayload();
            assertEquals(read, loaded, "an aggregate loads it as every other reader reads it");
            var received = PRETTY.createObjectNode().put("type", catalog.wireTypeOf(read.getClass()));
            received.set("data", PRETTY.readTree(serializer.serialize(read, byte[].class).getData()));
            approve("approved-upcast", type, received);
        }));
    }

    /** The approved v1 invitation, as stored and published before v2, reads as v2 with the day it lapses derived. */
    @Test
    void anInvitationStoredAsV1ReadsAsV2WithTheDayItLapses() throws IOException {
        byte[] v1 = Files.readAllBytes(APPROVED.resolve("tcy.membership.InvitedToAccede.v1.json"));
        assertFalse(new String(v1, StandardCharsets.UTF_8).contains("lapsesOn"));
        Object read = new EventDecoder(MembershipEvent.class).decode(stored("tcy.membership.InvitedToAccede.v1", v1))
                .orElseThrow();
        assertEquals(new MembershipEvent.InvitedToAccede("memberId-1", DATE, "reference-1", LocalDate.parse("2029-03-15")),
                read);
    }

    private static EventEnvelope stored(String type, byte[] data) {
        return new EventEnvelope("4b9e0c1e-5f0a-4c1b-9d7e-2f6b8a1c0d3e", "/tcy/membership", type, "EE", 1, INSTANT,
                "secretariat", null, null, ChainHash.GENESIS, "ab".repeat(32), null, data);
    }

    /**
     * The CloudEvents attributes and our extensions as Kafka headers (binary content mode), for one event: what a
     * consumer in any language reads besides the data. Approved like the data, in {@code approved-envelope/}.
     */
    @Test
    void theEnvelopeTravelsAsApprovedHeaders() throws IOException {
        EventEnvelope envelope = new EventEnvelope("4b9e0c1e-5f0a-4c1b-9d7e-2f6b8a1c0d3e", "/tcy/membership",
                "tcy.membership.TreatySigned.v1", "EE", 1, INSTANT, "secretariat", "corr-1", "cause-1",
                ChainHash.GENESIS, "ab".repeat(32), "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
                "{\"memberId\":\"EE\"}".getBytes(StandardCharsets.UTF_8));
        RecordHeaders headers = new RecordHeaders();
        try (CloudEventSerializer serializer = new CloudEventSerializer()) {
            serializer.configure(Map.of(CloudEventSerializer.ENCODING_CONFIG, "BINARY"), false);
            byte[] value = serializer.serialize("tcy.membership.v1", headers, envelope.toCloudEvent());
            assertEquals("{\"memberId\":\"EE\"}", new String(value, StandardCharsets.UTF_8), "the value is the data");
        }
        Map<String, String> byName = new TreeMap<>();
        headers.forEach(header -> byName.put(header.key(), new String(header.value(), StandardCharsets.UTF_8)));
        var received = PRETTY.createObjectNode();
        byName.forEach(received::put);
        approve("approved-envelope", "binary-headers", received);
    }

    private static void approve(String folder, String name, JsonNode received) throws IOException {
        Path directory = Path.of("src/test/resources").resolve(folder);
        Path approvedFile = directory.resolve(name + ".json");
        String receivedText = PRETTY.writeValueAsString(received) + "\n";
        if (APPROVE) {
            Files.createDirectories(directory);
            Files.writeString(approvedFile, receivedText);
            return;
        }
        if (!Files.exists(approvedFile) || !PRETTY.readTree(Files.readString(approvedFile)).equals(received)) {
            Files.createDirectories(RECEIVED);
            Files.writeString(RECEIVED.resolve(name + ".json"), receivedText);
            fail((Files.exists(approvedFile) ? "the JSON of " + name + " changed" : "no approved JSON for " + name)
                 + ". Received (also in " + RECEIVED.resolve(name + ".json") + "):\n" + receivedText
                 + "A v1 wire type only takes additive changes; if this one is meant, approve it: mvn -pl "
                 + "libs/eventsourcing -am verify -Dtest=WireFormatApprovalTest -Dsurefire.failIfNoSpecifiedTests=false "
                 + "-Dapprove=true, then review and commit " + approvedFile);
        }
    }

    /** A deterministic value for a record component, by its type; a type without a sample fails the test. */
    private static Object sample(Type type, String name) {
        Class<?> raw = type instanceof ParameterizedType parameterized ? (Class<?>) parameterized.getRawType()
                : (Class<?>) type;
        if (raw == String.class) {
            return name + "-1";
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return true;
        }
        if (raw == int.class || raw == Integer.class) {
            return 7;
        }
        if (raw == long.class || raw == Long.class) {
            return 42L;
        }
        if (raw == LocalDate.class) {
            return DATE;
        }
        if (raw == Instant.class) {
            return INSTANT;
        }
        if (raw.isEnum()) {
            return raw.getEnumConstants()[0];
        }
        if (raw == List.class) {
            return List.of(sample(((ParameterizedType) type).getActualTypeArguments()[0], name));
        }
        if (raw == Map.class) {
            Type[] arguments = ((ParameterizedType) type).getActualTypeArguments();
            return Map.of(sample(arguments[0], name + "Key"), sample(arguments[1], name));
        }
        if (raw.isRecord()) {
            RecordComponent[] components = raw.getRecordComponents();
            Object[] values = Arrays.stream(components)
                    .map(component -> sample(component.getGenericType(), component.getName())).toArray();
            try {
                Constructor<?> canonical = raw.getDeclaredConstructor(
                        Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
                canonical.setAccessible(true);
                return canonical.newInstance(values);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot make a sample " + raw.getName(), e);
            }
        }
        throw new IllegalStateException("no sample value for " + type + " (" + name + "): add one to sample()");
    }

    /** The signed checkpoint as CheckpointWriter makes it: realistic hashes and a detached JWS. */
    private static ChainCheckpoint checkpoint(String context) {
        String hash = ChainHash.of(ChainHash.GENESIS, "tcy." + context + ".Sample.v1", "EE", 4, INSTANT, "secretariat",
                "{}".getBytes(StandardCharsets.UTF_8));
        return new ChainCheckpoint("/tcy/" + context, 1000, hash, ChainHash.GENESIS, ChainHash.rfc3339Micros(INSTANT),
                List.of(new StreamHead("EE", 4, hash)), "eyJhbGciOiJFZERTQSIsImI2NCI6ZmFsc2UsImNyaXQiOlsiYjY0Il19..c2ln");
    }

    /** Every class of libs/contracts, read from where EventCatalog was loaded (its classes folder or its jar). */
    private static List<Class<?>> contractClasses() {
        try {
            Path location = Path.of(EventCatalog.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(location)) {
                return classesUnder(location);
            }
            try (FileSystem jar = FileSystems.newFileSystem(location)) {
                return classesUnder(jar.getPath("/"));
            }
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Class<?>> classesUnder(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root.resolve("org/tcyledger/contracts"))) {
            return files.map(file -> root.relativize(file).toString())
                    .filter(name -> name.endsWith(".class") && !name.equals("module-info.class"))
                    .sorted()
                    .<Class<?>>map(name -> {
                        String className = name.substring(0, name.length() - ".class".length()).replace('/', '.');
                        try {
                            return Class.forName(className, false, EventCatalog.class.getClassLoader());
                        } catch (ClassNotFoundException e) {
                            throw new IllegalStateException(e);
                        }
                    })
                    .toList();
        }
    }
}
