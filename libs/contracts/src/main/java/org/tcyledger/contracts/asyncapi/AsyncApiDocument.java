package org.tcyledger.contracts.asyncapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tcyledger.contracts.EventCatalog;
import org.tcyledger.contracts.Terms;
import org.tcyledger.contracts.TopicContract;
import org.tcyledger.contracts.Topics;
import org.tcyledger.contracts.wire.ChainHash;
import org.tcyledger.contracts.wire.EventEnvelope;

/**
 * The AsyncAPI 3 document of one topic, made from its {@link TopicContract}: the channel, one message per wire
 * type the topic carries (every event of its sealed interfaces, and the context's signed checkpoints), each with
 * the CloudEvents headers of Kafka's binary content mode and the JSON Schema of its {@code data}. What is written
 * to {@code src/main/resources/asyncapi/<topic>.yaml} and served by the topic's service at {@code /asyncapi.yaml}.
 */
public final class AsyncApiDocument {

    /** Where a topic's document is, on the classpath of anything that depends on the contracts. */
    public static String resource(String topic) {
        return "asyncapi/" + topic + ".yaml";
    }

    private static final String HEADERS = "CloudEventHeaders";
    private static final String HEX_HASH = "^[0-9a-f]{64}$";

    private AsyncApiDocument() {
    }

    /** The document as YAML. */
    public static String yaml(TopicContract topic, Descriptions descriptions) {
        ObjectMapper yaml = new ObjectMapper(YAMLFactory.builder()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .disable(YAMLGenerator.Feature.SPLIT_LINES)
                .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                .build());
        try {
            return yaml.writeValueAsString(of(topic, descriptions));
        } catch (JsonProcessingException cannotHappen) {
            throw new IllegalStateException(cannotHappen);
        }
    }

    /** The document as a tree of maps and lists. */
    public static Map<String, Object> of(TopicContract topic, Descriptions descriptions) {
        EventSchemas schemas = new EventSchemas(descriptions);
        EventCatalog catalog = topic.catalog();
        String channel = topic.topic();
        Map<String, Object> messages = new LinkedHashMap<>();
        Map<String, Object> channelMessages = new LinkedHashMap<>();
        List<Object> sent = new ArrayList<>();
        catalog.knownTypes().forEach((wireType, type) -> {
            String name = wireType.substring(("tcy." + topic.context() + ".").length());
            Class<?> family = topic.families().stream().filter(f -> f.isAssignableFrom(type)).findFirst().orElse(null);
            String description = descriptions.of(type);
            if (description == null && catalog.isHistoric(wireType)) {
                description = "A historic version, no longer written: records stored before its successor remain, "
                        + "and a reader takes them as the successor.";
            }
            messages.put(name, message(wireType, name, schemas.event(type, name, family), description));
            channelMessages.put(name, Map.of("$ref", "#/components/messages/" + name));
            sent.add(Map.of("$ref", "#/channels/" + channel + "/messages/" + name));
        });
        Map<String, Object> components = new LinkedHashMap<>();
        Map<String, Object> allSchemas = new LinkedHashMap<>();
        allSchemas.put(HEADERS, headers(topic));
        allSchemas.putAll(schemas.all());
        components.put("schemas", allSchemas);
        components.put("messages", messages);

        Map<String, Object> document = new LinkedHashMap<>();
        document.put("asyncapi", "3.1.0");
        document.put("info", info(topic));
        document.put("defaultContentType", EventEnvelope.DATA_CONTENT_TYPE);
        document.put("servers", Map.of("local", ordered(
                "host", "127.0.0.1:59092",
                "protocol", "kafka",
                "description", "The broker of the local stack (deploy/local/up); every other environment names its "
                        + "own.")));
        document.put("channels", Map.of(channel, ordered(
                "address", channel,
                "title", channel,
                "description", topic.summary() + " Each record is one event: its key is the event's stream (the "
                        + "CloudEvents subject), its headers the CloudEvents attributes, its value the event's data. "
                        + "Records are never deleted; a stream's records are in order of their ce_sequence.",
                "messages", channelMessages,
                "bindings", Map.of("kafka", ordered(
                        "topic", channel,
                        "topicConfiguration", ordered(
                                "cleanup.policy", List.of("delete"),
                                "retention.ms", -1,
                                "max.message.bytes", Topics.MAX_RECORD_BYTES),
                        "bindingVersion", "0.5.0")))));
        document.put("operations", Map.of("publish", ordered(
                "action", "send",
                "channel", Map.of("$ref", "#/channels/" + channel),
                "title", "The " + topic.context() + " service publishes every event it stores",
                "summary", "Every stored event is published at least once, each stream in its order. A consumer "
                        + "applies an event once by recording its ce_id (or ce_source, ce_subject and ce_sequence) "
                        + "in the same transaction as what the event changed.",
                "messages", sent)));
        document.put("components", components);
        return document;
    }

