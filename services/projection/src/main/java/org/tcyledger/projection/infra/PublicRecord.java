package org.tcyledger.projection.infra;

import io.agroal.api.AgroalDataSource;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
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

    /** Those of {@code symbols} that are PUBLIC documents of the register, in one query. */
    private Set<String> published(Collection<String> symbols) {
        Set<String> published = new HashSet<>();
        List<String> named = symbols.stream().filter(Objects::nonNull).distinct().toList();
        if (named.isEmpty()) {
            return published;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT symbol FROM document WHERE symbol = ANY(?) AND access = 'PUBLIC'")) {
            select.setArray(1, connection.createArrayOf("text", named.toArray()));
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    published.add(row.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the document register", e);
        }
        return published;
    }

    /** {@code items} as the caller may read them: all, or for the public record those whose document is PUBLIC. */
    public <T> List<T> readable(boolean onlyPublic, List<T> items, Function<T, String> symbol) {
        if (!onlyPublic) {
            return items;
        }
        Set<String> published = published(items.stream().map(symbol).toList());
        return items.stream().filter(item -> published.contains(symbol.apply(item))).toList();
    }
}
