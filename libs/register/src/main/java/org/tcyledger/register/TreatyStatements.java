package org.tcyledger.register;

import java.time.LocalDate;
import java.util.List;
import org.tcyledger.contracts.membership.MembershipEvent.ArticleStatement;
import org.tcyledger.contracts.membership.MembershipEvent.NotificationReceived;
import org.tcyledger.eventsourcing.consumer.Writes;

/**
 * The replica's writes for what a member states under a treaty: the reservations and declarations made with its
 * instrument (in force from the deposit; a corrected deposit replaces them) and those notified later, with
 * territorial applications, designated authorities and withdrawals, each from its effective date.
 */
final class TreatyStatements {

    static final String RESERVATION = "RESERVATION";
    static final String DECLARATION = "DECLARATION";

    private TreatyStatements() {
    }

    static void deposited(Writes writes, String eventId, String memberId, String treaty, LocalDate depositedOn,
                          List<ArticleStatement> reservations, List<ArticleStatement> declarations) {
        writes.update("DELETE FROM register_statement WHERE member_id = ? AND treaty = ? AND source = 'DEPOSIT'",
                memberId, treaty);
        int position = 0;
        for (ArticleStatement reservation : reservations) {
            insert(writes, memberId, treaty, eventId, position++, "DEPOSIT", RESERVATION, reservation.article(), depositedOn);
        }
        for (ArticleStatement declaration : declarations) {
            insert(writes, memberId, treaty, eventId, position++, "DEPOSIT", DECLARATION, declaration.article(), depositedOn);
        }
    }

    /** In force from {@code effectiveOn}, the notification's own date when it gives none. */
    static void notified(Writes writes, String eventId, NotificationReceived notification) {
        LocalDate effectiveOn = notification.effectiveOn() != null ? notification.effectiveOn() : notification.notifiedOn();
        insert(writes, notification.memberId(), notification.treaty().name(), eventId, 0, "NOTIFICATION",
                notification.kind().name(), notification.article(), effectiveOn);
    }

    private static void insert(Writes writes, String memberId, String treaty, String eventId, int position,
                               String source, String kind, String article, LocalDate effectiveOn) {
        writes.update("INSERT INTO register_statement (member_id, treaty, event_id, position, source, kind, article, "
                      + "effective_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                memberId, treaty, eventId, position, source, kind, article, effectiveOn);
    }
}
