package dev.callflow.device;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callflow.timeline.Event;
import dev.callflow.timeline.Level;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A launch that blocks past the watchdog: the app dies with 0x8badf00d, its push fails, and failures lead to a ban (R-PUSH-2). */
@Timeout(10)
class LaunchWatchdogTest extends DeviceTest {
    @Test
    void aPushLaunchThatExceedsTheWatchdogKillsTheAppBeforeThePushIsDelivered() {
        f.device().launchExceedsWatchdog(true);
        UUID call = UUID.randomUUID();

        f.device().deliverVoipPush(push(call));

        Event launched = f.await("appLaunched", null);
        assertThat(f.device().settled()).as("a hanging launch is work in flight").isFalse();
        Event killed = f.awaitAfter(launched, "appTerminated", null);
        assertThat(killed.level()).isEqualTo(Level.ERROR);
        assertThat(killed.attributes()).containsEntry("reason", "launchWatchdog").containsEntry("exception", "0x8badf00d");
        assertThat(killed.micros() - launched.micros())
                .isGreaterThanOrEqualTo(f.device().timing().launchWatchdog().toNanos() / 1000);
        Event failed = f.awaitAfter(killed, "pushNotDelivered", call);
        assertThat(failed.attributes()).containsEntry("failures", "1");
        f.settle();
        assertThat(app.launches).as("didFinishLaunching never finished").hasValue(0);
        assertThat(f.events("didReceiveIncomingPush", null)).isEmpty();
        assertThat(f.device().appState()).isEqualTo(AppState.NOT_RUNNING);
    }

    @Test
    void afterThresholdWatchdogKillsTheNextPushIsNotDelivered() {
        f.device().launchExceedsWatchdog(true);
        f.device().pushBanThreshold(2);
        for (int i = 1; i <= 2; i++) {
            UUID call = UUID.randomUUID();
            f.device().deliverVoipPush(push(call));
            f.await("pushNotDelivered", call);
        }
        UUID banned = UUID.randomUUID();

        f.device().deliverVoipPush(push(banned));

        Event refused = f.await("pushNotDelivered", banned);
        assertThat(refused.attributes().get("why")).isEqualTo(SimulatedPushRegistry.BAN_MESSAGE);
        f.settle();
        assertThat(f.events("appLaunched", null)).hasSize(2);
    }

    @Test
    void withoutTheFaultTheSameLaunchFinishes() {
        UUID call = UUID.randomUUID();

        f.device().deliverVoipPush(push(call));

        f.await("reportNewIncomingCallCompletion", call);
        f.settle();
        assertThat(f.events("appTerminated", null)).isEmpty();
        assertThat(app.launches).hasValue(1);
    }
}
