package dev.callflow.device;

import dev.callflow.platform.ActionType;
import dev.callflow.platform.CallAction;
import static org.assertj.core.api.Assertions.assertThat;

import dev.callflow.timeline.Event;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Hangs (R-TX-2), providerDidReset (R-END-4), a missing didActivate (R-AUD-6), time markers. Test scale 1/100. */
@Timeout(10)
class DeviceFaultsTest extends LaunchedDeviceTest {
    /** Longer than the 30 s action timeout. */
    private static final Duration LONG_HANG = Duration.ofSeconds(40);

    @Test
    void aHangInsideTheAnswerLetsTheSystemTimeItOutAndEndTheCall() {
        AtomicReference<CallAction.State> seenByApp = new AtomicReference<>();
        app.onAnswer = a -> seenByApp.set(a.state()); // runs only after the hang
        UUID call = f.ringingCall();
        f.device().faults().hangInNextAction(ActionType.ANSWER, LONG_HANG);

        f.device().callUi().answer(call);

        Event perform = f.await("performAnswerCallAction", call);
        Event hang = f.awaitAfter(perform, "appMainThreadHangs", null);
        assertThat(hang.attributes()).containsEntry("in", "performAnswerCallAction").containsEntry("for", "40000ms");
        Event timedOut = f.awaitAfter(hang, "timedOutPerformingAction", call);
        Event resumed = f.awaitAfter(timedOut, "appMainThreadResumes", null);
        assertThat(timedOut.micros() - perform.micros()).as("the action timeout, exactly").isEqualTo(30_000_000);
        assertThat(resumed.micros() - perform.micros()).as("the hang, exactly").isEqualTo(40_000_000);
        Event end = f.awaitAfter(resumed, "performEndCallAction", call);
        assertThat(end.attributes()).containsEntry("origin", "actionTimeout");
        f.settle();
        assertThat(seenByApp.get()).isEqualTo(CallAction.State.TIMED_OUT);
        assertThat(f.device().liveCalls()).isEmpty();
    }

    @Test
    void theHangIsArmedForOneActionOnly() {
        UUID call = f.ringingCall();
        f.device().faults().hangInNextAction(ActionType.END, Duration.ofMillis(100));

        f.device().callUi().decline(call);

        f.await("appMainThreadResumes", null);
        f.await("callEnded", call);
        UUID second = f.ringingCall();
        f.device().callUi().decline(second);
        f.await("callEnded", second);
        f.settle();
        assertThat(f.events("appMainThreadHangs", null)).hasSize(1);
        assertThat(f.events("timedOutPerformingAction", null)).isEmpty();
    }

    @Test
    void anIdleHangDelaysEverythingQueuedBehindIt() {
        UUID call = f.ringingCall();
        f.device().faults().hangMainThread(LONG_HANG);
        f.await("appMainThreadHangs", null);

        f.device().callUi().answer(call);

        Event timedOut = f.await("timedOutPerformingAction", call);
        f.awaitAfter(timedOut, "appMainThreadResumes", null);
        f.await("callEnded", call);
        f.settle();
        assertThat(f.events("performAnswerCallAction", call)).as("the timed-out answer is never delivered").isEmpty();
    }

    @Test
    void providerResetEndsEveryCallDeactivatesAndTellsTheDelegate() {
        AtomicInteger resets = new AtomicInteger();
        app.onReset = resets::incrementAndGet;
        UUID active = f.activeCall();

        f.device().faults().resetProvider();

        Event reset = f.await("providerReset", null);
        assertThat(reset.attributes()).containsEntry("liveCalls", "1");
        f.awaitAfter(reset, "providerDidReset", null);
        f.awaitAfter(reset, "didDeactivateAudioSession", active);
        f.settle();
        assertThat(resets).hasValue(1);
        assertThat(f.device().liveCalls()).isEmpty();
        assertThat(f.device().audioSession().isSystemActive()).isFalse();
        assertThat(f.events("callEnded", active).get(0).attributes()).containsEntry("why", "provider reset");
    }

    @Test
    void anActionPendingAtResetNeedsNoAnswerAndALateFulfilIsMarked() {
        AtomicReference<CallAction> held = new AtomicReference<>();
        app.onAnswer = held::set; // the app waits (for its server, say)
        UUID call = f.ringingCall();
        f.device().callUi().answer(call);
        f.await("performAnswerCallAction", call);

        f.device().faults().resetProvider();
        f.await("providerDidReset", null);
        f.settle();
        assertThat(f.events("timedOutPerformingAction", null)).as("a reset action never times out").isEmpty();

        held.get().fulfill();
        Event late = f.await("fulfill", call);
        assertThat(late.attributes()).containsEntry("callGone", "true");
        f.settle();
        assertThat(f.events("didActivateAudioSession", null)).isEmpty();
    }

    @Test
    void resetWhileRingingEndsTheRingingCall() {
        UUID call = f.ringingCall();

        f.device().faults().resetProvider();

        f.await("providerDidReset", null);
        f.settle();
        assertThat(f.device().liveCalls()).isEmpty();
        assertThat(f.device().callUi().ringingCall()).isEmpty();
        assertThat(f.events("callEnded", call)).hasSize(1);
    }

    @Test
    void neverActivateSuppressesDidActivate() {
        f.device().faults().neverActivateAudio();
        UUID call = f.ringingCall();

        f.device().callUi().answer(call);

        f.await("activationSuppressed", call);
        f.settle();
        assertThat(f.events("didActivateAudioSession", null)).isEmpty();
        assertThat(f.device().liveCalls()).containsExactly(call);
    }

    @Test
    void timePassesRecordsAMarkerAfterExactlyThatMuchVirtualTime() {
        Event started = f.device().timePasses(Duration.ofSeconds(5));

        assertThat(started.attributes()).containsEntry("duration", "5000ms");
        assertThat(f.device().settled()).as("time passing counts as activity").isFalse();
        Event passed = f.awaitAfter(started, "timePassed", null);
        assertThat(passed.micros() - started.micros()).isEqualTo(5_000_000);
    }
}
