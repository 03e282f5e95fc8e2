package org.tcyledger.eventsourcing.web;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.function.Function;

/**
 * Query and path parameters of the record are read once, here, and a wrong one is a 400 that names the parameter
 * (not a 404 or a 500): a {@code LocalDate} by the rules of {@link Dates} (YYYY-MM-DD, 1900 to 2200), an
 * {@code Instant} (a UTC time such as {@code recordedAt}) and an enum constant of the contract (a treaty, a status).
 */
@Provider
public class ParamConverters implements ParamConverterProvider {

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = parameterName(annotations);
        if (rawType == LocalDate.class) {
            return (ParamConverter<T>) converter(name, LocalDate.class, value -> {
                try {
                    return Dates.parse(value);
                } catch (IllegalArgumentException e) {
                    throw new BadRequestException(name + " is " + e.getMessage() + ", not '" + value + "'");
                }
            });
        }
        if (rawType == Instant.class) {
            return (ParamConverter<T>) converter(name, Instant.class, value -> {
                try {
                    return Instant.parse(value);
                } catch (DateTimeParseException e) {
                    throw new BadRequestException(name + " is a UTC time like 2026-01-05T10:00:00Z, not '" + value + "'");
                }
            });
        }
        if (rawType.isEnum() && rawType.getPackageName().startsWith("org.tcyledger.")) {
            return (ParamConverter<T>) converter(name, (Class) rawType, value -> {
                try {
                    return Enum.valueOf((Class) rawType, value);
                } catch (IllegalArgumentException e) {
                    throw new BadRequestException(name + " must be one of "
                                                  + Arrays.toString(rawType.getEnumConstants()) + ", not '" + value + "'");
                }
            });
        }
        return null;
    }

    private static String parameterName(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation instanceof QueryParam query) {
                return query.value();
            } else if (annotation instanceof PathParam path) {
                return path.value();
            }
        }
        return "parameter";
    }

    private static <V> ParamConverter<V> converter(String name, Class<V> type, Function<String, V> parse) {
        return new ParamConverter<>() {
            @Override
            public V fromString(String value) {
                return value == null ? null : parse.apply(value);
            }

            @Override
            public String toString(V value) {
                return value == null ? null : value.toString();
            }
        };
    }
}
