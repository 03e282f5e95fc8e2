package org.tcyledger.projection.portal;

import io.quarkus.qute.TemplateData;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import org.tcyledger.contracts.membership.MemberKind;
import org.tcyledger.contracts.membership.Treaty;
import org.tcyledger.contracts.membership.TreatyStatus;

/** The register page's query as the visitor wrote it (shown again in the form), with the choices of its selects. */
@TemplateData
public record RegisterQuery(String on, String treaty, String status, String kind) {

    /** The date asked for, once valid. */
    public LocalDate onDate() {
        try {
            return on == null ? null : LocalDate.parse(on);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The treaty chosen, ETS185 when none (or none valid) is. */
    public Treaty selectedTreaty() {
        return Arrays.stream(Treaty.values()).filter(t -> t.name().equals(treaty)).findFirst().orElse(Treaty.ETS185);
    }

    public TreatyStatus selectedStatus() {
        return Arrays.stream(TreatyStatus.values()).filter(s -> s.name().equals(status)).findFirst().orElse(null);
    }

    public MemberKind selectedKind() {
        return Arrays.stream(MemberKind.values()).filter(k -> k.name().equals(kind)).findFirst().orElse(null);
    }

    public List<Treaty> treaties() {
        return List.of(Treaty.values());
    }

    public List<TreatyStatus> statuses() {
        return List.of(TreatyStatus.values());
    }

    public List<MemberKind> kinds() {
        return List.of(MemberKind.values());
    }
}
