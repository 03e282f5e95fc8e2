package org.tcyledger.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
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
        return infrastructure.serviceConfig(database, Tokens.forTests());
    }

    @Override
    public void stop() {
        // the infrastructure is shared by every test class of this JVM and stops when the JVM exits
    }
}
