package org.tcyledger.projection.bodies;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tcyledger.contracts.EventCatalog;
import org.tcyledger.contracts.Topics;
import org.tcyledger.contracts.meetings.GovernanceEvent;
import org.tcyledger.contracts.meetings.GovernanceEvent.MandateExtended;
import org.tcyledger.contracts.meetings.GovernanceEvent.WorkingBodyEstablished;
import org.tcyledger.contracts.meetings.MeetingEvent;
import org.tcyledger.contracts.meetings.MeetingEvent.MeetingScheduled;
import org.tcyledger.contracts.meetings.MeetingEvent.WorkingBodyKind;
import org.tcyledger.contracts.meetings.MeetingKind;
import org.tcyledger.contracts.wire.EventEnvelope;
import org.tcyledger.testing.PublishedStream;
import org.tcyledger.testing.RealInfrastructure;

/**
 * Working bodies through the real topic as meetings publishes them: the Cloud Evidence Group (T-CY 12) and the
 * Protocol Drafting Plenary (T-CY 17, its mandate extended twice), their meetings, one of them read before the body
 * it belongs to (another partition), and a plenary that belongs to no body. Dates partly invented. Read anonymously:
 * the working bodies are part of the public record.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "tcy_projection"))
class WorkingBodiesTest {

    private static final EventCatalog MEETINGS = new EventCatalog(MeetingEvent.class, GovernanceEvent.class);
    private static boolean published;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private static LocalDate on(String date) {
        return LocalDate.parse(date);
    }

    private static EventEnvelope meeting(String id, MeetingKind kind, String title, String startsOn, String endsOn,
                                         String bodyId) {
        return new PublishedStream(MEETINGS, "/tcy/meetings", id).next(
                new MeetingScheduled(id, kind, title, "Strasbourg", on(startsOn), on(endsOn), bodyId));
    }

    @BeforeEach
    void theRecord() {
        if (published) {
            return;
        }
        published = true;
        PublishedStream ceg = new PublishedStream(MEETINGS, "/tcy/meetings", "wb-ceg");
        PublishedStream pdp = new PublishedStream(MEETINGS, "/tcy/meetings", "wb-pdp");
        EventEnvelope established = pdp.next(new WorkingBodyEstablished("wb-pdp", "Protocol Drafting Plenary",
                WorkingBodyKind.PROTOCOL_DRAFTING_GROUP, "T-CY(2017)3", on("2019-12-31"), List.of("EE", "RO"),
                "WB-T-CY-17", "d5", on("2017-06-08")));
        EventEnvelope extended = pdp.next(new MandateExtended("wb-pdp", on("2020-12-31"), "WB-T-CY-22", "d7",
                on("2019-11-20")));
        PublishedStream.publish(bootstrapServers, Topics.MEETINGS,
                // the body's meeting first: it waits in the read model until the body is there
                meeting("WB-PDP-8", MeetingKind.PROTOCOL_DRAFTING, "8th Protocol Drafting Plenary", "2021-02-26",
                        "2021-02-26", "wb-pdp"),
                ceg.next(new WorkingBodyEstablished("wb-ceg", "Cloud Evidence Group",
                        WorkingBodyKind.CLOUD_EVIDENCE_GROUP, null, on("2016-12-31"), null, "WB-T-CY-12", "d4",
                        on("2014-12-03"))),
                established,
                extended,
                meeting("WB-PDP-2019-11", MeetingKind.PROTOCOL_DRAFTING, "Protocol Drafting Plenary", "2019-11-18",
                        "2019-11-20", "wb-pdp"),
                meeting("WB-CEG-2015-11", MeetingKind.WORKING_GROUP, "Hearing of service providers", "2015-11-30",
                        "2015-11-30", "wb-ceg"),
                meeting("WB-T-CY-23", MeetingKind.PLENARY, "23rd Plenary", "2020-11-30", "2020-11-30", null),
                // a redelivery changes nothing
                extended);
        EventEnvelope last = pdp.next(new MandateExtended("wb-pdp", on("2021-05-31"), "WB-T-CY-23", "d9",
                on("2020-11-30")));
        PublishedStream.publish(bootstrapServers, Topics.MEETINGS, last);
        given().queryParam("after", last.id()).get("/working-bodies").then().statusCode(200);
    }

    private static String body(String id, String field) {
        return "find { it.id == '" + id + "' }." + field;
    }

    @Test
    void anyoneReadsTheBodiesWithTheirMandatesAndMeetings() {
        given().queryParam("size", 500).get("/working-bodies").then().statusCode(200)
                .contentType("application/json")
                .body(body("wb-ceg", "kind"), equalTo("CLOUD_EVIDENCE_GROUP"))
                .body(body("wb-ceg", "establishedOn"), equalTo("2014-12-03"))
                .body(body("wb-ceg", "establishedAt"), equalTo("WB-T-CY-12"))
                .body(body("wb-ceg", "termsOfReference"), nullValue())
                .body(body("wb-ceg", "mandateUntil"), equalTo("2016-12-31"))
                .body(body("wb-ceg", "extensions"), empty()).body(body("wb-ceg", "members"), empty())
                .body(body("wb-ceg", "meetings.meetingId"), contains("WB-CEG-2015-11"))
                .body(body("wb-ceg", "meetings[0].kind"), equalTo("WORKING_GROUP"))
                .body(body("wb-pdp", "mandateUntil"), equalTo("2021-05-31"))
                .body("id", not(hasItem("WB-T-CY-23")));
    }

    @Test
    void aBodyShowsEachExtensionOfItsMandateAndItsMeetingsInOrder() {
        given().get("/working-bodies/wb-pdp").then().statusCode(200)
                .body("id", equalTo("wb-pdp")).body("name", equalTo("Protocol Drafting Plenary"))
                .body("kind", equalTo("PROTOCOL_DRAFTING_GROUP")).body("termsOfReference", equalTo("T-CY(2017)3"))
                .body("establishedOn", equalTo("2017-06-08")).body("establishedAt", equalTo("WB-T-CY-17"))
                .body("mandateUntil", equalTo("2021-05-31")).body("members", contains("EE", "RO"))
                .body("extensions", hasSize(2))
                .body("extensions.mandateUntil", contains("2020-12-31", "2021-05-31"))
                .body("extensions.meetingId", contains("WB-T-CY-22", "WB-T-CY-23"))
                .body("extensions.decisionId", contains("d7", "d9"))
                .body("extensions.extendedOn", contains("2019-11-20", "2020-11-30"))
                .body("meetings.meetingId", contains("WB-PDP-2019-11", "WB-PDP-8"))
                .body("meetings[1].title", equalTo("8th Protocol Drafting Plenary"))
                .body("meetings[1].kind", equalTo("PROTOCOL_DRAFTING"))
                .body("meetings[0].startsOn", equalTo("2019-11-18")).body("meetings[0].endsOn", equalTo("2019-11-20"));
    }

    @Test
    void anUnknownBodyIsNotFound() {
        given().get("/working-bodies/no-such-body").then().statusCode(404).contentType("application/problem+json");
        given().queryParam("size", 0).get("/working-bodies").then().statusCode(400);
    }
}
