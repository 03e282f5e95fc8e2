package org.tcyledger.eventsourcing.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * A date in a request is a calendar date of the record, written {@code 2014-12-02}, between the years 1900 and 2200:
 * the treaties' rules add months and years to it, which near {@link LocalDate#MAX} overflow (a 500, not a 400).
 */
@Singleton
public class Dates implements ObjectMapperCustomizer {

    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(2200, 12, 31);
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    /** After Quarkus's own modules (JavaTimeModule): the module registered last wins for a type. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("tcy-dates").addDeserializer(LocalDate.class, new RecordDate()));
    }

    /** The date of {@code text}, or the reason it is not one, as a 400 names it. */
    public static LocalDate parse(String text) {
        if (text == null || !ISO_DATE.matcher(text).matches()) {
            throw new IllegalArgumentException("a date like 2014-12-02");
        }
        LocalDate date;
        try {
            date = LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a date of the calendar: " + text);
        }
        if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
            throw new IllegalArgumentException("a date between " + EARLIEST + " and " + LATEST);
        }
        return date;
    }

    private static final class RecordDate extends StdScalarDeserializer<LocalDate> {
        RecordDate() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                return (LocalDate) context.handleUnexpectedToken(LocalDate.class, parser);
            }
            try {
                return parse(parser.getText());
            } catch (IllegalArgumentException e) {
                throw com.fasterxml.jackson.databind.exc.InvalidFormatException.from(parser, e.getMessage(),
                        parser.getText(), LocalDate.class);
            }
        }
    }
}
