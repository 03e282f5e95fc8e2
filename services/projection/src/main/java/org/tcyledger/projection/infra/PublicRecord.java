package org.tcyledger.projection.infra;

import io.agroal.api.AgroalDataSource;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.tcyledger.eventsourcing.web.Roles;

/**
 * The public record (domain.md §5): what anyone may read without a role of the committee. Meetings and their
 * outcomes once the report is published, adopted guidance notes and adopted assessment reports whose document is
 * PUBLIC in the document register. Observers, auditors and the secretariat read beyond it.
 */
@ApplicationScoped
public class PublicRecord {

    @Inject
    SecurityIdentity identity;
    @Inject
    AgroalDataSource dataSource;

    /** Whether the caller reads the public record only (anonymous, or a role outside the committee's). */
    public boolean onlyPublic() {
        return !(identity.hasRole(Roles.OBSERVER) || identity.hasRole(Roles.AUDITOR)
                 || identity.hasRole(Roles.SECRETARIAT));
    }

    /** Whether {@code symbol} is a PUBLIC document of the register (false for none). */
    public boolean published(String symbol) {
        if (symbol == null) {
            return false;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT 1 FROM document WHERE symbol = ? AND access = 'PUBLIC'")) {
            select.setString(1, symbol);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the document register", e);
        }
    }
}
