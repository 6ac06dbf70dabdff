package dev.callflow.device;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callflow.platform.AppTimer;
import dev.callflow.platform.LaunchReason;
import dev.callflow.timeline.Event;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The app's timers live on the device's virtual clock, on the main queue, and die with the process. */
@Timeout(10)
class AppTimerTest extends LaunchedDeviceTest {
    @Test
    void aTimerFiresOnTheMainQueueAfterTheScaledDelay() {
        Event armed = f.timeline().record(dev.callflow.timeline.Source.APP, "armed", null);
        app.env().runOnMainAfter(Duration.ofSeconds(10), () -> app.env().log("timerFired", null,
                "thread", Thread.currentThread().getName()));

        assertThat(f.device().settled()).as("a pending timer counts as activity").isFalse();
        Event fired = f.awaitAfter(armed, "timerFired", null);
        assertThat(fired.attributes()).containsEntry("thread", f.mainThreadName());
        assertThat(fired.micros() - armed.micros()).as("10 s at scale 1/100").isGreaterThanOrEqualTo(100_000);
    }

    @Test
    void aCancelledTimerNeverFiresAndTheDeviceSettles() {
        AppTimer timer = app.env().runOnMainAfter(Duration.ofSeconds(60), () -> app.env().log("timerFired", null));

        timer.cancel();
        timer.cancel();

        f.settle();
        assertThat(f.events("timerFired", null)).isEmpty();
    }

    @Test
    void aTimerOfAKilledProcessNeverFires() {
        app.env().runOnMainAfter(Duration.ofSeconds(5), () -> app.env().log("timerFired", null));

        f.device().killApp();
        f.device().launchApp(LaunchReason.USER);
        f.awaitNth("scriptedAppLaunched", 2);

        f.settle();
        assertThat(f.events("timerFired", null)).isEmpty();
    }

    @Test
    void userDefaultsReachTheAppsEnvironment() {
        f.device().appDefault("maximumCallGroups", "1");

        assertThat(app.env().userDefault("maximumCallGroups")).contains("1");
        assertThat(app.env().userDefault("missing")).isEmpty();
    }

    /**
     * An app gives up on a call nobody answers with a long timer of its own (R-INC-5). While the call rings the person
     * acts first: a settle does not run to that timer, as it does not run to the system's ring timeout. Once the call
     * is answered, the timer is the phone's work in flight again.
     */
    @Test
    void aLongTimerArmedWhileACallRingsWaitsForThePersonAndHoldsTheSettleOnceAnswered() {
        java.util.UUID call = f.ringingCall();
        app.env().runOnMainAfter(Duration.ofSeconds(45), () -> app.env().log("gaveUp", call));

        assertThat(f.device().settled()).as("the call rings: its give-up timer waits").isTrue();
        f.settle();
        assertThat(f.events("gaveUp", call)).isEmpty();

        f.device().callUi().answer(call);
        f.await("didActivateAudioSession", call);
        f.settle();
        assertThat(f.events("gaveUp", call)).as("answered: the timer is in flight, and the settle ran it").hasSize(1);
    }

    @Test
    void aShortTimerHoldsTheSettleEvenWhileACallRings() {
        java.util.UUID call = f.ringingCall();
        app.env().runOnMainAfter(Duration.ofSeconds(19), () -> app.env().log("serverCheck", call));

        assertThat(f.device().settled()).isFalse();
        f.settle();
        assertThat(f.events("serverCheck", call)).hasSize(1);
    }

    /** An outgoing call waits for its callee, a person, as a ringing call does: until connectedAt, long timers wait. */
    @Test
    void aLongTimerArmedWhileTheCalleeIsAwaitedWaitsUntilTheCallConnects() {
        java.util.UUID call = java.util.UUID.randomUUID();
        assertThat(f.get(app.request(dev.callflow.platform.ActionRequest.start(call, ScriptedApp.CALLER))).value()).isEmpty();
        f.await("didActivateAudioSession", call);
        app.env().runOnMainAfter(Duration.ofSeconds(60), () -> app.env().log("noAnswer", call));

        f.settle();
        assertThat(f.events("noAnswer", call)).as("the callee has not answered yet").isEmpty();

        app.provider().reportOutgoingCallConnected(call);
        f.settle();
        assertThat(f.events("noAnswer", call)).as("connected: the timer is in flight again").hasSize(1);
    }
}
