package org.tcyledger.membership.infra;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import org.tcyledger.contracts.TopicContract;
import org.tcyledger.contracts.Topics;
import org.tcyledger.eventsourcing.WriteModel;
import org.tcyledger.membership.member.Member;
import org.tcyledger.membership.member.PersonKeys;
import org.tcyledger.membership.member.TreatyCalendars;
import org.tcyledger.membership.treaty.TreatyInForce;

public class MembershipWriteModel {

    @Produces
    @Singleton
    WriteModel writeModel(StoredTreatyCalendars calendars, VaultPersonKeys keys) {
        return new WriteModel("membership", Topics.MEMBERSHIP, List.of(Member.class, TreatyInForce.class),
                TopicContract.MEMBERSHIP.catalog(),
                Map.of(TreatyCalendars.class, calendars, PersonKeys.class, keys));
    }
}
