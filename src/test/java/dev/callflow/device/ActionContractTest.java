package dev.callflow.device;

import dev.callflow.platform.CallAction;
import static org.assertj.core.api.Assertions.assertThat;

import dev.callflow.timeline.Event;
import dev.callflow.timeline.Level;
import dev.callflow.timeline.Source;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Every action is completed exactly once, within its timeout (R-TX-1, R-TX-2). */
@Timeout(10)
class ActionContractTest extends LaunchedDeviceTest {
    @Test
    void secondFulfillIsRecordedAsDuplicateAndChangesNothing() {
        app.onAnswer = a -> {
            a.fulfill();
            a.fulfill();
        };
        UUID call = f.ringingCall();

        f.device().callUi().answer(call);

        Event first = f.await("fulfill", call);
        Event second = f.awaitAfter(first, "fulfill", call);
        assertThat(first.attributes()).containsEntry("action", "answer").doesNotContainKey("duplicate");
        assertThat(second.attributes()).containsEntry("action", "answer").containsEntry("duplicate", "true");
        f.await("didActivateAudioSession", call);
        f.settle();
        assertThat(f.events("didActivateAudioSession", call)).hasSize(1);
        assertThat(f.device().liveCalls()).containsExactly(call);
    }

    @Test
    void failAfterFulfillIsRecordedAsDuplicateAndDoesNotEndTheCall() {
        app.onAnswer = a -> {
            a.fulfill();
            a.fail();
        };
        UUID call = f.ringingCall();

        f.device().callUi().answer(call);

        Event fail = f.await("fail", call);
        assertThat(fail.attributes()).containsEntry("action", "answer").containsEntry("duplicate", "true");
        f.await("didActivateAudioSession", call);
        f.settle();
        assertThat(f.events("callEnded", call)).isEmpty();
        assertThat(f.device().liveCalls()).containsExactly(call);
    }

    @Test
    void answerNeverCompletedTimesOutAndTheSystemEndsTheCall() {
        AtomicReference<CallAction> answer = new AtomicReference<>();
        AtomicReference<CallAction> timedOut = new AtomicReference<>();
        app.onAnswer = answer::set;
        app.onTimedOut = timedOut::set;
        UUID call = f.ringingCall();

        f.device().callUi().answer(call);

        Event timeout = f.await("timedOutPerformingAction", call);
        assertThat(timeout.source()).isEqualTo(Source.SYSTEM);
        assertThat(timeout.level()).isEqualTo(Level.WARNING);
        assertThat(timeout.attributes()).containsEntry("action", "answer");
        Event end = f.awaitAfter(timeout, "performEndCallAction", call);
        assertThat(end.source()).isEqualTo(Source.SYSTEM);
        assertThat(end.attributes()).containsEntry("origin", "actionTimeout");
        f.awaitAfter(end, "callEnded", call);
        f.settle();
        assertThat(timedOut.get()).isSameAs(answer.get());
        assertThat(answer.get().state()).isEqualTo(CallAction.State.TIMED_OUT);
        assertThat(f.events("didActivateAudioSession", null)).isEmpty();
        assertThat(f.device().liveCalls()).isEmpty();
    }

    @Test
    void fulfillAfterTheTimeoutIsRecordedAndIgnored() {
        AtomicReference<CallAction> answer = new AtomicReference<>();
        app.onAnswer = answer::set;
        UUID call = f.ringingCall();
        f.device().callUi().answer(call);
        Event timeout = f.await("timedOutPerformingAction", call);

        answer.get().fulfill();

        // the app also fulfils the system's end action; that one may come first
        Event late = f.await(e -> e.is("fulfill") && call.equals(e.call())
                && "answer".equals(e.attributes().get("action")), timeout.seq() + 1, "the late answer fulfil");
        assertThat(late.source()).isEqualTo(Source.APP);
        assertThat(late.attributes()).containsEntry("action", "answer").containsEntry("afterTimeout", "true");
        f.settle();
        assertThat(answer.get().state()).isEqualTo(CallAction.State.TIMED_OUT);
        assertThat(f.events("didActivateAudioSession", null)).isEmpty();
    }
}
