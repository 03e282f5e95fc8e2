package org.tcyledger.endtoend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.StringReader;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.tcyledger.contracts.Topics;
import org.tcyledger.testing.ServiceProcess;
import org.tcyledger.testing.Workspace;

/**
 * docker-compose.yml, the Kubernetes manifests and the Dockerfile cannot drift from the code: every service,
 * port, database, configuration variable and topic they name is checked against the services'
 * application.properties, the configuration the code reads, the contract's topics and the packaged artifacts.
 */
class DeploymentFilesTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Path ROOT = Workspace.root();

    private static List<String> services() throws IOException {
        try (Stream<Path> dirs = Files.list(ROOT.resolve("services"))) {
            return dirs.filter(dir -> Files.exists(dir.resolve("src/main/resources/application.properties")))
                    .map(dir -> dir.getFileName().toString()).sorted().toList();
        }
    }

    private static Properties properties(String service) throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(Files.readString(
                ROOT.resolve("services/" + service + "/src/main/resources/application.properties"))));
        return properties;
    }

    private static String database(String jdbcUrl) {
        return jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1);
    }

    @Test
    void composeRunsEveryServiceOnItsPortAndDatabase() throws IOException {
        JsonNode compose = compose().get("services");
        for (String service : services()) {
            Properties properties = properties(service);
            JsonNode entry = compose.get(service);
            assertTrue(entry != null, "docker-compose.yml runs " + service);
            String port = properties.getProperty("quarkus.http.port");
            JsonNode environment = environment(entry);
            assertEquals(port, environment.get("QUARKUS_HTTP_PORT").asText(), service + " port");
            assertEquals(port + ":" + port, entry.get("ports").get(0).asText(), service + " published port");
            assertEquals(database(properties.getProperty("quarkus.datasource.jdbc.url")),
                    database(environment.get("QUARKUS_DATASOURCE_JDBC_URL").asText()), service + " database");
            assertEquals("kafka:9092", environment.get("KAFKA_BOOTSTRAP_SERVERS").asText(), service + " Kafka");
            assertEquals(service, entry.get("build").get("args").get("SERVICE").asText(), service + " image");
            assertTrue(entry.has("healthcheck"), service + " has a health check");
        }
        // the init script makes each database with its owner role (DeploymentSecretsTest checks the roles)
        String databases = Files.readString(ROOT.resolve("deploy/docker/postgres-init/01-databases.sh"));
        for (String service : services()) {
            String database = database(properties(service).getProperty("quarkus.datasource.jdbc.url"));
            assertTrue(databases.contains("\ndatabase " + database + " "), "compose creates " + database);
        }
    }

    @Test
    void kubernetesDeploysEveryServiceOnItsPortAndDatabase() throws IOException {
        String kustomization = Files.readString(ROOT.resolve("deploy/k8s/base/kustomization.yaml"));
        for (String service : services()) {
            assertTrue(kustomization.contains("- " + service + ".yaml"), "the base lists " + service);
            List<JsonNode> documents = documents(ROOT.resolve("deploy/k8s/base/" + service + ".yaml"));
            JsonNode deployment = documents.stream().filter(d -> d.get("kind").asText().equals("Deployment"))
                    .findFirst().orElseThrow();
            JsonNode container = deployment.at("/spec/template/spec/containers/0");
            String port = properties(service).getProperty("quarkus.http.port");
            assertEquals(port, container.at("/ports/0/containerPort").asText(), service + " container port");
            assertEquals("/q/health/ready", container.at("/readinessProbe/httpGet/path").asText());
            assertEquals("/q/health/live", container.at("/livenessProbe/httpGet/path").asText());
            String url = null;
            for (JsonNode env : container.get("env")) {
                if (env.get("name").asText().equals("QUARKUS_DATASOURCE_JDBC_URL")) {
                    url = env.get("value").asText();
                }
            }
            assertEquals(database(properties(service).getProperty("quarkus.datasource.jdbc.url")), database(url));
            JsonNode k8sService = documents.stream().filter(d -> d.get("kind").asText().equals("Service"))
                    .findFirst().orElseThrow();
            assertEquals(port, k8sService.at("/spec/ports/0/port").asText(), service + " service port");
        }
    }

    @Test
    void everyConfigurationVariableIsOneTheCodeReads() throws IOException {
        Set<String> known = knownConfiguration();
        Set<String> unknown = new TreeSet<>();
        JsonNode compose = compose().get("services");
        for (String service : services()) {
            environment(compose.get(service)).fieldNames().forEachRemaining(name -> {
                if (!known.contains(name)) {
                    unknown.add("compose " + service + ": " + name);
                }
            });
        }
        for (JsonNode config : documents(ROOT.resolve("deploy/k8s/base/config.yaml"))) {
            config.get("data").fieldNames().forEachRemaining(name -> {
                // TCY_POSTGRES_HOST only feeds the JDBC URLs of the Deployments ($(TCY_POSTGRES_HOST))
                if (!known.contains(name) && !name.equals("TCY_POSTGRES_HOST")) {
                    unknown.add("k8s config: " + name);
                }
            });
        }
        assertTrue(unknown.isEmpty(), "variables no code reads: " + unknown);
    }

    @Test
    void theTopicsCreatedAreTheContractsTopics() throws Exception {
        Set<String> contract = new TreeSet<>();
        for (Field field : Topics.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                contract.add((String) field.get(null));
            }
        }
        String compose = compose()
                .at("/services/kafka-topics/command/0").asText();
        String job = Files.readString(ROOT.resolve("deploy/k8s/base/topics-job.yaml"));
        assertEquals(contract, topicsIn(compose), "docker-compose.yml creates the contract's topics");
        assertEquals(contract, topicsIn(job), "the Kubernetes Job creates the contract's topics");
        assertTrue(compose.contains("retention.ms=-1") && job.contains("retention.ms=-1"), "topics never expire");
    }

    /**
     * One list of JVM options, deploy/jvm.options (measured by the bench), for every way a service runs: the tests and
     * the bench through ServiceProcess, deploy/local/up and the image as a Java argument file. Each adds only its
     * largest heap.
     */
    @Test
    void everyWayOfRunningAServiceUsesTheSameJvmOptions() throws IOException {
        List<String> file = ServiceProcess.argumentFile(ROOT.resolve("deploy/jvm.options"));
        assertTrue(file.contains("-XX:+UseSerialGC"), "deploy/jvm.options holds the options: " + file);
        for (String option : file) {
            // what the java launcher and ServiceProcess would read differently: spaces, quotes, a "#" mid-line
            assertTrue(option.matches("-[^\\s#\"'\\\\]+"), "one option a line, comments on lines of their own: " + option);
        }
        List<String> tests = new ArrayList<>(ServiceProcess.JVM_OPTIONS);
        assertTrue(tests.remove("-Xmx256m"), "the tests' largest heap");
        assertEquals(file, tests, "ServiceProcess runs the options of deploy/jvm.options");
        Matcher local = Pattern.compile("(?s)\\bjvm=\\((.*?)\\)").matcher(Files.readString(ROOT.resolve("deploy/local/up")));
        assertTrue(local.find(), "deploy/local/up has jvm=(...)");
        assertEquals(List.of("-Xmx256m", "@\"$root/deploy/jvm.options\"", "${TCY_JVM_OPTS:-}"),
                List.of(local.group(1).trim().split("\\s+")), "deploy/local/up runs the argument file");
        String dockerfile = Files.readString(ROOT.resolve("deploy/docker/Dockerfile.jvm"));
        assertTrue(dockerfile.contains("COPY deploy/jvm.options /deployments/jvm.options")
                   && dockerfile.contains("exec java @/deployments/jvm.options $JAVA_OPTS_APPEND -jar"),
                "the image copies the argument file and runs it");
        Matcher append = Pattern.compile("JAVA_OPTS_APPEND=\"([^\"]*)\"").matcher(dockerfile);
        assertTrue(append.find());
        for (String option : append.group(1).trim().split("\\s+")) {
            assertTrue(option.startsWith("-D") || option.equals("-XX:MaxRAMPercentage=75"),
                    "the image adds only its heap limit and properties to the file's options, not " + option);
        }
    }

    @Test
    void theImagesCopyTheArtifactsThatMavenPackages() throws IOException {
        String dockerfile = Files.readString(ROOT.resolve("deploy/docker/Dockerfile.jvm"));
        Matcher copy = Pattern.compile("COPY --chown=\\S+ (\\S+) ").matcher(dockerfile);
        List<String> sources = new ArrayList<>();
        while (copy.find()) {
            sources.add(copy.group(1));
        }
        assertEquals(4, sources.size(), "lib, the runner jar, app and quarkus: the fast-jar layout");
        for (String service : services()) {
            for (String source : sources) {
                String path = source.replace("${SERVICE}", service);
                if (path.endsWith("*.jar")) {
                    Path dir = ROOT.resolve(path.substring(0, path.lastIndexOf('/')));
                    assertTrue(Files.exists(dir.resolve("quarkus-run.jar")), dir + " has quarkus-run.jar");
                } else {
                    assertTrue(Files.isDirectory(ROOT.resolve(path)), path + " is packaged");
                }
            }
        }
        assertTrue(dockerfile.contains("FROM eclipse-temurin:21-jre") && dockerfile.contains("USER 185"),
                "an official Java 21 runtime, not root");
    }

    /** Debian's docker-compose validates the file without an engine; CI installs it, so there it must run. */
    @Test
    void dockerComposeAcceptsTheFile() throws Exception {
        boolean present = Stream.of(System.getenv("PATH").split(":"))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, "docker-compose")));
        if (System.getenv("CI") == null) {
            Assumptions.assumeTrue(present, "docker-compose is not installed here (CI installs it)");
        }
        assertTrue(present, "docker-compose must be installed in CI");
        Process check = new ProcessBuilder("docker-compose", "-f", ROOT.resolve("docker-compose.yml").toString(),
                "config", "--quiet").redirectErrorStream(true).start();
        String output = new String(check.getInputStream().readAllBytes());
        assertTrue(check.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, check.exitValue(), "docker-compose config: " + output);
    }

    /** docker-compose.yml with its anchors and merge keys ({@code <<: *anchor}) resolved, as compose reads it. */
    private static JsonNode compose() throws IOException {
        Object loaded = new org.yaml.snakeyaml.Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
        return YAML.valueToTree(loaded);
    }

    private static JsonNode environment(JsonNode service) {
        return service.get("environment");
    }

    private static Set<String> topicsIn(String text) {
        Set<String> topics = new TreeSet<>();
        Matcher matcher = Pattern.compile("tcy\\.[a-z-]+\\.v[0-9]+").matcher(text);
        while (matcher.find()) {
            topics.add(matcher.group());
        }
        return topics;
    }

    private static List<JsonNode> documents(Path file) throws IOException {
        List<JsonNode> documents = new ArrayList<>();
        try (var parser = YAML.getFactory().createParser(file.toFile())) {
            YAML.readValues(parser, JsonNode.class).forEachRemaining(documents::add);
        }
        return documents;
    }

    /** The environment-variable form of every property the code or its configuration reads. */
    private static Set<String> knownConfiguration() throws IOException {
        Set<String> keys = new HashSet<>(List.of("quarkus.http.host", "quarkus.http.port", "quarkus.datasource.jdbc.url",
                "quarkus.datasource.username", "quarkus.datasource.password", "mp.jwt.verify.publickey.location",
                "mp.jwt.verify.issuer", "kafka.bootstrap.servers"));
        Pattern configProperty = Pattern.compile("@ConfigProperty\\(name = \"([^\"]+)\"");
        try (Stream<Path> files = Files.walk(ROOT)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java") && f.toString().contains("/src/main/"))
                    .toList()) {
                Matcher matcher = configProperty.matcher(Files.readString(file));
                while (matcher.find()) {
                    keys.add(matcher.group(1));
                }
            }
        }
        Set<String> variables = new HashSet<>();
        keys.forEach(key -> variables.add(key.replaceAll("[.\\-\"]", "_").toUpperCase()));
        return variables;
    }
}
