package org.tcyledger.eventsourcing.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The limits on input of every service (domain.md "Limits on input"), checked before a request reaches an endpoint,
 * so that nothing a consumer cannot apply is ever stored: a body of at most 1 MiB (413), no string longer than a free
 * text (200,000 characters) nor any list longer than 1,000 items, no control character other than tab, line feed and
 * carriage return and no unpaired surrogate in any string, key, path or query parameter, and the two request headers
 * in their format (400 naming every bad field). Each endpoint's own, tighter limits are its request records'
 * constraints; unknown fields are refused by Jackson ({@code fail-on-unknown-properties}).
 */
public class InputLimits {

    public static final int MAX_BODY_BYTES = 1024 * 1024;
    public static final int MAX_TEXT = 200_000;
    public static final int MAX_ITEMS = 1_000;
    /** Path segments are ids and symbols; query parameters filters, dates and cursors. */
    public static final int MAX_PARAMETER = 200;
    public static final Pattern HEADER_TOKEN = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    public static final List<String> TOKEN_HEADERS = List.of(Commands.IDEMPOTENCY_KEY, Commands.CORRELATION_ID);

    @Inject
    ObjectMapper json;

    /** A body announced as too large is refused before it is read (413). */
    @ServerRequestFilter(preMatching = true)
    public Response checkLength(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        return length != null && isLongerThanLimit(length) ? tooLarge() : null;
    }

    /**
     * Runs once the body is read, which the event loop does before the request goes to a worker thread: a filter that
     * read it itself, on the worker, waited for the event loop to hand it over (2 ms per command on a busy machine).
     */
    @ServerRequestFilter(readBody = true)
    public Response check(ContainerRequestContext request) throws IOException {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (String header : TOKEN_HEADERS) {
            List<String> values = request.getHeaders().get(header);
            if (values == null) {
                continue;
            }
            if (values.size() > 1) {
                errors.add(new Problem.FieldError(header, "given more than once"));
            } else if (!HEADER_TOKEN.matcher(values.get(0)).matches()) {
                errors.add(new Problem.FieldError(header, "1 to 128 characters of A-Z a-z 0-9 . _ : -"));
            }
        }
        parameters("path", request.getUriInfo().getPathParameters(), errors);
        parameters("query", request.getUriInfo().getQueryParameters(), errors);
        if (request.hasEntity() && isJson(request)) {
            byte[] body = readBounded(request.getEntityStream());
            if (body == null) {
                return tooLarge();
            }
            request.setEntityStream(new ByteArrayInputStream(body));
            JsonNode tree = parse(body);
            if (tree != null) {
                walk(tree, "", errors);
            }
        }
        if (errors.isEmpty()) {
            return null;
        }
        return Problem.of(new Problem("urn:tcy:invalid-request", "The request is not valid", 400,
                errors.size() + " field(s) are outside the limits on input", null, errors));
    }

    /** What is wrong with one text, or null: the checks every string of a request passes. */
    public static String problemWith(String text, int maxLength) {
        if (text.length() > maxLength) {
            return "at most " + maxLength + " characters (" + text.length() + " given)";
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7F) {
                return String.format("control character U+%04X at %d", (int) c, i);
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "unpaired surrogate at " + i;
            }
            if (Character.isLowSurrogate(c)) {
                return "unpaired surrogate at " + i;
            }
        }
        return null;
    }

    private static void parameters(String kind, MultivaluedMap<String, String> parameters,
                                   List<Problem.FieldError> errors) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            for (String value : parameter.getValue()) {
                String problem = problemWith(value, MAX_PARAMETER);
                if (problem != null) {
                    errors.add(new Problem.FieldError(parameter.getKey(), kind + " parameter: " + problem));
                }
            }
        }
    }

    private void walk(JsonNode node, String path, List<Problem.FieldError> errors) {
        if (node.isTextual()) {
            String problem = problemWith(node.textValue(), MAX_TEXT);
            if (problem != null) {
                errors.add(new Problem.FieldError(path.isEmpty() ? "body" : path, problem));
            }
        } else if (node.isArray()) {
            if (node.size() > MAX_ITEMS) {
                errors.add(new Problem.FieldError(path.isEmpty() ? "body" : path,
                        "at most " + MAX_ITEMS + " items (" + node.size() + " given)"));
                return;
            }
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "[" + i + "]", errors);
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                String name = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                String problem = problemWith(field.getKey(), MAX_PARAMETER);
                if (problem != null) {
                    errors.add(new Problem.FieldError("body", "a field name: " + problem));
                    continue;
                }
                walk(field.getValue(), name, errors);
            }
        }
    }

    /** Malformed JSON is left to the endpoint's reader, which names where it breaks. */
    private JsonNode parse(byte[] body) {
        try {
            return json.readTree(body);
        } catch (JsonProcessingException malformed) {
            return null;
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean isJson(ContainerRequestContext request) {
        return request.getMediaType() == null || request.getMediaType().getSubtype().toLowerCase().contains("json");
    }

    private static boolean isLongerThanLimit(String contentLength) {
        try {
            return Long.parseLong(contentLength.trim()) > MAX_BODY_BYTES;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The body, or null when it is longer than {@link #MAX_BODY_BYTES} (a chunked body has no Content-Length). */
    private static byte[] readBounded(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
        return body.length > MAX_BODY_BYTES ? null : body;
    }

    private static Response tooLarge() {
        return Problem.response(413, "Request body too large",
                "A request body is at most " + MAX_BODY_BYTES + " bytes (1 MiB)");
    }
}
