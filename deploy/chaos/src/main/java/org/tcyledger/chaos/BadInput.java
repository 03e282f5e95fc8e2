package org.tcyledger.chaos;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.sessions.JqwikSession;
import org.tcyledger.chaos.Workload.Command;

/**
 * Malformed requests to every operation of every service's OpenAPI document: missing, mistyped, oversized,
 * control-character, unpaired-surrogate and out-of-range values, unknown enum values and fields, odd path parameters,
 * odd headers, bodies over 1 MiB; first a fixed set per operation, then values drawn from jqwik's generators. None may
 * be answered 5xx, none may store an event, and every consumer must still move afterwards.
 */
final class BadInput {

    /** Bodies are written with every non-ASCII character escaped, so that an unpaired surrogate travels as {@code \ud800}. */
    private static final ObjectMapper JSON = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /**
     * POST /audit/rebuild starts a rebuild of every read model per request (the checks run one); the parked-record
     * retry is an operator's action on a record that exists. Neither takes a body or a parameter worth fuzzing.
     */
    private static final List<String> SKIPPED = List.of("POST /audit/rebuild");
    private static final String BIG = "x".repeat(250_000);

    /** One operation of a service's API. */
    /**
     * One operation of a service's API, with its request body's JSON Schema (OpenAPI 3.1 schemas are JSON Schema
     * 2020-12): a variant the schema accepts is a valid request after all (a valid id, an optional field left out), so
     * it is not sent as a malformed one.
     */
    record Op(String service, String method, String path, List<Parameter> parameters, JsonNode body,
              com.networknt.schema.JsonSchema schema) {
        Op(String service, String method, String path, List<Parameter> parameters, JsonNode body) {
            this(service, method, path, parameters, body, null);
        }

        /** Whether the document says {@code candidate} is a valid body, and no limit on input refuses it. */
        boolean accepts(JsonNode candidate) {
            JsonNode present = withoutNulls(candidate);
            return schema != null && schema.validate(present).isEmpty() && withinLimits(present);
        }

        /** A null is an optional field left out (Jackson reads it so); a required one is then missing. */
        private static JsonNode withoutNulls(JsonNode node) {
            if (node.isObject()) {
                ObjectNode copy = NODES.objectNode();
                node.properties().forEach(field -> {
                    if (!field.getValue().isNull()) {
                        copy.set(field.getKey(), withoutNulls(field.getValue()));
                    }
                });
                return copy;
            }
            return node;
        }

        private static boolean withinLimits(JsonNode node) {
            if (node.isTextual()) {
                String text = node.asText();
                return text.length() <= 200_000 && text.chars().noneMatch(c -> c < 0x20 && c != '\t' && c != '\n'
                        && c != '\r' || Character.isSurrogate((char) c));
            }
            if (node.isArray() && node.size() > 1_000) {
                return false;
            }
            for (JsonNode child : node) {
                if (!withinLimits(child)) {
                    return false;
                }
            }
            return true;
        }

        String name() {
            return service + " " + method + " " + path;
        }
    }



