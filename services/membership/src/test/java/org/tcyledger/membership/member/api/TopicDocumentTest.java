package org.tcyledger.membership.member.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.tcyledger.testing.RealInfrastructure;

@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "tcy_membership"))
class TopicDocumentTest {

    @Test
    void anyoneReadsTheAsyncApiDocumentOfTheTopicThisServiceWrites() {
        given().get("/asyncapi.yaml").then().statusCode(200)
                .contentType(startsWith("application/yaml"))
                .body(startsWith("asyncapi: 3.1.0"))
                .body(containsString("address: tcy.membership.v1"))
                .body(containsString("name: tcy.membership.InstrumentDeposited.v1"))
                .body(containsString("name: tcy.membership.ChainCheckpoint.v1"));
    }
}