    private static Map<String, Object> info(TopicContract topic) {
        return ordered(
                "title", "T-CY Ledger: " + topic.topic(),
                "version", "1.0.0",
                "description", topic.summary() + "\n\nWritten by the " + topic.context() + " service (CloudEvents "
                        + "source " + topic.source() + "). Made from the event records of libs/contracts, so every "
                        + "event on the topic is here; a field may be added to an event (not required, read as null "
                        + "when absent), and a change that is not additive is a new version of the event, its "
                        + "earlier version still described while records of it remain.",
                "contact", ordered("name", "T-CY Ledger"),
                "license", ordered("name", Terms.LICENCE_NAME + " (" + Terms.LICENCE_IDENTIFIER + ")"));
    }

    private static Map<String, Object> message(String wireType, String name, Map<String, Object> payload,
                                               String description) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("name", wireType);
        message.put("title", name);
        message.put("summary", description == null ? wireType : description);
        message.put("contentType", EventEnvelope.DATA_CONTENT_TYPE);
        message.put("correlationId", ordered(
                "description", "The request that caused this event, carried to every event it caused",
                "location", "$message.header#/ce_correlationid"));
        message.put("headers", ordered(
                "type", "object",
                "allOf", List.of(
                        EventSchemas.ref(HEADERS),
                        ordered("type", "object", "properties", Map.of("ce_type", Map.of("const", wireType))))));
        message.put("payload", payload);
        message.put("bindings", Map.of("kafka", ordered(
                "key", ordered("type", "string", "description", "The event's stream: the CloudEvents subject"),
                "bindingVersion", "0.5.0")));
        return message;
    }

    private static Map<String, Object> headers(TopicContract topic) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("ce_specversion", text("CloudEvents version", "const", "1.0"));
        properties.put("ce_id", text("The event's identifier, unique in its source", "minLength", 1));
        properties.put("ce_source", text("The context that stored the event", "const", topic.source()));
        properties.put("ce_type", text("The event's wire type, tcy.<context>.<Event>.v<N>",
                "pattern", "^tcy\\.[a-z-]+\\.[A-Z][A-Za-z]+\\.v[1-9][0-9]*$"));
        properties.put("ce_subject", text("The event's stream (an aggregate's identifier; @checkpoints for the "
                + "signed checkpoints)", "minLength", 1));
        properties.put("ce_time", text("When it was stored, UTC, to the microsecond", "format", "date-time"));
        properties.put("content-type", text("The media type of the record's value", "const",
                EventEnvelope.DATA_CONTENT_TYPE));
        properties.put("ce_sequence", text("The event's place in its stream, from 0", "pattern", "^(0|[1-9][0-9]*)$"));
        properties.put("ce_prevhash", text("ce_hash of the stream's event before (" + ChainHash.GENESIS.length()
                + " zeros for the first)", "pattern", HEX_HASH));
        properties.put("ce_hash", text("SHA-256, in hex, over ce_prevhash and the event's type, subject, sequence, "
                + "time, actor and data (libs/contracts ChainHash): what an auditor recomputes", "pattern", HEX_HASH));
        properties.put("ce_actor", text("Who recorded it (the token's subject), when known", "minLength", 1));
        properties.put("ce_correlationid", text("The request it came from (X-Correlation-Id)", "minLength", 1));
        properties.put("ce_causationid", text("The command or event that caused it", "minLength", 1));
        properties.put("ce_traceparent", text("W3C trace context of the request",
                "pattern", "^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$"));
        return ordered(
                "type", "object",
                "description", "The CloudEvents 1.0 attributes in Kafka's binary content mode (ce_ headers) and this "
                        + "system's extensions: sequence, prevhash and hash chain each stream; actor, correlationid, "
                        + "causationid and traceparent say who and what caused it.",
                "additionalProperties", false,
                "required", List.of("ce_specversion", "ce_id", "ce_source", "ce_type", "ce_subject", "ce_time",
                        "content-type", "ce_sequence", "ce_prevhash", "ce_hash"),
                "properties", properties);
    }

    private static Map<String, Object> text(String description, String keyword, Object value) {
        return ordered("type", "string", "description", description, keyword, value);
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
