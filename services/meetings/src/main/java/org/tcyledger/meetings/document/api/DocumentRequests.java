package org.tcyledger.meetings.document.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.tcyledger.contracts.meetings.DocumentEvent.DocumentAccess;
import org.tcyledger.contracts.meetings.DocumentEvent.DocumentKind;

/** The shapes the document endpoints accept; the symbol's form and the rules are the aggregate's. */
final class DocumentRequests {

    /** An ISO 639-1 code: {@code en}, {@code fr}. */
    static final String LANGUAGE = "^[a-z]{2}$";

    private DocumentRequests() {
    }

    record RegisterDocument(@NotBlank @Size(max = 40) String symbol, @NotBlank @Size(max = 500) String title,
                            @NotNull DocumentKind kind, @NotNull LocalDate datedOn,
                            @NotEmpty @Size(max = 20) List<@NotNull @Pattern(regexp = LANGUAGE) String> languages,
                            @NotNull DocumentAccess access, @Size(max = 40) String supersedes) {
    }

    record PublishDocument(@NotNull LocalDate publishedOn) {
    }

    record CorrectDocument(@NotBlank @Size(max = 64) String correctsEventId, @NotBlank @Size(max = 2000) String reason,
                           @Size(max = 500) String title, LocalDate datedOn, DocumentKind kind,
                           @Size(min = 1, max = 20) List<@NotNull @Pattern(regexp = LANGUAGE) String> languages) {
    }
}
