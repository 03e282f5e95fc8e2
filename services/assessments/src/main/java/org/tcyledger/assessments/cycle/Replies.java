package org.tcyledger.assessments.cycle;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.tcyledger.assessments.cycle.CycleCommands.RecordReply;
import org.tcyledger.contracts.assessments.AssessmentEvent;
import org.tcyledger.contracts.assessments.AssessmentEvent.Answer;
import org.tcyledger.eventsourcing.RuleViolation;

/**
 * The replies to the questionnaire (domain.md §3): an assessed Party replies once the questionnaire is published,
 * once, and only to its questions; a reply after the deadline is recorded and flagged late, and so is a correction
 * that moves it past the deadline.
 */
final class Replies {

    private Replies() {
    }

    static void check(CycleState state, RecordReply command) {
        AssessedParties.assessed(state, command.partyId());
        if (state.questionnaire() == null) {
            throw new RuleViolation("reply-needs-questionnaire", "No questionnaire of " + state.id() + " was published yet");
        }
        if (state.replies().containsKey(command.partyId())) {
            throw new RuleViolation("reply-once", command.partyId() + " replied on "
                    + state.replies().get(command.partyId()).receivedOn());
        }
        answerQuestions(state, command.answers());
    }

    static void answerQuestions(CycleState state, List<Answer> answers) {
        Set<String> questions = state.questionnaire().questions().stream()
                .map(AssessmentEvent.Question::id).collect(Collectors.toSet());
        answers.stream().filter(answer -> !questions.contains(answer.questionId())).findFirst().ifPresent(answer -> {
            throw new RuleViolation("answer-to-a-question", "The questionnaire has no question " + answer.questionId());
        });
    }

    static boolean late(CycleState state, LocalDate receivedOn) {
        return receivedOn.isAfter(state.launched().replyDeadline());
    }
}
