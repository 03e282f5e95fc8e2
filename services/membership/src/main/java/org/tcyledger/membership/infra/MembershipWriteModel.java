package org.tcyledger.membership.infra;

import jakarta.inject.Singleton;
import jakarta.enterprise.inject.Produces;
import java.util.List;
import org.tcyledger.contracts.EventCatalog;
import org.tcyledger.contracts.Topics;
import org.tcyledger.contracts.membership.MembershipEvent;
import org.tcyledger.eventsourcing.WriteModel;
import org.tcyledger.membership.member.Member;

public class MembershipWriteModel {

    @Produces
    @Singleton
    WriteModel writeModel() {
        return new WriteModel("membership", Topics.MEMBERSHIP, List.of(Member.class),
                new EventCatalog(MembershipEvent.class));
    }
}
