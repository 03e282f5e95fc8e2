package org.tcyledger.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * Points a {@code @QuarkusTest} at the JVM's real PostgreSQL and Kafka, with a database of its own (the
 * {@code database} argument) and the test key for JWTs. Dev Services stay off: nothing here needs Docker.
 */
public class RealInfrastructure implements QuarkusTestResourceLifecycleManager {

    private String database = "tcy_test";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        Infrastructure infrastructure = Infrastructure.forTests();
        infrastructure.ensureDatabase(database);
        return configFor(infrastructure, database, Tokens.forTests());
    }

    public static Map<String, String> configFor(Infrastructure infrastructure, String database, Tokens tokens) {
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.jdbc.url", infrastructure.jdbcUrl(database));
        config.put("quarkus.datasource.username", infrastructure.user());
        config.put("quarkus.datasource.password", infrastructure.password());
        config.put("kafka.bootstrap.servers", infrastructure.kafkaBootstrapServers());
        config.put("mp.jwt.verify.publickey.location", tokens.publicKeyFile().toUri().toString());
        config.put("mp.jwt.verify.issuer", Tokens.ISSUER);
        return config;
    }

    @Override
    public void stop() {
        // the infrastructure is shared by every test class of this JVM and stops when the JVM exits
    }
}
