package org.tcyledger.meetings.replica;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.tcyledger.contracts.EventCatalog;
import org.tcyledger.contracts.Topics;
import org.tcyledger.contracts.assessments.AssessmentEvent;
import org.tcyledger.contracts.assessments.AssessmentEvent.Finding;
import org.tcyledger.contracts.meetings.DecisionKind;
import org.tcyledger.meetings.meeting.DecisionSubjects;
import org.tcyledger.testing.PublishedStream;
import org.tcyledger.testing.RealInfrastructure;

/**
 * What meetings lets a decision ADOPT_ASSESSMENT_REPORT adopt, from its replica of tcy.assessments.v1 (real Kafka and
 * PostgreSQL), as the Meeting asks it through its port: a supplementary report, named {@code {cycleId}/{supplementId}},
 * only in a version that was drafted and while it is not adopted; the main report's own versions are no supplement's.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "tcy_meetings"))
class AssessmentsReplicaTest {

    private static final String CYCLE = "round-1-preservation-replica";
    private static final String SUPPLEMENT = CYCLE + "/malta-panama";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;
    @Inject
    DecisionSubjects subjects;

    private Optional<String> problemAdopting(String subject, int version) {
        return subjects.problemWith(DecisionKind.ADOPT_ASSESSMENT_REPORT, subject, version);
    }

    @Test
    void aSupplementIsAdoptedOnlyInADraftedVersion() {
        PublishedStream cycle = new PublishedStream(new EventCatalog(AssessmentEvent.class), "/tcy/assessments", CYCLE);
        List<Finding> findings = List.of(new Finding("MT", "16", "…"), new Finding("PA", "16", "…"));
        PublishedStream.publish(bootstrapServers, Topics.ASSESSMENTS,
                cycle.next(new AssessmentEvent.AssessmentCycleLaunched(CYCLE, "Preservation", List.of("16"),
                        LocalDate.parse("2012-01-10"), LocalDate.parse("2012-04-30"), List.of("EE", "RO"))),
                cycle.next(new AssessmentEvent.DraftReportSubmitted(CYCLE, 1, List.of(), List.of(), "T-CY(2012)10")),
                cycle.next(new AssessmentEvent.AssessmentReportAdopted(CYCLE, 1, "T-CY-8", "d-8",
                        LocalDate.parse("2012-12-05"), "T-CY(2012)10")));
        assertTrue(problemAdopting(SUPPLEMENT, 1).orElseThrow().contains("No supplement malta-panama"),
                "a supplement not opened");

        PublishedStream.publish(bootstrapServers, Topics.ASSESSMENTS,
                cycle.next(new AssessmentEvent.SupplementOpened(CYCLE, "malta-panama", List.of("MT", "PA"), "later")));
        assertTrue(problemAdopting(SUPPLEMENT, 1).orElseThrow().contains("has no draft version 1"),
                "a supplement without drafts: the main report's version 1 is not the supplement's");

        PublishedStream.publish(bootstrapServers, Topics.ASSESSMENTS,
                cycle.next(new AssessmentEvent.SupplementDraftSubmitted(CYCLE, "malta-panama", 1, findings, List.of(),
                        "T-CY(2015)24")));
        assertEquals(Optional.empty(), problemAdopting(SUPPLEMENT, 1));
        assertTrue(problemAdopting(SUPPLEMENT, 2).orElseThrow().contains("has no draft version 2"));
        assertTrue(problemAdopting(CYCLE + "/panama", 1).orElseThrow().contains("No supplement panama"));
        assertTrue(problemAdopting("round-never/malta-panama", 1).orElseThrow().contains("No assessment cycle round-never"));
        assertTrue(problemAdopting(CYCLE, 1).orElseThrow().contains("adopted already"), "the main report stays adopted");

        PublishedStream.publish(bootstrapServers, Topics.ASSESSMENTS,
                cycle.next(new AssessmentEvent.SupplementAdopted(CYCLE, "malta-panama", 1, "T-CY-16", "d-16",
                        LocalDate.parse("2016-11-15"), "T-CY(2015)24")));
        assertTrue(problemAdopting(SUPPLEMENT, 1).orElseThrow().contains("adopted already"));
    }
}
