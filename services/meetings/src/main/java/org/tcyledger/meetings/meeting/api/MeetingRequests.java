package org.tcyledger.meetings.meeting.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.tcyledger.contracts.meetings.DecisionKind;
import org.tcyledger.contracts.meetings.MeetingEvent;
import org.tcyledger.contracts.meetings.MeetingEvent.VoteMode;
import org.tcyledger.contracts.meetings.MeetingKind;

/** The shapes the meetings endpoints accept; the rules are the aggregate's. */
final class MeetingRequests {

    static final String ID = "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$";

    private MeetingRequests() {
    }

    record ScheduleMeeting(@NotBlank @Pattern(regexp = ID) String id, @NotNull MeetingKind kind,
                           @NotBlank @Size(max = 300) String title, @NotBlank @Size(max = 200) String venue,
                           @NotNull LocalDate startsOn, @NotNull LocalDate endsOn,
                           @Pattern(regexp = ID) String workingBodyId) {
    }

    record InviteAdHocObserver(@NotBlank @Pattern(regexp = ID) String memberId, @NotNull LocalDate invitedOn,
                               @Size(max = 200) String reference) {
    }

    /** A seat of the Bureau as an ELECT_BUREAU decision fills it. */
    record Election(@NotBlank @Pattern(regexp = ID) String memberId, @NotNull MeetingEvent.BureauPost post,
                    @Size(max = 64) String representativeId, @NotNull LocalDate termFrom,
                    @NotNull LocalDate termUntil) {
    }

    /** The working body an ESTABLISH_WORKING_BODY decision sets up. */
    record WorkingBody(@NotBlank @Pattern(regexp = ID) String id, @NotBlank @Size(max = 300) String name,
                       @NotNull MeetingEvent.WorkingBodyKind kind, @Size(max = 40) String termsOfReference,
                       @NotNull LocalDate mandateUntil,
                       @Size(max = 1000) List<@NotBlank @Pattern(regexp = ID) String> members) {
    }

    record AddAgendaItem(@NotBlank @Size(max = 500) String title,
                         @Size(max = 1000) List<@NotBlank @Pattern(regexp = "^[A-Za-z0-9()./ -]{1,40}$") String> documentSymbols) {
    }

    record RecordAttendance(@NotBlank @Pattern(regexp = ID) String memberId,
                            List<@NotBlank @Size(max = 64) String> representativeIds) {
    }

    record RaiseObjection(@NotBlank @Pattern(regexp = ID) String memberId, @NotNull LocalDate objectedOn) {
    }

    record Vote(@NotNull VoteMode mode, @PositiveOrZero @com.fasterxml.jackson.annotation.JsonProperty("for") Integer inFavour,
                @PositiveOrZero Integer against, @PositiveOrZero Integer abstentions) {

        @AssertTrue(message = "a VOTE gives for, against and abstentions; a CONSENSUS gives none")
        boolean isTallyComplete() {
            if (mode == null) {
                return true;
            }
            boolean any = inFavour != null || against != null || abstentions != null;
            boolean all = inFavour != null && against != null && abstentions != null;
            return mode == VoteMode.VOTE ? all : !any;
        }
    }

    /**
     * {@code documentSymbol} names the document adopted; {@code elected} is ELECT_BUREAU's, {@code workingBody}
     * ESTABLISH_WORKING_BODY's and {@code mandateUntil} EXTEND_MANDATE's (each required for its kind).
     */
    record AdoptDecision(@NotBlank @Size(max = 64) String agendaItemId, @NotNull DecisionKind kind,
                         @Size(max = 64) String subject, Integer version, @NotBlank @Size(max = 20000) String text,
                         @NotNull @Valid Vote vote, @NotNull LocalDate adoptedOn,
                         @Size(max = 40) String documentSymbol,
                         @Size(max = 100) List<@Valid @NotNull Election> elected,
                         @Valid WorkingBody workingBody, LocalDate mandateUntil) {

        List<MeetingEvent.Election> seats() {
            return elected == null ? List.of() : elected.stream().map(e -> new MeetingEvent.Election(e.memberId(),
                    e.post(), e.representativeId(), e.termFrom(), e.termUntil())).toList();
        }

        MeetingEvent.WorkingBodyMandate mandate() {
            return workingBody == null ? null : new MeetingEvent.WorkingBodyMandate(workingBody.id(), workingBody.name(),
                    workingBody.kind(), workingBody.termsOfReference(), workingBody.mandateUntil(), workingBody.members());
        }
    }

    record PublishReport(@NotNull LocalDate publishedOn, @NotBlank @Size(max = 40) String documentSymbol) {
    }

    record CorrectRecord(@NotBlank @Size(max = 64) String correctsEventId, @NotBlank @Size(max = 2000) String reason,
                         @Size(max = 20000) String text, LocalDate adoptedOn) {
    }
}
