package org.tcyledger.projection.register;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import org.tcyledger.contracts.EventCatalog;
import org.tcyledger.contracts.Topics;
import org.tcyledger.contracts.membership.MembershipEvent;
import org.tcyledger.contracts.membership.MembershipEvent.InstrumentDeposited;
import org.tcyledger.contracts.membership.MembershipEvent.MemberRegistered;
import org.tcyledger.contracts.membership.MembershipEvent.TreatySigned;
import org.tcyledger.contracts.wire.EventEnvelope;
import org.tcyledger.eventsourcing.axon.WireTypeSerializer;
import org.tcyledger.eventsourcing.consumer.TopicConsumer;

/** Keeps the members register: who each member is and the dated steps it took under each treaty. */
@ApplicationScoped
public class MemberRegisterProjection implements TopicConsumer {

    private static final EventCatalog CATALOG = new EventCatalog(MembershipEvent.class);
    private static final ObjectMapper JSON = WireTypeSerializer.objectMapper();

    @Override
    public String group() {
        return "projection-register";
    }

    @Override
    public List<String> topics() {
        return List.of(Topics.MEMBERSHIP);
    }

    @Override
    public void apply(EventEnvelope envelope, Connection connection) throws SQLException {
        var type = CATALOG.classOf(envelope.type());
        if (type.isEmpty()) {
            return; // an event type this read model does not use
        }
        MembershipEvent event;
        try {
            event = (MembershipEvent) JSON.readValue(envelope.data(), type.get());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + envelope.type() + " " + envelope.id(), e);
        }
        switch (event) {
            case MemberRegistered registered -> update(connection,
                    "INSERT INTO register_member (id, name, kind, council_of_europe_member) VALUES (?, ?, ?, ?)",
                    registered.memberId(), registered.name(), registered.kind().name(),
                    registered.councilOfEuropeMember());
            case TreatySigned signed -> update(connection,
                    "INSERT INTO register_treaty (member_id, treaty, signed_on) VALUES (?, ?, ?) "
                    + "ON CONFLICT (member_id, treaty) DO UPDATE SET signed_on = excluded.signed_on",
                    signed.memberId(), signed.treaty().name(), signed.signedOn());
            case InstrumentDeposited deposited -> update(connection,
                    "INSERT INTO register_treaty (member_id, treaty, instrument, deposited_on, entry_into_force_on) "
                    + "VALUES (?, ?, ?, ?, ?) ON CONFLICT (member_id, treaty) DO UPDATE SET "
                    + "instrument = excluded.instrument, deposited_on = excluded.deposited_on, "
                    + "entry_into_force_on = excluded.entry_into_force_on",
                    deposited.memberId(), deposited.treaty().name(), deposited.kind().name(),
                    deposited.depositedOn(), deposited.entryIntoForceOn());
        }
    }

    private static void update(Connection connection, String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                Object value = values[i];
                statement.setObject(i + 1, value instanceof LocalDate date ? Date.valueOf(date) : value);
            }
            statement.executeUpdate();
        }
    }
}
