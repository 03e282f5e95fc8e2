package org.tcyledger.meetings.infra;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tcyledger.contracts.TopicContract;
import org.tcyledger.contracts.Topics;
import org.tcyledger.eventsourcing.WriteModel;
import org.tcyledger.meetings.document.Document;
import org.tcyledger.meetings.document.Documents;
import org.tcyledger.meetings.governance.Bureau;
import org.tcyledger.meetings.governance.GovernanceRecords;
import org.tcyledger.meetings.governance.WorkingBody;
import org.tcyledger.meetings.meeting.DecisionRules;
import org.tcyledger.meetings.meeting.DecisionSubjects;
import org.tcyledger.meetings.meeting.Fraction;
import org.tcyledger.meetings.meeting.GuidanceNoteAdoptions;
import org.tcyledger.meetings.meeting.Meeting;
import org.tcyledger.meetings.meeting.MemberFacts;
import org.tcyledger.meetings.note.GuidanceNote;

public class MeetingsWriteModel {

    @Produces
    @Singleton
    DecisionRules decisionRules(@ConfigProperty(name = "tcy.decisions.quorum") String quorum,
                                @ConfigProperty(name = "tcy.decisions.majority") String majority) {
        return new DecisionRules(Fraction.parse(quorum), Fraction.parse(majority));
    }

    @Produces
    @Singleton
    WriteModel writeModel(DecisionRules rules, StoredDecisionSubjects subjects, RegisterMemberFacts members,
                          CommandGuidanceNoteAdoptions notes, StoredGovernance governance,
                          StoredDocuments documents) {
        return new WriteModel("meetings", Topics.MEETINGS,
                List.of(Meeting.class, GuidanceNote.class, Bureau.class, WorkingBody.class, Document.class),
                TopicContract.MEETINGS.catalog(),
                Map.of(DecisionRules.class, rules, DecisionSubjects.class, subjects, MemberFacts.class, members,
                        GuidanceNoteAdoptions.class, notes, GovernanceRecords.class, governance,
                        Documents.class, documents));
    }
}