    /** One malformed request and what is wrong with it. */
    record Bad(Op op, String target, Map<String, String> headers, byte[] body, String what) {
        String describe() {
            String shown = body == null ? "" : new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8);
            return op.service() + ": " + op.method() + " " + Checker.abbreviate(target) + " [" + what + "] "
                   + (body == null ? "" : "body(" + body.length + " B) " + shown);
        }
    }

    private final Options options;
    private final Stack stack;
    private final String secretariat;
    private final String auditor;
    private final Random random = new Random(20261130L);

    BadInput(Options options, Stack stack) {
        this.options = options;
        this.stack = stack;
        this.secretariat = stack.tokens().token("secretariat");
        this.auditor = stack.tokens().token("auditor");
    }

    Outcome run(Instant began) throws Exception {
        Checker checker = new Checker(stack, options.catchUpLimit());
        List<String> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<Op> ops = new ArrayList<>();
        for (String service : List.of("membership", "meetings", "assessments", "cloud-evidence", "projection")) {
            ops.addAll(operations(service));
        }
        Map<String, Long> before = checker.storedCounts();
        List<Bad> requests = plan(ops);
        Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
        List<String> serverErrors = Collections.synchronizedList(new ArrayList<>());
        List<String> accepted = Collections.synchronizedList(new ArrayList<>());
        List<String> unanswered = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (Bad bad : requests) {
            pool.submit(() -> {
                Http.Answer answer = RawHttp.send(stack.url(bad.op().service()), bad.op().method(), bad.target(),
                        bad.headers(), bad.body());
                statuses.computeIfAbsent(answer.status(), s -> new AtomicLong()).incrementAndGet();
                if (answer.status() >= 500) {
                    serverErrors.add(bad.describe() + " -> " + answer.brief());
                } else if (answer.status() == 0) {
                    unanswered.add(bad.describe() + " -> " + answer.brief());
                } else if (answer.success() && !bad.op().method().equals("GET")) {
                    accepted.add(bad.describe() + " -> " + answer.brief());
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(30, TimeUnit.MINUTES);
        Map<String, Long> after = checker.storedCounts();
        notes.add(requests.size() + " malformed requests to " + ops.size() + " operations; answers by status: "
                  + new java.util.TreeMap<>(statuses));
        if (!serverErrors.isEmpty()) {
            problems.add(serverErrors.size() + " malformed requests answered 5xx, e.g.");
            examples(serverErrors).forEach(e -> problems.add("  " + e));
        }
        if (!after.equals(before)) {
            problems.add("events stored by malformed requests: before " + before + ", after " + after);
        }
        if (!accepted.isEmpty()) {
            problems.add(accepted.size() + " malformed commands answered 2xx, e.g.");
            examples(accepted).forEach(e -> problems.add("  " + e));
        }
        if (!unanswered.isEmpty()) {
            notes.add(unanswered.size() + " malformed requests got no answer (connection closed), e.g. "
                      + examples(unanswered).subList(0, Math.min(3, unanswered.size())));
        }

        // every consumer still moving: good commands afterwards reach every consumer, and the read side still checks out
        Clients clients = new Clients(secretariat, stack::url, new Clients.FaultWindow());
        Workload workload = new Workload();
        Instant goodSent = Instant.now();
        for (Command good : List.of(workload.registerOrganisation(), workload.draftNote("gn-after-bad-input-" + goodSent.toEpochMilli()))) {
            clients.send(good);
        }
        Clients.Tally tally = clients.tally();
        Checker.Verdict verdict = checker.check(tally.acks, tally.abandonedCount.get(), goodSent, 0);
        Outcome outcome = Outcome.of("bad-input", tally, verdict, problems, notes, Duration.between(began, Instant.now()));
        String fiveXx = serverErrors.size() + " of " + requests.size() + " malformed; good ones: " + outcome.serverErrors();
        return new Outcome(outcome.scenario(), outcome.acknowledged(), outcome.lost(), outcome.appliedTwice(), fiveXx,
                outcome.parked(), outcome.catchUp(), outcome.problems(), outcome.notes(), outcome.took());
    }

    /** A few of each kind of request: the first of each distinct operation and label. */
    private static List<String> examples(List<String> found) {
        Map<String, String> byKind = new LinkedHashMap<>();
        for (String line : found) {
            byKind.putIfAbsent(line.substring(0, Math.max(0, line.indexOf(']') + 1)), line);
        }
        return byKind.values().stream().limit(15).map(Checker::abbreviate).toList();
    }

    // ------------------------------------------------------------------------------------------ the API documents

    private List<Op> operations(String service) {
        Http.Answer document = new Http(Duration.ofSeconds(30)).get(stack.url(service) + "/q/openapi?format=json", null);
        if (!document.success()) {
            throw new IllegalStateException(service + " /q/openapi answered " + document.brief());
        }
        ParseOptions parse = new ParseOptions();
        parse.setResolve(true);
        OpenAPI api = new OpenAPIV3Parser().readContents(document.body(), null, parse).getOpenAPI();
        JsonNode raw = parse(document.body());
        List<Op> ops = new ArrayList<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            if (!SKIPPED.contains(method + " " + path)) {
                ops.add(new Op(service, method.name(), path, parameters(item.getParameters(), operation),
                        body(api, operation), schema(raw, path, method.name())));
            }
        }));
        return ops;
    }

    private static List<Parameter> parameters(List<Parameter> shared, Operation operation) {
        List<Parameter> all = new ArrayList<>(shared == null ? List.of() : shared);
        if (operation.getParameters() != null) {
            all.addAll(operation.getParameters());
        }
        return all;
    }

    /** A request body as the document describes it: its example when it has one, else one made from its schema. */
    private static JsonNode body(OpenAPI api, Operation operation) {
        if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
            return null;
        }
        MediaType json = operation.getRequestBody().getContent().get("application/json");
        if (json == null) {
            return null;
        }
        if (json.getExample() != null) {
            return JSON.valueToTree(json.getExample());
        }
        if (json.getExamples() != null && !json.getExamples().isEmpty()) {
            Object value = json.getExamples().values().iterator().next().getValue();
            if (value != null) {
                return value instanceof String text && text.startsWith("{") ? parse(text) : JSON.valueToTree(value);
            }
        }
        return json.getSchema() == null ? NODES.objectNode() : sample(api, json.getSchema(), 0);
    }

    /** The request body's schema of {@code operation}, with the document's components its references point to. */
    private static com.networknt.schema.JsonSchema schema(JsonNode document, String path, String method) {
        JsonNode schema = document.path("paths").path(path).path(method.toLowerCase()).path("requestBody")
                .path("content").path("application/json").path("schema");
        if (!schema.isObject()) {
            return null;
        }
        ObjectNode whole = ((ObjectNode) schema).deepCopy();
        whole.set("components", document.path("components"));
        // formats asserted: "2015-02-30" is no date
        return com.networknt.schema.JsonSchemaFactory.getInstance(com.networknt.schema.SpecVersion.VersionFlag.V202012)
                .getSchema(whole, com.networknt.schema.SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            return NODES.textNode(text);
        }
    }

    @SuppressWarnings("rawtypes")
    private static Schema resolve(OpenAPI api, Schema schema) {
        if (schema != null && schema.get$ref() != null && api.getComponents() != null) {
            String name = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
            Schema resolved = api.getComponents().getSchemas().get(name);
            return resolved == null ? schema : resolved;
        }
        return schema;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static String type(Schema schema) {
        if (schema.getType() != null) {
            return schema.getType();
        }
        if (schema.getTypes() != null) {
            for (Object type : (java.util.Set<Object>) schema.getTypes()) {
                if (!"null".equals(type)) {
                    return type.toString();
                }
            }
        }
        return schema.getProperties() != null ? "object" : "string";
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static JsonNode sample(OpenAPI api, Schema schema, int depth) {
        schema = resolve(api, schema);
        if (schema.getExample() != null) {
            return JSON.valueToTree(schema.getExample());
        }
        if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
            return JSON.valueToTree(schema.getEnum().get(0));
        }
        String format = schema.getFormat() == null ? "" : schema.getFormat();
        return switch (type(schema)) {
            case "integer", "number" -> NODES.numberNode(1);
            case "boolean" -> NODES.booleanNode(true);
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                if (depth < 4 && schema.getItems() != null) {
                    array.add(sample(api, schema.getItems(), depth + 1));
                }
                yield array;
            }
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                if (depth < 4 && schema.getProperties() != null) {
                    ((Map<String, Schema>) schema.getProperties()).forEach((name, property) ->
                            object.set(name, sample(api, property, depth + 1)));
                }
                yield object;
            }
            default -> NODES.textNode(switch (format) {
                case "date" -> "2015-12-01";
                case "date-time" -> "2026-01-05T10:00:00Z";
                default -> "EE";
            });
        };
    }

    // ----------------------------------------------------------------------------------------- the requests

    /** The fixed variants of each operation, taken in turn across operations, then drawn ones up to the quota. */
    private List<Bad> plan(List<Op> ops) {
        List<List<Bad>> fixed = ops.stream().map(this::fixedVariants).toList();
        List<Bad> planned = new ArrayList<>();
        int longest = fixed.stream().mapToInt(List::size).max().orElse(0);
        for (int i = 0; i < longest && planned.size() < options.badRequests(); i++) {
            for (List<Bad> variants : fixed) {
                if (i < variants.size() && planned.size() < options.badRequests()) {
                    planned.add(variants.get(i));
                }
            }
        }
        // jqwik's generators need a session of their own outside a property (else OutsideJqwikException)
        JqwikSession.start();
        try {
            while (planned.size() < options.badRequests()) {
                Bad drawn = drawn(ops.get(random.nextInt(ops.size())));
                if (drawn != null) {
                    planned.add(drawn);
                }
            }
        } finally {
            JqwikSession.finish();
        }
        return planned;
    }

    private List<Bad> fixedVariants(Op op) {
        List<Bad> bad = new ArrayList<>();
        String target = target(op, Map.of());
        boolean command = !op.method().equals("GET");
        // odd headers, on an otherwise well-formed request
        for (Map.Entry<String, String> odd : oddHeaderValues().entrySet()) {
            bad.add(request(op, target, Map.of("X-Correlation-Id", odd.getValue()), op.body(),
                    "X-Correlation-Id with " + odd.getKey()));
            if (command) {
                bad.add(request(op, target, Map.of("Idempotency-Key", odd.getValue()), op.body(),
                        "Idempotency-Key with " + odd.getKey()));
            }
        }
        // odd path parameters
        for (Parameter parameter : op.parameters()) {
            if ("path".equals(parameter.getIn())) {
                for (String odd : List.of("..", "%2e%2e%2f%2e%2e", "%00", "a%1Bb", "a%20b", "x".repeat(300),
                        "%F0%9F%92%A9", "%ED%A0%80", "'%20OR%201=1--", "-1", "4294968", "%25", "%7B%7D")) {
                    bad.add(request(op, target(op, Map.of(parameter.getName(), odd)), Map.of(), op.body(),
                            "path " + parameter.getName() + "=" + abbreviated(odd)));
                }
            }
        }
        // odd query parameters, and paging out of range
        for (Parameter parameter : op.parameters()) {
            if ("query".equals(parameter.getIn())) {
                for (String odd : List.of("4294968", "-1", "abc", "1e309", "99999999999999999999", "%00", "%1B",
                        "x".repeat(300), "%ED%A0%80", "2020-13-45", "")) {
                    bad.add(request(op, target + "?" + parameter.getName() + "=" + odd, Map.of(), op.body(),
                            "query " + parameter.getName() + "=" + abbreviated(odd)));
                }
            }
        }
        if (op.method().equals("GET")) {
            for (String paging : List.of("page=4294968&size=500", "page=-1&size=10", "page=0&size=0",
                    "page=0&size=501", "page=10001&size=1", "size=2147483648", "page=NaN")) {
                bad.add(request(op, target + "?" + paging, Map.of(), null, "paging " + paging));
            }
        }
        if (op.body() == null) {
            return bad;
        }
        // the body as a whole
        bad.add(raw(op, target, null, "no body"));
        for (String text : List.of("", "{}", "[]", "null", "not json", "{\"a\":", "\"\u0000\"", "[".repeat(5000),
                "{\"id\":\"\\ud800\"}")) {
            bad.add(raw(op, target, text, "body " + abbreviated(text)));
        }
        bad.add(request(op, target, Map.of("Content-Type", "text/plain"), op.body(), "Content-Type text/plain"));
        ObjectNode unknown = op.body().isObject() ? ((ObjectNode) op.body()).deepCopy() : NODES.objectNode();
        unknown.put("unknownField", "chaos");
        bad.add(request(op, target, Map.of(), unknown, "an unknown JSON field"));
        ObjectNode huge = op.body().isObject() ? ((ObjectNode) op.body()).deepCopy() : NODES.objectNode();
        huge.put("padding", "y".repeat(1_100_000));
        bad.add(request(op, target, Map.of(), huge, "a body over 1 MiB"));
        // each field
        if (op.body().isObject()) {
            for (String field : fieldsOf(op.body())) {
                for (Map.Entry<String, JsonNode> value : oddValues().entrySet()) {
                    if (op.accepts(with(op.body(), field, value.getValue()))) {
                        continue;
                    }
                    bad.add(request(op, target, Map.of(), with(op.body(), field, value.getValue()),
                            field + " " + value.getKey()));
                }
                if (!op.accepts(without(op.body(), field))) {
                    bad.add(request(op, target, Map.of(), without(op.body(), field), field + " missing"));
                }
            }
        }
        return bad;
    }

    /** In a fixed order (Map.of's changes from run to run), so that a run can be repeated request for request. */
    private static Map<String, String> oddHeaderValues() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("300 chars", "k".repeat(300));
        values.put("a space", "chaos key");
        values.put("U+0000", "chaos\u0000key");
        values.put("U+001B", "chaos\u001b[31mkey");
        values.put("non-ASCII", "clé-é");
        return values;
    }

    /** The fixed odd values every field gets in turn. */
    private static Map<String, JsonNode> oddValues() {
        Map<String, JsonNode> values = new LinkedHashMap<>();
        values.put("null", NODES.nullNode());
        values.put("a number", NODES.numberNode(12345));
        values.put("a string", NODES.textNode("not-a-number-or-date"));
        values.put("a boolean", NODES.booleanNode(true));
        values.put("an object", NODES.objectNode().put("a", 1));
        values.put("an array", NODES.arrayNode().add(1));
        values.put("of 300 chars", NODES.textNode("s".repeat(300)));
        values.put("of 250,000 chars", NODES.textNode(BIG));
        values.put("with U+0000", NODES.textNode("chaos\u0000text"));
        values.put("with U+001B", NODES.textNode("chaos\u001b[31mtext"));
        values.put("with an unpaired surrogate", NODES.textNode("chaos\ud800text"));
        values.put("an unknown enum value", NODES.textNode("NOT_A_KNOWN_VALUE"));
        values.put("a far date", NODES.textNode("+999999999-12-31"));
        values.put("an impossible date", NODES.textNode("2015-02-30"));
        values.put("out of range (2^63)", NODES.numberNode(new java.math.BigInteger("9223372036854775808")));
        values.put("negative", NODES.numberNode(-1));
        values.put("huge decimal", NODES.numberNode(new java.math.BigDecimal("1e400")));
        ArrayNode many = NODES.arrayNode();
        for (int i = 0; i < 1001; i++) {
            many.add("Art. " + i);
        }
        values.put("a list of 1001 items", many);
        return values;
    }

    /** Values drawn from jqwik's generators: any string (surrogates and controls included), extreme numbers. */
    private Bad drawn(Op op) {
        Arbitrary<JsonNode> values = Arbitraries.oneOf(
                Arbitraries.strings().all().ofMinLength(0).ofMaxLength(400).map(s -> (JsonNode) NODES.textNode(s)),
                Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMinLength(1).ofMaxLength(20)
                        .map(s -> (JsonNode) NODES.textNode("c" + s)),
                Arbitraries.longs().map(n -> (JsonNode) NODES.numberNode(n)),
                Arbitraries.bigIntegers().between(new java.math.BigInteger("-1" + "0".repeat(40)),
                        new java.math.BigInteger("1" + "0".repeat(40))).map(n -> (JsonNode) NODES.numberNode(n)),
                Arbitraries.doubles().map(d -> (JsonNode) NODES.numberNode(d)),
                Arbitraries.of("NOT_A_KIND", "state", "Ratification", "", " ", "ETS 185", "0000-00-00", "2015-12-01T00:00")
                        .map(s -> (JsonNode) NODES.textNode(s)));
        JsonNode value = values.generator(1000).next(random).value();
        String target = target(op, Map.of());
        List<String> fields = op.body() != null && op.body().isObject() ? fieldsOf(op.body()) : List.of();
        if (!fields.isEmpty() && random.nextInt(4) > 0) {
            String field = fields.get(random.nextInt(fields.size()));
            if (value.isTextual() && op.accepts(with(op.body(), field, value))) {
                // most strings are a valid free text: what is drawn must be wrong, so it ends in a control character
                value = NODES.textNode(value.asText() + "\u0001");
            }
            return request(op, target, Map.of(), with(op.body(), field, value), field + " drawn " + abbreviated(value.toString()));
        }
        String text = value.isTextual() ? value.asText() : value.toString();
        String encoded = URLEncoder.encode(text, StandardCharsets.UTF_8);
        List<Parameter> path = op.parameters().stream().filter(p -> "path".equals(p.getIn())).toList();
        if (!path.isEmpty() && random.nextBoolean()) {
            Parameter parameter = path.get(random.nextInt(path.size()));
            return request(op, target(op, Map.of(parameter.getName(), encoded)), Map.of(), op.body(),
                    "path " + parameter.getName() + " drawn " + abbreviated(encoded));
        }
        // the operation's own query parameters: another one is ignored, which makes the request no malformed one
        List<String> query = op.parameters().stream().filter(p -> "query".equals(p.getIn())).map(Parameter::getName)
                .toList();
        if (query.isEmpty()) {
            return fields.isEmpty() && path.isEmpty() ? null : drawn(op);
        }
        String parameter = query.get(random.nextInt(query.size()));
        return request(op, target + "?" + parameter + "=" + encoded, Map.of(), op.body(),
                "query " + parameter + " drawn " + abbreviated(encoded));
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private String target(Op op, Map<String, String> odd) {
        String path = op.path();
        for (Parameter parameter : op.parameters()) {
            if ("path".equals(parameter.getIn())) {
                String value = odd.getOrDefault(parameter.getName(), "EE");
                path = path.replace("{" + parameter.getName() + "}", value);
            }
        }
        return path;
    }

    private static List<String> fieldsOf(JsonNode body) {
        List<String> fields = new ArrayList<>();
        body.fieldNames().forEachRemaining(fields::add);
        // one level down too: {text: {en, fr}}, {vote: {mode}}
        for (String outer : List.copyOf(fields)) {
            if (body.get(outer).isObject()) {
                body.get(outer).fieldNames().forEachRemaining(inner -> fields.add(outer + "." + inner));
            }
        }
        return fields;
    }

    private static JsonNode with(JsonNode body, String field, JsonNode value) {
        ObjectNode copy = ((ObjectNode) body).deepCopy();
        String[] parts = field.split("\\.", 2);
        if (parts.length == 2 && copy.get(parts[0]) instanceof ObjectNode inner) {
            inner.set(parts[1], value);
        } else {
            copy.set(field, value);
        }
        return copy;
    }

    private static JsonNode without(JsonNode body, String field) {
        ObjectNode copy = ((ObjectNode) body).deepCopy();
        String[] parts = field.split("\\.", 2);
        if (parts.length == 2 && copy.get(parts[0]) instanceof ObjectNode inner) {
            inner.remove(parts[1]);
        } else {
            copy.remove(field);
        }
        return copy;
    }

    private Bad request(Op op, String target, Map<String, String> headers, JsonNode body, String what) {
        try {
            return raw(op, target, headers, body == null ? null : JSON.writeValueAsString(body), what);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Bad raw(Op op, String target, String body, String what) {
        return raw(op, target, Map.of(), body, what);
    }

    private Bad raw(Op op, String target, Map<String, String> odd, String body, String what) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + (op.path().startsWith("/audit") ? auditor : secretariat));
        headers.put("Accept", "application/json");
        if (body != null) {
            headers.put("Content-Type", "application/json");
        }
        headers.putAll(odd);
        return new Bad(op, target, headers, body == null ? null : body.getBytes(StandardCharsets.UTF_8), what);
    }

    private static String abbreviated(String text) {
        String printable = text.replaceAll("\\p{Cntrl}", "·");
        return printable.length() > 40 ? printable.substring(0, 40) + "…(" + text.length() + ")" : printable;
    }
}
