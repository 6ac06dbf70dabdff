package dev.callflow.junit;

import dev.callflow.steps.Phone;

import static dev.callflow.junit.CallflowAssertions.assertThat;
import static dev.callflow.junit.Expect.app;
import static dev.callflow.junit.Expect.sdk;
import static dev.callflow.junit.Expect.system;

class ExampleCallTest {

    @CallflowTest(iut = "reference")
    void answeringStartsMediaOnlyAfterTheSessionIsActive(Phone phone) {
        answerCall(phone);
    }

    /** The example's acts and checks, also run against a mutant by {@link MutantCaughtTest}. */
    static void answerCall(Phone phone) {
        phone.appInBackground()
                .serverOffersCall("A", "alice")
                .userAnswers("A")
                .audioRuns("A");
        assertThat(phone.timeline()).hasInOrder(
                system("performAnswerCallAction").call("A"),
                app("fulfill").call("A").with("action", "answer"),
                system("didActivateAudioSession").call("A"),
                sdk("startAudio").call("A").with("result", "ok"));
        phone.ruleHolds("R-AUD-2");
    }
}
