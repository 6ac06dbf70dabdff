package dev.callflow.device;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callflow.platform.LaunchReason;
import dev.callflow.timeline.Event;
import dev.callflow.timeline.Level;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The app's process: killed, sent to the background by the lock screen, crashed by its own exceptions. */
@Timeout(10)
class LifecycleTest extends DeviceTest {
    @Test
    void killingTheAppEndsItsCallsAndDropsItsQueuedMainQueueWork() {
        f.launch();
        UUID call = f.activeCall();
        // queued, not yet run: the test holds the phone's clock until it waits
        app.env().runOnMain(() -> app.env().log("staleWork", null));

        f.device().killApp();

        Event terminated = f.await("appTerminated", null);
        assertThat(terminated.attributes()).containsEntry("reason", "killed");
        Event ended = f.awaitAfter(terminated, "callEnded", call);
        assertThat(ended.attributes()).containsEntry("why", "app terminated");
        f.settle();
        assertThat(f.events("staleWork", null)).isEmpty();
        assertThat(f.device().liveCalls()).isEmpty();
        assertThat(f.device().appState()).isEqualTo(AppState.NOT_RUNNING);
    }

    @Test
    void lockingTheScreenSendsAForegroundAppToTheBackground() {
        f.launch();
        assertThat(f.device().appState()).isEqualTo(AppState.FOREGROUND);

        f.device().lockScreen();

        Event locked = f.await("deviceLocked", null);
        f.awaitAfter(locked, "appDidEnterBackground", null);
        assertThat(f.device().appState()).isEqualTo(AppState.BACKGROUND);
        assertThat(f.device().isLocked()).isTrue();
    }

    @Test
    void exceptionFromAppCodeOnTheMainQueueCrashesTheApp() {
        f.launch();

        f.device().inApp(a -> {
            throw new IllegalStateException("boom");
        });

        Event terminated = f.await("appTerminated", null);
        assertThat(terminated.level()).isEqualTo(Level.ERROR);
        assertThat(terminated.attributes()).containsEntry("reason", "crash")
                .containsEntry("exception", IllegalStateException.class.getName())
                .containsEntry("detail", "boom");
        assertThat(f.device().appState()).isEqualTo(AppState.NOT_RUNNING);
    }

    @Test
    void exceptionInADelegateCallbackCrashesTheAppAndEndsItsCall() {
        f.launch();
        app.onAnswer = a -> {
            throw new IllegalStateException("answer blew up");
        };
        UUID call = f.ringingCall();

        f.device().callUi().answer(call);

        Event terminated = f.await("appTerminated", null);
        assertThat(terminated.attributes()).containsEntry("reason", "crash");
        f.awaitAfter(terminated, "callEnded", call);
        f.settle();
        assertThat(f.device().liveCalls()).isEmpty();
    }

    @Test
    void relaunchAfterAKillIsANewProcess() {
        f.launch();
        f.device().killApp();

        f.launch();

        assertThat(app.launches).hasValue(2);
        assertThat(f.events("appLaunched", null)).extracting(e -> e.attributes().get("reason"))
                .containsExactly(LaunchReason.USER.wireName(), LaunchReason.USER.wireName());
        assertThat(f.events("providerCreated", null)).last().satisfies(e ->
                assertThat(e.attributes()).containsEntry("liveProviders", "1"));
    }

    @Test
    void anActivationByAKilledProcessDoesNotOutliveIt() {
        f.launch();
        assertThat(app.env().audioSession().setActive(true)).isEmpty();
        f.device().killApp();
        f.launch();

        UUID call = f.activeCall();

        assertThat(f.events("audioSessionActivationFailed", call)).isEmpty();
        assertThat(f.device().audioSession().isSystemActive()).isTrue();
    }
}
