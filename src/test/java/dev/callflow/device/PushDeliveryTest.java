package dev.callflow.device;

import dev.callflow.platform.Handle;
import dev.callflow.platform.HandleType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callflow.timeline.Event;
import dev.callflow.timeline.Level;
import dev.callflow.timeline.Source;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The network between APNs and the phone: late, lost and duplicated VoIP pushes (R-PUSH-7, R-PUSH-8). */
@Timeout(10)
class PushDeliveryTest extends DeviceTest {
    @Test
    void aDelayedPushArrivesAfterItsDelayAndTheDeviceIsNotSettledMeanwhile() {
        Duration delay = Duration.ofMillis(150);
        f.device().pushDeliveryPolicy(p -> PushDeliveryPolicy.delay(delay));
        UUID call = UUID.randomUUID();

        f.device().deliverVoipPush(push(call));

        Event delayed = f.await("pushDeliveryDelayed", call);
        assertThat(delayed.attributes()).containsEntry("delay", "150ms");
        assertThat(f.device().settled()).as("a push on its way keeps the device busy").isFalse();
        Event launched = f.awaitAfter(delayed, "appLaunched", null);
        assertThat(launched.micros() - delayed.micros()).isGreaterThanOrEqualTo(delay.toNanos() / 1000);
        f.awaitAfter(launched, "didReceiveIncomingPush", call);
        f.await("reportNewIncomingCallCompletion", call);
    }

    @Test
    void aDroppedPushNeverReachesTheApp() {
        f.device().pushDeliveryPolicy(p -> PushDeliveryPolicy.drop());
        UUID call = UUID.randomUUID();

        f.device().deliverVoipPush(push(call));

        Event dropped = f.await("pushDropped", call);
        assertThat(dropped.level()).isEqualTo(Level.WARNING);
        f.settle();
        assertThat(f.events("appLaunched", null)).isEmpty();
        assertThat(f.events("didReceiveIncomingPush", null)).isEmpty();
        assertThat(f.device().appState()).isEqualTo(AppState.NOT_RUNNING);
    }

    @Test
    void aDuplicatedPushIsDeliveredTwiceAndTheSecondReportFindsTheCallAlreadyThere() {
        f.launch();
        f.device().pushDeliveryPolicy(p -> PushDeliveryPolicy.duplicate());
        UUID call = UUID.randomUUID();

        f.device().deliverVoipPush(push(call));

        f.awaitNth("reportNewIncomingCallCompletion", 2);
        f.settle();
        assertThat(f.events("didReceiveIncomingPush", call)).hasSize(2);
        assertThat(f.events("reportNewIncomingCallCompletion", call))
                .extracting(e -> e.attributes().get("error"))
                .containsExactly(null, "callUUIDAlreadyExists");
        assertThat(f.events("pushNotReported", null)).as("an erroring report still counts (R-PUSH-8)").isEmpty();
        assertThat(f.device().liveCalls()).containsExactly(call);
        assertThat(f.device().callUi().ringingCall()).contains(call);
    }

    @Test
    void pushesInPairsReachTheAppTogetherBeforeEitherReportCompletes() {
        f.launch();
        f.device().pushDeliveryPolicy(PushDeliveryPolicy.inPairs());
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();

        f.device().deliverVoipPush(push(first));
        f.await("pushDeliveryHeld", first);
        assertThat(f.events("didReceiveIncomingPush", null)).as("the first push waits for the second").isEmpty();
        assertThat(f.device().settled()).as("a held push keeps the device busy").isFalse();
        f.device().deliverVoipPush(push(second));

        f.awaitNth("reportNewIncomingCallCompletion", 2);
        f.settle();
        java.util.List<String> order = f.device().timeline().events().stream()
                .filter(e -> e.is("didReceiveIncomingPush") || e.is("reportNewIncomingCallCompletion"))
                .map(e -> e.name() + ":" + (first.equals(e.call()) ? "first" : "second")).toList();
        assertThat(order).as("both handlers run before either report's completion").containsExactly(
                "didReceiveIncomingPush:first", "didReceiveIncomingPush:second",
                "reportNewIncomingCallCompletion:first", "reportNewIncomingCallCompletion:second");
    }

    @Test
    void aCallCarriedOverFromAnEarlierLaunchIsLiveButUnknownToTheApp() {
        f.launch();
        UUID ghost = UUID.randomUUID();

        f.device().carryOverCall(ghost, new dev.callflow.platform.Handle(dev.callflow.platform.HandleType.GENERIC, "carol"));

        assertThat(f.device().liveCalls()).containsExactly(ghost);
        f.device().callUi().end(ghost);
        f.await("performEndCallAction", ghost);
        assertThatThrownBy(() -> f.device().carryOverCall(UUID.randomUUID(), null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void theDefaultPolicyDeliversAtOnce() {
        UUID call = UUID.randomUUID();

        f.device().deliverVoipPush(push(call));

        f.await("didReceiveIncomingPush", call);
        assertThat(f.events("pushDeliveryDelayed", null)).isEmpty();
    }

    @Test
    void whatHappensWhileALatePushIsOnItsWayLandsInsideTheDelayOnce() {
        f.device().pushDeliveryPolicy(p -> PushDeliveryPolicy.delay(Duration.ofMillis(50)));
        UUID call = UUID.randomUUID();
        f.device().whilePushInFlight(call, () -> f.timeline().record(Source.SIGNALLING, "callStateChanged", call,
                "state", "cancelled"));

        f.device().deliverVoipPush(push(call));
        f.device().deliverVoipPush(push(call));

        Event delayed = f.await("pushDeliveryDelayed", call);
        Event cancelled = f.awaitAfter(delayed, "callStateChanged", call);
        f.awaitAfter(cancelled, "didReceiveIncomingPush", call);
        f.awaitNth("reportNewIncomingCallCompletion", 2);
        f.settle();
        assertThat(f.events("callStateChanged", call)).as("it happens for the first push only").hasSize(1);
    }

    @Test
    void whatHappensWhileAPushIsOnItsWayPrecedesEvenAnImmediateDelivery() {
        UUID call = UUID.randomUUID();
        f.device().whilePushInFlight(call, () -> f.timeline().record(Source.SIGNALLING, "callStateChanged", call));

        f.device().deliverVoipPush(push(call));

        Event cancelled = f.await("callStateChanged", call);
        f.awaitAfter(cancelled, "didReceiveIncomingPush", call);
    }

    @Test
    void twoHappeningsForOnePushAreRefusedRatherThanOneSilentlyLost() {
        UUID call = UUID.randomUUID();
        f.device().whilePushInFlight(call, () -> { });

        assertThatThrownBy(() -> f.device().whilePushInFlight(call, () -> { }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("combine both into one step");
    }
}
