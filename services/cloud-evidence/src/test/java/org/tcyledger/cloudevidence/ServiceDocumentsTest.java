package org.tcyledger.cloudevidence;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.tcyledger.testing.RealInfrastructure;
import org.tcyledger.testing.ServiceDocuments;

/** The cloud-evidence service's documents, as every service serves them ({@link ServiceDocuments}): it publishes its events, so its page links their AsyncAPI document. */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "tcy_cloud_evidence"))
class ServiceDocumentsTest extends ServiceDocuments {

    @Override
    protected boolean publishesEvents() {
        return true;
    }
}
