package dev.callflow.device;

import dev.callflow.platform.CallProvider;
import dev.callflow.platform.IncomingCallError;
import dev.callflow.platform.ProviderConfiguration;
import static org.assertj.core.api.Assertions.assertThat;

import dev.callflow.device.ScriptedApp.Completed;
import dev.callflow.timeline.Event;
import dev.callflow.timeline.Source;

import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code CXProvider.reportNewIncomingCall} and its errors (R-INC-1, R-INC-2, R-MULTI-1, R-END-4). */
@Timeout(10)
class IncomingCallReportTest extends LaunchedDeviceTest {
    @Test
    void acceptedReportShowsTheUiThenCompletesOnTheMainQueueWithoutError() {
        UUID call = UUID.randomUUID();

        Completed<Optional<IncomingCallError>> done = f.get(app.reportIncoming(call));

        assertThat(done.value()).isEmpty();
        assertThat(done.thread().getName()).isEqualTo(f.mainThreadName());
        Event ui = f.await("incomingCallUiShown", call);
        Event completion = f.await("reportNewIncomingCallCompletion", call);
        assertThat(ui.source()).isEqualTo(Source.SYSTEM);
        assertThat(ui.attributes()).containsEntry("options", "answer,decline");
        assertThat(completion.source()).isEqualTo(Source.SYSTEM);
        assertThat(completion.seq()).isGreaterThan(ui.seq());
        assertThat(completion.attributes()).doesNotContainKeys("error", "code");
        assertThat(completion.thread()).as("recorded on the main queue's lane").isEqualTo(VirtualClock.Lane.MAIN.thread());
        assertThat(f.device().liveCalls()).containsExactly(call);
        assertThat(f.device().callUi().ringingCall()).contains(call);
    }

    @Test
    void secondReportOfTheSameUuidFailsWithCallUuidAlreadyExists() {
        UUID call = f.ringingCall();

        Completed<Optional<IncomingCallError>> again = f.get(app.reportIncoming(call));

        assertThat(again.value()).contains(IncomingCallError.CALL_UUID_ALREADY_EXISTS);
        assertThat(f.events("reportNewIncomingCallCompletion", call)).last().satisfies(e -> assertThat(e.attributes())
                .containsEntry("error", "callUUIDAlreadyExists").containsEntry("code", "2"));
        assertThat(f.events("incomingCallUiShown", call)).hasSize(1);
    }

    @Test
    void doNotDisturbFiltersTheCallWithCode3AndShowsNoUi() {
        f.device().incomingCallPolicy(IncomingCallPolicy.deny(IncomingCallError.FILTERED_BY_DO_NOT_DISTURB));
        UUID call = UUID.randomUUID();

        Completed<Optional<IncomingCallError>> done = f.get(app.reportIncoming(call));

        assertThat(done.value()).contains(IncomingCallError.FILTERED_BY_DO_NOT_DISTURB);
        assertThat(f.await("reportNewIncomingCallCompletion", call).attributes())
                .containsEntry("error", "filteredByDoNotDisturb").containsEntry("code", "3");
        f.settle();
        assertThat(f.events("incomingCallUiShown", call)).isEmpty();
        assertThat(f.device().liveCalls()).isEmpty();
    }

    @Test
    void blockListFiltersTheCallWithCode4() {
        f.device().incomingCallPolicy(IncomingCallPolicy.deny(IncomingCallError.FILTERED_BY_BLOCK_LIST));
        UUID call = UUID.randomUUID();

        assertThat(f.get(app.reportIncoming(call)).value()).contains(IncomingCallError.FILTERED_BY_BLOCK_LIST);
        assertThat(f.await("reportNewIncomingCallCompletion", call).attributes())
                .containsEntry("error", "filteredByBlockList").containsEntry("code", "4");
        f.settle();
        assertThat(f.events("incomingCallUiShown", call)).isEmpty();
    }

    @Test
    void reportBeyondMaximumCallGroupsTimesCallsPerGroupIsRejected() {
        app.provider().setConfiguration(ProviderConfiguration.builder("ScriptedApp")
                .maximumCallGroups(1).maximumCallsPerCallGroup(2).build());
        UUID first = f.ringingCall();
        UUID second = f.ringingCall();
        UUID third = UUID.randomUUID();

        Completed<Optional<IncomingCallError>> done = f.get(app.reportIncoming(third));

        assertThat(done.value()).isPresent();
        assertThat(f.await("reportNewIncomingCallCompletion", third).attributes()).containsKeys("error", "code");
        f.settle();
        assertThat(f.events("incomingCallUiShown", third)).isEmpty();
        assertThat(f.device().liveCalls()).containsExactly(first, second);
    }

    @Test
    void reportOnAnInvalidatedProviderIsRejected() {
        CallProvider stale = app.provider();
        stale.invalidate();
        UUID call = UUID.randomUUID();

        Completed<Optional<IncomingCallError>> done = f.get(app.reportIncoming(stale, call));

        assertThat(done.value()).isPresent();
        assertThat(f.await("reportNewIncomingCallCompletion", call).attributes()).containsKey("error");
        f.settle();
        assertThat(f.events("incomingCallUiShown", call)).isEmpty();
        assertThat(f.device().liveCalls()).isEmpty();
    }
}
