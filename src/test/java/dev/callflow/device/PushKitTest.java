package dev.callflow.device;

import dev.callflow.platform.PlatformException;
import static org.assertj.core.api.Assertions.assertThat;

import dev.callflow.timeline.Event;
import dev.callflow.timeline.Level;
import dev.callflow.timeline.Source;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Every VoIP push is reported before the delegate returns, or the app dies; repeat offenders lose pushes (R-PUSH-1/2). */
@Timeout(10)
class PushKitTest extends DeviceTest {
    private static final String KILL_MESSAGE = "Killing app because it never posted an incoming call to the system after "
            + "receiving a PushKit VoIP push.";

    @Test
    void pushToAKilledAppLaunchesItInTheBackgroundThenDeliversThePush() {
        UUID call = UUID.randomUUID();

        f.device().deliverVoipPush(push(call));

        Event launched = f.await("appLaunched", null);
        assertThat(launched.source()).isEqualTo(Source.SYSTEM);
        assertThat(launched.attributes()).containsEntry("reason", "voipPush").containsEntry("state", "background");
        Event received = f.awaitAfter(launched, "didReceiveIncomingPush", call);
        assertThat(received.attributes()).containsEntry("type", "voIP");
        f.awaitAfter(received, "reportNewIncomingCall", call);
    }

    @Test
    void handlerThatReportsSynchronouslyKeepsTheAppAlive() {
        UUID call = UUID.randomUUID();

        f.device().deliverVoipPush(push(call));

        f.await("pushCompletion", call);
        f.await("reportNewIncomingCallCompletion", call);
        f.settle();
        assertThat(f.events("pushNotReported", null)).isEmpty();
        assertThat(f.events("appTerminated", null)).isEmpty();
        assertThat(f.device().appState()).isEqualTo(AppState.BACKGROUND);
        assertThat(f.device().liveCalls()).containsExactly(call);
    }

    @Test
    void handlerThatReturnsWithoutReportingGetsTheAppKilled() {
        app.onPush = (push, completion) -> completion.run();
        UUID call = UUID.randomUUID();

        f.device().deliverVoipPush(push(call));

        Event notReported = f.await("pushNotReported", call);
        assertThat(notReported.level()).isEqualTo(Level.ERROR);
        assertThat(notReported.attributes()).containsEntry("exception", "NSInternalInconsistencyException")
                .containsEntry("failures", "1");
        Event terminated = f.awaitAfter(notReported, "appTerminated", null);
        assertThat(terminated.attributes()).containsEntry("exception", "NSInternalInconsistencyException")
                .containsEntry("detail", KILL_MESSAGE);
        assertThat(f.device().appState()).isEqualTo(AppState.NOT_RUNNING);
    }

    @Test
    void afterThreeUnreportedPushesFurtherPushesAreNotDeliveredAndTheAppIsNotLaunched() {
        app.onPush = (push, completion) -> completion.run();
        for (int i = 1; i <= 3; i++) {
            f.device().deliverVoipPush(push(UUID.randomUUID()));
            f.awaitNth("appTerminated", i);
        }
        long before = f.timeline().size() + 1L;
        UUID call = UUID.randomUUID();

        f.device().deliverVoipPush(push(call));

        Event refused = f.await(DeviceFixture.named("pushNotDelivered", call), before, "pushNotDelivered");
        assertThat(refused.attributes().get("why"))
                .contains("will not be launched because it failed to report an incoming call too many times");
        f.settle();
        assertThat(f.events("appLaunched", null)).hasSize(3);
        assertThat(f.events("didReceiveIncomingPush", call)).isEmpty();
        assertThat(f.device().appState()).isEqualTo(AppState.NOT_RUNNING);
    }

    @Test
    void handlerThatThrowsCrashesTheApp() {
        app.onPush = (push, completion) -> {
            throw new PlatformException("NSInvalidArgumentException", "parameter 'UUID' cannot be nil");
        };
        UUID call = UUID.randomUUID();

        f.device().deliverVoipPush(push(call));

        Event received = f.await("didReceiveIncomingPush", call);
        Event terminated = f.awaitAfter(received, "appTerminated", null);
        assertThat(terminated.attributes()).containsEntry("reason", "crash")
                .containsEntry("exception", "NSInvalidArgumentException");
        assertThat(f.device().appState()).isEqualTo(AppState.NOT_RUNNING);
    }

    @Test
    void withoutAPushDelegateAtLaunchThePushIsNotDeliveredAndTheAppIsKilled() {
        app.setPushDelegateAtLaunch = false;
        UUID call = UUID.randomUUID();

        f.device().deliverVoipPush(push(call));

        Event notDelivered = f.await("pushNotDelivered", call);
        assertThat(notDelivered.attributes().get("why")).contains("no PKPushRegistry delegate");
        Event terminated = f.awaitAfter(notDelivered, "appTerminated", null);
        assertThat(terminated.attributes()).containsEntry("exception", "NSInternalInconsistencyException");
        assertThat(f.events("didReceiveIncomingPush", null)).isEmpty();
    }
}
