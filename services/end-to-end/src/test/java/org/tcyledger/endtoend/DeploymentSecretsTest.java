package org.tcyledger.endtoend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.tcyledger.testing.Workspace;

/**
 * Keys kept apart, in docker-compose.yml and every manifest under deploy/k8s: no service container or pod can read
 * the JWT signing key, another service's checkpoint signing key, the keyholder credential (the projection's alone)
 * or any database credential but its own. What holds a private key is found from what makes it (the key jobs'
 * commands, the Secrets' contents), not from a list kept in this test.
 */
class DeploymentSecretsTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Path ROOT = Workspace.root();
    /** The read side: it signs nothing, and it alone opens contact points (with the keyholder credential). */
    private static final String PROJECTION = "projection";
    private static final String KEY_SCRIPTS = "./deploy/docker/keys";

    private static List<String> services() throws IOException {
        try (Stream<Path> dirs = Files.list(ROOT.resolve("services"))) {
            return dirs.filter(dir -> Files.exists(dir.resolve("src/main/resources/application.properties")))
                    .map(dir -> dir.getFileName().toString()).sorted().toList();
        }
    }

    private static List<String> writeServices() throws IOException {
        return services().stream().filter(service -> !service.equals(PROJECTION)).toList();
    }

    // ---------------------------------------------------------------- docker-compose.yml

    /** A volume mount of a compose container: {@code volume:/path[:ro]}. */
    private record Mount(String source, String path, boolean readOnly) {
        static Mount of(String text) {
            String[] parts = text.split(":");
            return new Mount(parts[0], parts[1], parts.length > 2 && parts[2].equals("ro"));
        }
    }

    private static List<Mount> mounts(JsonNode container) {
        List<Mount> mounts = new ArrayList<>();
        container.path("volumes").forEach(volume -> mounts.add(Mount.of(volume.asText())));
        return mounts;
    }

    private static String volumeAt(JsonNode container, String path) {
        return mounts(container).stream().filter(mount -> path.equals(mount.path()) || path.startsWith(mount.path() + "/"))
                .max((a, b) -> a.path().length() - b.path().length()).map(Mount::source)
                .orElseThrow(() -> new AssertionError("nothing is mounted at " + path));
    }

    private static List<String> command(JsonNode container) {
        List<String> words = new ArrayList<>();
        container.path("command").forEach(word -> words.add(word.asText()));
        return words;
    }

    /** A container that runs the key programs: it makes keys or mints tokens, and may hold what signs. */
    private static boolean isKeyJob(JsonNode container) {
        return mounts(container).stream().anyMatch(mount -> mount.source().equals(KEY_SCRIPTS));
    }

    /**
     * The volumes the key jobs write private keys into, each with the service it belongs to ("" for the JWT
     * signing key, which belongs to no service).
     */
    private static Map<String, String> privateKeyVolumes(JsonNode containers) {
        Map<String, String> owners = new TreeMap<>();
        containers.properties().forEach(entry -> {
            JsonNode container = entry.getValue();
            List<String> words = command(container);
            int script = words.indexOf("/scripts/GenerateKeys.java");
            if (script >= 0) {
                owners.put(volumeAt(container, words.get(script + 1)), "");
            }
            int checkpoints = words.indexOf("/scripts/GenerateCheckpointKeys.java");
            if (checkpoints >= 0) {
                for (String directory : words.subList(checkpoints + 1, words.size())) {
                    owners.put(volumeAt(container, directory), directory.substring(directory.lastIndexOf('/') + 1));
                }
            }
        });
        return owners;
    }

    /** The volume the keyholder minter renews the projection's token in. */
    private static String keyholderTokenVolume(JsonNode containers) {
        for (JsonNode container : containers) {
            List<String> words = command(container);
            int renew = words.indexOf("--renew");
            if (renew >= 0) {
                return volumeAt(container, words.get(renew + 1));
            }
        }
        throw new AssertionError("no container renews the keyholder token (Token.java --renew FILE)");
    }

    @Test
    void noComposeServiceMountsAPrivateKeyButItsOwnCheckpointKey() throws IOException {
        JsonNode containers = compose().get("services");
        Map<String, String> privateKeys = privateKeyVolumes(containers);
        List<String> problems = new ArrayList<>();
        containers.properties().forEach(entry -> {
            if (isKeyJob(entry.getValue())) {
                return;
            }
            for (Mount mount : mounts(entry.getValue())) {
                String owner = privateKeys.get(mount.source());
                if (owner != null && !owner.equals(entry.getKey())) {
                    problems.add(entry.getKey() + " mounts " + mount.source() + ", the private key of "
                                 + (owner.isEmpty() ? "the JWT issuer" : owner));
                }
                if (mount.source().equals(KEY_SCRIPTS) || mount.source().startsWith("./deploy/docker/keys")) {
                    problems.add(entry.getKey() + " mounts the key scripts");
                }
            }
        });
        assertEquals(List.of(), problems);
        assertTrue(privateKeys.containsValue(""), "a job makes the JWT key pair: " + privateKeys);
        for (String service : writeServices()) {
            assertTrue(privateKeys.containsValue(service), "a job makes " + service + "'s checkpoint key: " + privateKeys);
        }
    }

    @Test
    void everyComposeWriteServiceReadsItsOwnCheckpointKeyAndTheProjectionNone() throws IOException {
        JsonNode containers = compose().get("services");
        Map<String, String> privateKeys = privateKeyVolumes(containers);
        for (String service : writeServices()) {
            JsonNode container = containers.get(service);
            String keyFile = container.at("/environment/TCY_CHECKPOINTS_KEY_FILE").asText();
            assertTrue(keyFile.endsWith("/private.pem"), service + " names its checkpoint key: " + keyFile);
            String volume = volumeAt(container, keyFile);
            assertEquals(service, privateKeys.get(volume), service + " reads its own checkpoint key from " + volume);
            assertTrue(mounts(container).stream().filter(m -> m.source().equals(volume)).allMatch(Mount::readOnly),
                    service + " mounts its key read-only");
        }
        JsonNode projection = containers.get(PROJECTION);
        assertFalse(projection.path("environment").has("TCY_CHECKPOINTS_KEY_FILE"));
        assertTrue(mounts(projection).stream().noneMatch(mount -> privateKeys.containsKey(mount.source())),
                "the projection holds no private key");
    }

    @Test
    void onlyTheProjectionHasTheKeyholderCredentialInCompose() throws IOException {
        JsonNode containers = compose().get("services");
        String volume = keyholderTokenVolume(containers);
        Set<String> holders = new TreeSet<>();
        containers.properties().forEach(entry -> {
            if (!isKeyJob(entry.getValue())
                && mounts(entry.getValue()).stream().anyMatch(mount -> mount.source().equals(volume))) {
                holders.add(entry.getKey());
            }
            JsonNode environment = entry.getValue().path("environment");
            if (!entry.getKey().equals(PROJECTION)
                && (environment.has("TCY_KEYHOLDER_TOKEN") || environment.has("TCY_KEYHOLDER_TOKEN_FILE"))) {
                holders.add(entry.getKey());
            }
        });
        assertEquals(Set.of(PROJECTION), holders, "who mounts the keyholder token (" + volume + ")");
        assertEquals(volume, volumeAt(containers.get(PROJECTION),
                containers.at("/" + PROJECTION + "/environment/TCY_KEYHOLDER_TOKEN_FILE").asText()));
    }

    /** {@code ${TCY_MEMBERSHIP_DB_PASSWORD:-…}} and the like: the variables a text takes a value from. */
    private static Set<String> variables(String text) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)").matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    @Test
    void everyComposeServiceConnectsAsItsOwnRoleWithItsOwnPasswordOnly() throws IOException {
        JsonNode containers = compose().get("services");
        JsonNode postgres = containers.get("postgres").get("environment");
        Set<String> superuser = variables(postgres.get("POSTGRES_PASSWORD").asText());
        assertFalse(superuser.isEmpty(), "the superuser's password comes from a variable");
        // each service's password: the variable the postgres container passes on to the init script
        Map<String, String> passwordOf = new HashMap<>();
        for (String service : services()) {
            String name = "TCY_" + service.toUpperCase().replace('-', '_') + "_DB_PASSWORD";
            assertTrue(postgres.has(name), "postgres makes " + service + "'s role with " + name);
            passwordOf.put(service, name);
        }
        String init = initScript();
        List<String> problems = new ArrayList<>();
        containers.properties().forEach(entry -> {
            if (entry.getKey().equals("postgres")) {
                return;
            }
            Set<String> used = variables(entry.getValue().toString());
            for (String variable : used) {
                boolean own = variable.equals(passwordOf.get(entry.getKey()));
                if (superuser.contains(variable) || passwordOf.containsValue(variable) && !own) {
                    problems.add(entry.getKey() + " can read " + variable);
                }
            }
        });
        assertEquals(List.of(), problems);
        for (String service : services()) {
            JsonNode environment = containers.get(service).get("environment");
            String url = environment.get("QUARKUS_DATASOURCE_JDBC_URL").asText();
            String database = url.substring(url.lastIndexOf('/') + 1);
            String role = environment.get("QUARKUS_DATASOURCE_USERNAME").asText();
            assertEquals(database, role, service + " connects as the role that owns its database");
            assertEquals(Set.of(passwordOf.get(service)), variables(environment.get("QUARKUS_DATASOURCE_PASSWORD").asText()));
            assertTrue(init.contains("database " + database + " " + role + " \"$" + passwordOf.get(service) + "\""),
                    "the init script makes " + role + " the owner of " + database + " with " + passwordOf.get(service));
        }
        assertTrue(init.contains("CREATE DATABASE :\"database\" OWNER :\"role\"")
                   && init.contains("REVOKE ALL ON DATABASE :\"database\" FROM PUBLIC")
                   && init.contains("NOSUPERUSER"), "a role owns its database, nobody else may connect to it");
    }

    private static String initScript() throws IOException {
        try (Stream<Path> files = Files.list(ROOT.resolve("deploy/docker/postgres-init"))) {
            StringBuilder text = new StringBuilder();
            for (Path file : files.sorted().toList()) {
                text.append(Files.readString(file));
            }
            return text.toString();
        }
    }

    // ---------------------------------------------------------------- deploy/k8s

    /** Whose a Secret is, from its name: tcy-database-SERVICE, tcy-checkpoint-SERVICE, the projection's keyholder client. */
    private static Optional<String> ownerOf(String secret, List<String> services) {
        if (secret.equals("tcy-keyholder-client")) {
            return Optional.of(PROJECTION);
        }
        for (String prefix : List.of("tcy-database-", "tcy-checkpoint-")) {
            if (secret.startsWith(prefix) && services.contains(secret.substring(prefix.length()))) {
                return Optional.of(secret.substring(prefix.length()));
            }
        }
        return Optional.empty();
    }

    private static List<JsonNode> manifests() throws IOException {
        List<JsonNode> documents = new ArrayList<>();
        try (Stream<Path> files = Files.walk(ROOT.resolve("deploy/k8s"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
                    .sorted().toList()) {
                try (var parser = YAML.getFactory().createParser(file.toFile())) {
                    YAML.readValues(parser, JsonNode.class).forEachRemaining(document -> {
                        if (document != null && document.has("kind")) {
                            documents.add(document);
                        }
                    });
                }
            }
        }
        return documents;
    }

    private static Optional<JsonNode> podSpec(JsonNode workload) {
        return switch (workload.get("kind").asText()) {
            case "Deployment", "StatefulSet", "DaemonSet", "Job", "ReplicaSet" ->
                    Optional.of(workload.at("/spec/template/spec"));
            case "CronJob" -> Optional.of(workload.at("/spec/jobTemplate/spec/template/spec"));
            case "Pod" -> Optional.of(workload.get("spec"));
            default -> Optional.empty();
        };
    }

    /** Every Secret a pod's containers can read: volumes, env, envFrom, in containers and init containers alike. */
    private static Set<String> secretsOf(JsonNode pod) {
        Set<String> secrets = new TreeSet<>();
        for (JsonNode volume : pod.path("volumes")) {
            addText(secrets, volume.at("/secret/secretName"));
            volume.at("/projected/sources").forEach(source -> addText(secrets, source.at("/secret/name")));
        }
        for (String list : List.of("containers", "initContainers", "ephemeralContainers")) {
            for (JsonNode container : pod.path(list)) {
                container.path("env").forEach(env -> addText(secrets, env.at("/valueFrom/secretKeyRef/name")));
                container.path("envFrom").forEach(from -> addText(secrets, from.at("/secretRef/name")));
            }
        }
        return secrets;
    }

    private static void addText(Set<String> names, JsonNode node) {
        if (node.isTextual()) {
            names.add(node.asText());
        }
    }

    private static Map<String, String> contents(JsonNode secretOrConfigMap) {
        Map<String, String> contents = new TreeMap<>();
        for (String field : List.of("data", "stringData", "binaryData")) {
            secretOrConfigMap.path(field).properties().forEach(entry -> contents.put(entry.getKey(), entry.getValue().asText()));
        }
        return contents;
    }

    @Test
    void noPodReadsASecretThatIsNotItsOwnAndNoneHoldsTheJwtSigningKey() throws IOException {
        List<String> services = services();
        List<JsonNode> manifests = manifests();
        List<String> problems = new ArrayList<>();
        for (JsonNode document : manifests) {
            String kind = document.get("kind").asText();
            String name = document.at("/metadata/name").asText();
            if (kind.equals("Secret") && ownerOf(name, services).isEmpty()) {
                problems.add("Secret " + name + " belongs to no service: name it tcy-database-SERVICE or "
                             + "tcy-checkpoint-SERVICE, or say here whose it is");
            }
            if (kind.equals("Secret") || kind.equals("ConfigMap")) {
                contents(document).forEach((key, value) -> {
                    boolean privateKey = key.contains("private") || value.contains("PRIVATE KEY");
                    if (privateKey && !(kind.equals("Secret") && name.startsWith("tcy-checkpoint-"))) {
                        problems.add(kind + " " + name + " holds a private key (" + key + "): only the issuer may");
                    }
                });
            }
            Optional<JsonNode> pod = podSpec(document);
            if (pod.isEmpty()) {
                continue;
            }
            for (String secret : secretsOf(pod.get())) {
                Optional<String> owner = ownerOf(secret, services);
                if (!owner.equals(Optional.of(name))) {
                    problems.add(kind + " " + name + " reads Secret " + secret + " ("
                                 + owner.map(o -> o + "'s").orElse("nobody's") + ")");
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void everyPodHasItsOwnDatabaseRoleAndEveryWriteServiceItsOwnCheckpointKey() throws IOException {
        Map<String, Set<String>> secretsOf = new HashMap<>();
        Map<String, JsonNode> pods = new HashMap<>();
        for (JsonNode document : manifests()) {
            podSpec(document).ifPresent(pod -> {
                secretsOf.put(document.at("/metadata/name").asText(), secretsOf(pod));
                pods.put(document.at("/metadata/name").asText(), pod);
            });
        }
        for (String service : services()) {
            Set<String> secrets = secretsOf.get(service);
            assertTrue(secrets != null && secrets.contains("tcy-database-" + service),
                    service + " connects with its own role: " + secrets);
            JsonNode container = pods.get(service).at("/containers/0");
            for (String variable : List.of("QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD")) {
                assertEquals("tcy-database-" + service, env(container, variable).at("/valueFrom/secretKeyRef/name").asText(),
                        service + " " + variable);
            }
            boolean signs = !service.equals(PROJECTION);
            assertEquals(signs, secrets.contains("tcy-checkpoint-" + service), service + " signs checkpoints: " + signs);
            if (signs) {
                String keyFile = env(container, "TCY_CHECKPOINTS_KEY_FILE").path("value").asText();
                String volume = null;
                for (JsonNode mount : container.path("volumeMounts")) {
                    if (keyFile.startsWith(mount.get("mountPath").asText() + "/")) {
                        volume = mount.get("name").asText();
                    }
                }
                String mounted = volume;
                assertTrue(toList(pods.get(service).path("volumes")).stream()
                        .anyMatch(v -> v.get("name").asText().equals(mounted)
                                       && v.at("/secret/secretName").asText().equals("tcy-checkpoint-" + service)),
                        service + " reads " + keyFile + " from its own Secret");
            }
        }
        assertTrue(secretsOf.get(PROJECTION).contains("tcy-keyholder-client"), "the projection has the keyholder client");
    }

    private static JsonNode env(JsonNode container, String name) {
        for (JsonNode env : container.path("env")) {
            if (env.get("name").asText().equals(name)) {
                return env;
            }
        }
        throw new AssertionError(container.path("name").asText() + " has no " + name);
    }

    private static List<JsonNode> toList(JsonNode array) {
        List<JsonNode> list = new ArrayList<>();
        array.forEach(list::add);
        return list;
    }

    /** docker-compose.yml with its anchors and merge keys resolved, as compose reads it. */
    private static JsonNode compose() throws IOException {
        Object loaded = new org.yaml.snakeyaml.Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
        return YAML.valueToTree(loaded);
    }
}
