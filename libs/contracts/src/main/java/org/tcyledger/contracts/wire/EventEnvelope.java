package org.tcyledger.contracts.wire;

import io.cloudevents.CloudEvent;
import io.cloudevents.CloudEventExtensions;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * One stored event as every consumer sees it: the CloudEvents 1.0 attributes and our extensions, with the event's
 * data exactly as the producing service stored it. Sent in binary content mode (attributes as {@code ce_} headers).
 */
public record EventEnvelope(String id, String source, String type, String subject, long sequence, Instant time,
                            String actor, String correlationId, String causationId, String prevhash, String hash,
                            String traceparent, byte[] data) {

    public static final String DATA_CONTENT_TYPE = "application/json";

    public EventEnvelope {
        time = time.truncatedTo(ChronoUnit.MICROS);
    }

    public static String sourceOf(String service) {
        return "/tcy/" + service;
    }

    public CloudEvent toCloudEvent() {
        CloudEventBuilder builder = CloudEventBuilder.v1()
                .withId(id)
                .withSource(URI.create(source))
                .withType(type)
                .withSubject(subject)
                .withTime(OffsetDateTime.ofInstant(time, ZoneOffset.UTC))
                .withDataContentType(DATA_CONTENT_TYPE)
                .withExtension("sequence", Long.toString(sequence))
                .withExtension("prevhash", prevhash)
                .withExtension("hash", hash)
                .withData(data);
        optional(builder, "actor", actor);
        optional(builder, "correlationid", correlationId);
        optional(builder, "causationid", causationId);
        optional(builder, "traceparent", traceparent);
        return builder.build();
    }

    public static EventEnvelope fromCloudEvent(CloudEvent event) {
        return new EventEnvelope(
                event.getId(),
                event.getSource().toString(),
                event.getType(),
                event.getSubject(),
                Long.parseLong(text(event, "sequence")),
                event.getTime().toInstant(),
                text(event, "actor"),
                text(event, "correlationid"),
                text(event, "causationid"),
                text(event, "prevhash"),
                text(event, "hash"),
                text(event, "traceparent"),
                event.getData() == null ? new byte[0] : event.getData().toBytes());
    }

    /** Recomputes this event's hash from its content and its {@code prevhash}. */
    public boolean hashMatches() {
        return ChainHash.of(prevhash, type, subject, sequence, time, actor, data).equals(hash);
    }

    private static void optional(CloudEventBuilder builder, String name, String value) {
        if (value != null) {
            builder.withExtension(name, value);
        }
    }

    private static String text(CloudEventExtensions event, String name) {
        Object value = event.getExtension(name);
        return value == null ? null : value.toString();
    }
}
