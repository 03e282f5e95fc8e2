package org.tcyledger.projection;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.tcyledger.testing.RealInfrastructure;
import org.tcyledger.testing.ServiceDocuments;

/** The projection service's documents, as every service serves them ({@link ServiceDocuments}): it publishes no events, so its page links no AsyncAPI document. */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "tcy_projection"))
class ServiceDocumentsTest extends ServiceDocuments {

    @Override
    protected boolean publishesEvents() {
        return false;
    }
}
