package dev.callflow.device;

import dev.callflow.platform.ActionRequest;
import dev.callflow.platform.AudioSessionError;
import dev.callflow.platform.CallAction;
import static org.assertj.core.api.Assertions.assertThat;

import dev.callflow.timeline.Event;
import dev.callflow.timeline.Source;

import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Only the system activates the session for a call; the app hears about it on its main queue (R-AUD-1, R-AUD-2). */
@Timeout(10)
class AudioSessionTest extends LaunchedDeviceTest {
    @Test
    void fulfilledAnswerActivatesTheSessionForThatCallOnTheMainQueue() {
        UUID call = f.ringingCall();

        f.device().callUi().answer(call);

        Event fulfill = f.await("fulfill", call);
        Event activated = f.awaitAfter(fulfill, "didActivateAudioSession", call);
        assertThat(activated.source()).isEqualTo(Source.SYSTEM);
        f.settle(); // the event is recorded just before the delegate runs
        assertThat(app.activationThread).isNotNull();
        assertThat(app.activationThread.getName()).isEqualTo(f.mainThreadName());
        assertThat(activated.thread()).as("recorded on the main queue's lane").isEqualTo(VirtualClock.Lane.MAIN.thread());
        assertThat(activated.micros() - fulfill.micros()).as("the observed iOS latency, exactly, in virtual time")
                .isEqualTo(TimingProfile.REAL_ACTIVATION.toNanos() / 1000);
        assertThat(f.device().audioSession().isSystemActive()).isTrue();
        assertThat(f.device().callUi().activeCall()).contains(call);
    }

    @Test
    void failedAnswerActivatesNothingAndEndsTheCall() {
        app.onAnswer = CallAction::fail;
        UUID call = f.ringingCall();

        f.device().callUi().answer(call);

        Event fail = f.await("fail", call);
        f.awaitAfter(fail, "callEnded", call);
        f.settle();
        assertThat(f.events("didActivateAudioSession", null)).isEmpty();
        assertThat(f.device().audioSession().isSystemActive()).isFalse();
        assertThat(f.device().liveCalls()).isEmpty();
    }

    @Test
    void appActivationWhileTheSystemHoldsTheSessionFailsWithInsufficientPriority() {
        f.activeCall();

        Optional<AudioSessionError> error = app.env().audioSession().setActive(true);

        assertThat(error).contains(AudioSessionError.INSUFFICIENT_PRIORITY);
        assertThat(error.get().code()).isEqualTo(561017449);
        assertThat(f.await("audioSessionSetActive", null).attributes())
                .containsEntry("active", "true").containsEntry("error", "561017449");
    }

    @Test
    void appActivationBeforeTheCallSucceedsButBlocksTheSystemActivation() {
        Optional<AudioSessionError> error = app.env().audioSession().setActive(true);
        assertThat(error).isEmpty();
        UUID call = f.ringingCall();

        f.device().callUi().answer(call);

        Event fulfill = f.await("fulfill", call);
        Event failed = f.awaitAfter(fulfill, "audioSessionActivationFailed", call);
        assertThat(failed.source()).isEqualTo(Source.SYSTEM);
        f.settle();
        assertThat(f.events("didActivateAudioSession", null)).isEmpty();
        assertThat(f.device().audioSession().isSystemActive()).isFalse();
    }

    @Test
    void suppressedActivationNeverReachesTheApp() {
        f.device().activationPolicy(c -> false);
        UUID call = f.ringingCall();

        f.device().callUi().answer(call);

        f.await("activationSuppressed", call);
        f.settle();
        assertThat(f.events("didActivateAudioSession", null)).isEmpty();
    }

    @Test
    void fulfilledEndOfTheOnlyCallDeactivatesTheSession() {
        UUID call = f.activeCall();

        app.request(ActionRequest.end(call));

        Event end = f.await("performEndCallAction", call);
        Event deactivated = f.awaitAfter(end, "didDeactivateAudioSession", call);
        assertThat(deactivated.source()).isEqualTo(Source.SYSTEM);
        f.settle();
        assertThat(f.device().audioSession().isSystemActive()).isFalse();
    }

    @Test
    void endAndAcceptDeactivatesBeforeItActivatesTheNewCall() {
        UUID first = f.activeCall();
        UUID second = f.ringingCall();
        assertThat(f.await("incomingCallUiShown", second).attributes())
                .containsEntry("options", "endAndAccept,holdAndAccept,decline");

        f.device().callUi().endAndAccept(second);

        Event end = f.await("performEndCallAction", first);
        assertThat(end.attributes()).containsEntry("origin", "systemCallUi");
        Event answer = f.awaitAfter(end, "performAnswerCallAction", second);
        Event deactivated = f.awaitAfter(end, "didDeactivateAudioSession", first);
        Event activated = f.awaitAfter(answer, "didActivateAudioSession", second);
        assertThat(deactivated.seq()).isLessThan(activated.seq());
        f.settle();
        assertThat(f.device().liveCalls()).containsExactly(second);
        assertThat(f.device().callUi().activeCall()).contains(second);
    }

    @Test
    void endAndAcceptStillDeactivatesWhenTheAppFulfilsTheAnswerBeforeTheEnd() {
        UUID first = f.activeCall();
        UUID second = f.ringingCall();
        java.util.concurrent.atomic.AtomicReference<dev.callflow.platform.CallAction> heldEnd = new java.util.concurrent.atomic.AtomicReference<>();
        f.app().onEnd = heldEnd::set;
        f.app().onAnswer = answer -> {
            answer.fulfill();
            heldEnd.get().fulfill();
        };

        f.device().callUi().endAndAccept(second);

        Event answered = f.await("performAnswerCallAction", second);
        Event deactivated = f.awaitAfter(answered, "didDeactivateAudioSession", first);
        Event activated = f.awaitAfter(answered, "didActivateAudioSession", second);
        assertThat(deactivated.seq()).as("R-MULTI-2: deactivated before activated again").isLessThan(activated.seq());
    }
}
