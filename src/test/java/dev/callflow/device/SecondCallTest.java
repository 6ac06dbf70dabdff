package dev.callflow.device;

import dev.callflow.platform.ActionRequest;
import dev.callflow.platform.CallEndedReason;
import dev.callflow.platform.CallUpdate;
import dev.callflow.platform.HandleType;
import dev.callflow.platform.IncomingCallError;
import dev.callflow.platform.ProviderConfiguration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callflow.timeline.Event;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A second call of the same app: what the UI offers (R-MULTI-1) and when a held call resumes (R-AUD-7). */
@Timeout(10)
class SecondCallTest {
    private final ScriptedApp app = new ScriptedApp();
    private DeviceFixture f;

    private void launch(int groups, int perGroup) {
        app.configuration = ProviderConfiguration.builder("ScriptedApp").maximumCallGroups(groups)
                .maximumCallsPerCallGroup(perGroup).supportedHandleTypes(java.util.EnumSet.of(HandleType.GENERIC)).build();
        f = new DeviceFixture(app).launch();
    }

    @AfterEach
    void close() {
        if (f != null) {
            f.close();
        }
    }

    private UUID ringingWithoutHolding() {
        UUID call = UUID.randomUUID();
        java.util.concurrent.CompletableFuture<Optional<IncomingCallError>> done = new java.util.concurrent.CompletableFuture<>();
        app.provider().reportNewIncomingCall(call, CallUpdate.builder().remoteHandle(ScriptedApp.CALLER).supportsHolding(false).build(),
                done::complete);
        assertThat(f.get(done)).isEmpty();
        return call;
    }

    @Test
    void aFirstCallOffersAnswerAndDecline() {
        launch(2, 1);
        UUID a = f.ringingCall();

        assertThat(f.device().callUi().options(a)).containsExactly("answer", "decline");
    }

    @Test
    void withTwoGroupsAndHoldingAllThreeChoicesAreOffered() {
        launch(2, 1);
        f.activeCall();
        UUID b = f.ringingCall();

        assertThat(f.device().callUi().options(b)).containsExactly("endAndAccept", "holdAndAccept", "decline");
        assertThat(f.await("incomingCallUiShown", b).attributes()).containsEntry("options", "endAndAccept,holdAndAccept,decline");
    }

    @Test
    void withoutSupportsHoldingHoldAndAcceptIsNotOfferedAndRefused() {
        launch(2, 1);
        f.activeCall();
        UUID b = ringingWithoutHolding();

        assertThat(f.device().callUi().options(b)).containsExactly("endAndAccept", "decline");
        assertThatThrownBy(() -> f.device().callUi().holdAndAccept(b)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("offers only");
        f.settle();
        assertThat(f.events("performSetHeldCallAction", null)).isEmpty();
    }

    @Test
    void withOneGroupTheHoldChoiceIsNotOffered() {
        launch(1, 2);
        f.activeCall();
        UUID b = f.ringingCall();

        assertThat(f.device().callUi().options(b)).containsExactly("endAndAccept", "decline");
    }

    @Test
    void withOneCallInOneGroupTheSecondReportIsRejected() {
        launch(1, 1);
        f.activeCall();

        Optional<IncomingCallError> error = f.get(app.reportIncoming(UUID.randomUUID())).value();

        assertThat(error).contains(IncomingCallError.UNKNOWN);
    }

    private UUID[] holdAndAccept() {
        launch(2, 1);
        UUID a = f.activeCall();
        UUID b = f.ringingCall();
        f.device().callUi().holdAndAccept(b);
        f.await("didActivateAudioSession", b);
        f.settle();
        return new UUID[] {a, b};
    }

    @Test
    void endingTheActiveCallOnThisPhoneResumesTheHeldOne() {
        UUID[] calls = holdAndAccept();
        long from = f.timeline().size() + 1L;

        f.get(app.request(ActionRequest.end(calls[1])));

        Event unhold = f.await(DeviceFixture.named("performSetHeldCallAction", calls[0]), from, "the system resumes A");
        assertThat(unhold.attributes()).containsEntry("onHold", "false").containsEntry("origin", "otherCallEnded");
        f.awaitAfter(unhold, "didActivateAudioSession", calls[0]);
        assertThat(f.device().liveCalls()).containsExactly(calls[0]);
    }

    @Test
    void aRemoteEndOfTheActiveCallLeavesTheHeldOneHeld() {
        UUID[] calls = holdAndAccept();
        long from = f.timeline().size() + 1L;

        app.provider().reportCallEnded(calls[1], java.time.Instant.now(), CallEndedReason.REMOTE_ENDED);

        f.settle();
        List<Event> after = f.timeline().events().stream().filter(e -> e.seq() >= from).toList();
        assertThat(after).noneMatch(e -> e.is("performSetHeldCallAction") || e.is("didActivateAudioSession"));
        assertThat(f.device().liveCalls()).containsExactly(calls[0]);

        f.get(app.request(ActionRequest.setHeld(calls[0], false)));
        Event unhold = f.await(DeviceFixture.named("performSetHeldCallAction", calls[0]), from, "the user resumes A");
        assertThat(unhold.attributes()).containsEntry("origin", "transaction");
        f.awaitAfter(unhold, "didActivateAudioSession", calls[0]);
    }

    @Test
    void endAndAcceptDoesNotResumeAnything() {
        launch(2, 1);
        UUID a = f.activeCall();
        UUID b = f.ringingCall();

        f.device().callUi().endAndAccept(b);

        f.await("didActivateAudioSession", b);
        f.settle();
        assertThat(f.events("performSetHeldCallAction", null)).isEmpty();
        assertThat(f.device().liveCalls()).containsExactly(b);
        assertThat(f.events("callEnded", a)).hasSize(1);
    }
}
