package org.tcyledger.eventsourcing.web;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.LocalDate;

/**
 * A {@code LocalDate} query or path parameter is read once, by the rules of {@link Dates} (YYYY-MM-DD, 1900 to 2200):
 * anything else is a 400 that names the parameter, not a 404 or a 500.
 */
@Provider
public class DateParams implements ParamConverterProvider {

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (rawType != LocalDate.class) {
            return null;
        }
        String name = "date";
        for (Annotation annotation : annotations) {
            if (annotation instanceof QueryParam query) {
                name = query.value();
            } else if (annotation instanceof PathParam path) {
                name = path.value();
            }
        }
        String parameter = name;
        return (ParamConverter<T>) new ParamConverter<LocalDate>() {
            @Override
            public LocalDate fromString(String value) {
                if (value == null) {
                    return null;
                }
                try {
                    return Dates.parse(value);
                } catch (IllegalArgumentException e) {
                    throw new jakarta.ws.rs.BadRequestException(parameter + " is " + e.getMessage() + ", not '"
                                                                + value + "'");
                }
            }

            @Override
            public String toString(LocalDate value) {
                return value == null ? null : value.toString();
            }
        };
    }
}
