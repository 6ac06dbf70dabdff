package dev.callflow.device;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callflow.timeline.Event;

import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A cellular call interrupts the app's active call (R-MULTI-3, R-AUD-7). */
@Timeout(10)
class OtherCallsTest extends LaunchedDeviceTest {
    private UUID call;

    @BeforeEach
    void activeCall() {
        call = f.activeCall();
        f.device().otherCalls().incoming(OtherCalls.Kind.CELLULAR);
    }

    private Event holdAndAccept() {
        f.device().otherCalls().holdAndAccept();
        Event hold = f.await("performSetHeldCallAction", call);
        f.awaitAfter(hold, "didDeactivateAudioSession", call);
        f.settle();
        return hold;
    }

    @Test
    void holdAndAcceptHoldsTheAppsCall() {
        Event hold = holdAndAccept();

        assertThat(hold.attributes()).containsEntry("onHold", "true").containsEntry("origin", "otherCall");
        assertThat(f.device().audioSession().isSystemActive()).isFalse();
        assertThat(f.device().liveCalls()).containsExactly(call);
    }

    @Test
    void otherCallEndedLocallyResumesTheHeldCall() {
        holdAndAccept();
        long from = f.timeline().size() + 1L;

        f.device().otherCalls().otherCallEnds(false);

        Event unhold = f.await(DeviceFixture.named("performSetHeldCallAction", call), from, "unhold");
        assertThat(unhold.attributes()).containsEntry("onHold", "false").containsEntry("origin", "otherCallEnded");
        Event activated = f.awaitAfter(unhold, "didActivateAudioSession", call);
        assertThat(activated.seq()).isGreaterThan(unhold.seq());
    }

    @Test
    void otherCallEndedRemotelyLeavesTheCallHeldWithoutActivation() {
        holdAndAccept();

        f.device().otherCalls().otherCallEnds(true);

        Event ended = f.await("otherCallEnded", null);
        assertThat(ended.attributes()).containsEntry("by", "remote");
        f.settle();
        assertThat(f.timeline().events()).filteredOn(e -> e.seq() > ended.seq())
                .noneMatch(e -> e.is("performSetHeldCallAction") || e.is("didActivateAudioSession"));
        assertThat(f.device().audioSession().isSystemActive()).isFalse();
        assertThat(f.device().liveCalls()).containsExactly(call);
    }

    @Test
    void endAndAcceptEndsTheAppsCall() {
        f.device().otherCalls().endAndAccept();

        Event end = f.await("performEndCallAction", call);
        assertThat(end.attributes()).containsEntry("origin", "otherCall");
        f.awaitAfter(end, "callEnded", call);
        f.awaitAfter(end, "didDeactivateAudioSession", call);
        assertThat(f.device().liveCalls()).isEmpty();
    }
}
