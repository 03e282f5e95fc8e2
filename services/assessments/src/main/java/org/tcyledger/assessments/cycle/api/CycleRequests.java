package org.tcyledger.assessments.cycle.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.tcyledger.contracts.assessments.AssessmentEvent.FollowUpStatus;
import org.tcyledger.contracts.assessments.AssessmentEvent.Priority;
import org.tcyledger.contracts.assessments.AssessmentEvent.Scope;

/** The shapes the assessments endpoints accept; the rules are the aggregate's. */
final class CycleRequests {

    static final String ID = "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$";

    private CycleRequests() {
    }

    /** {@code scope}: PARTIES when not given. */
    record LaunchCycle(@NotBlank @Pattern(regexp = ID) String id, @NotBlank @Size(max = 300) String title,
                       @NotEmpty List<@NotBlank @Size(max = 20) String> articles, @NotNull LocalDate launchedOn,
                       @NotNull LocalDate replyDeadline, Scope scope) {
    }

    record Question(@NotBlank @Size(max = 20) String id, @NotBlank @Size(max = 20) String article,
                    @NotBlank @Size(max = 5000) String text) {
    }

    record PublishQuestionnaire(@NotBlank @Size(max = 40) String documentSymbol,
                                @NotEmpty @Size(max = 1000) List<@Valid @NotNull Question> questions) {
    }

    record Answer(@NotBlank @Size(max = 20) String questionId, @NotBlank @Size(max = 50000) String text) {
    }

    record RecordReply(@NotBlank @Pattern(regexp = ID) String partyId, @NotNull LocalDate receivedOn,
                       @NotEmpty @Size(max = 1000) List<@Valid @NotNull Answer> answers) {
    }

    record AddPartyToCycle(@NotBlank @Pattern(regexp = ID) String partyId, @NotBlank @Size(max = 2000) String reason) {
    }

    record Finding(@NotBlank @Pattern(regexp = ID) String partyId, @NotBlank @Size(max = 20) String article,
                   @NotBlank @Size(max = 20000) String text) {
    }

    record Recommendation(@NotBlank @Size(max = 20) String id, @NotBlank @Size(max = 64) String addressee,
                          @NotBlank @Size(max = 5000) String text, @NotNull Priority priority) {
    }

    /** The same body drafts the main report and a supplement; {@code documentSymbol} is optional. */
    record SubmitDraftReport(@NotNull @Size(max = 1000) List<@Valid @NotNull Finding> findings,
                             @NotNull @Size(max = 1000) List<@Valid @NotNull Recommendation> recommendations,
                             @Size(min = 1, max = 40) String documentSymbol) {
    }

    record OpenSupplement(@NotBlank @Pattern(regexp = ID) String id,
                          @NotEmpty @Size(max = 1000) List<@NotBlank @Pattern(regexp = ID) String> partyIds,
                          @NotBlank @Size(max = 2000) String reason) {
    }

    record RecordComment(@NotBlank @Pattern(regexp = ID) String partyId, @NotNull @Positive Integer onVersion,
                         @NotBlank @Size(max = 20000) String text) {
    }

    record RecordFollowUp(@NotBlank @Size(max = 20) String recommendationId, @NotBlank @Pattern(regexp = ID) String partyId,
                          @NotNull FollowUpStatus status, @NotNull LocalDate assessedOn, @Size(max = 5000) String note) {
    }

    record CorrectReply(@NotBlank @Size(max = 64) String correctsEventId, @NotBlank @Size(max = 2000) String reason,
                        LocalDate receivedOn, @Size(max = 1000) List<@Valid @NotNull Answer> answers) {
    }

    record CloseCycle(@NotNull LocalDate closedOn) {
    }
}
