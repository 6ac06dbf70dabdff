package dev.callflow.junit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Java example catches a real bug: media started inside the answer action, before the session is active. */
class MutantCaughtTest {

    @Test
    void theExampleFailsOnAMutantThatStartsAudioInTheAnswer() {
        try (CallflowRun run = CallflowRun.open("mutant:start-audio-in-answer", "default", 0L, "realistic");
             PhoneSession session = run.newPhone(getClass().getName() + "#example")) {
            assertThatThrownBy(() -> ExampleCallTest.answerCall(session.phone()))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("didActivateAudioSession");
            assertThat(session.undeclaredViolations()).hasValueSatisfying(found -> assertThat(found).contains("R-AUD-2"));
        }
    }

    @Test
    void theReferenceBreaksNoRuleInTheExample() {
        try (CallflowRun run = CallflowRun.open("reference", "default", 0L, "realistic");
             PhoneSession session = run.newPhone(getClass().getName() + "#example")) {
            ExampleCallTest.answerCall(session.phone());
            assertThat(session.undeclaredViolations()).isEmpty();
        }
    }
}
