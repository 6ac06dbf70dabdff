package dev.callflow.device;

import dev.callflow.platform.ActionRequest;
import dev.callflow.platform.TransactionError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.callflow.device.ScriptedApp.Completed;
import dev.callflow.timeline.Event;
import dev.callflow.timeline.Source;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code CXCallController.request} and {@code CXErrorCodeRequestTransactionError} (R-TX-3, R-OUT-3). */
@Timeout(10)
class TransactionTest extends DeviceTest {
    @Test
    void endingAnUnknownUuidFailsWithUnknownCallUuidAndPerformsNothing() {
        f.launch();
        UUID unknown = UUID.randomUUID();

        Completed<Optional<TransactionError>> done = f.get(app.request(ActionRequest.end(unknown)));

        assertThat(done.value()).contains(TransactionError.UNKNOWN_CALL_UUID);
        assertThat(done.thread().getName()).isEqualTo(f.mainThreadName());
        assertThat(f.await("requestTransactionCompletion", unknown).attributes())
                .containsEntry("error", "unknownCallUUID").containsEntry("code", "4");
        f.settle();
        assertThat(f.events("performEndCallAction", null)).isEmpty();
        assertThat(app.endActions).hasValue(0);
    }

    @Test
    void emptyTransactionFailsWithEmptyTransaction() {
        f.launch();

        Completed<Optional<TransactionError>> done = f.get(app.request(List.of()));

        assertThat(done.value()).contains(TransactionError.EMPTY_TRANSACTION);
        assertThat(f.await("requestTransactionCompletion", null).attributes())
                .containsEntry("error", "emptyTransaction").containsEntry("code", "3");
    }

    @Test
    void startingAnExistingUuidFailsWithCallUuidAlreadyExists() {
        f.launch();
        UUID call = f.ringingCall();

        Completed<Optional<TransactionError>> done = f.get(app.request(ActionRequest.start(call, ScriptedApp.CALLER)));

        assertThat(done.value()).contains(TransactionError.CALL_UUID_ALREADY_EXISTS);
        assertThat(f.await("requestTransactionCompletion", call).attributes())
                .containsEntry("error", "callUUIDAlreadyExists").containsEntry("code", "5");
        f.settle();
        assertThat(f.events("performStartCallAction", null)).isEmpty();
    }

    @Test
    void startingFromTheBackgroundWithoutACallIsUnentitled() {
        f.launch();
        f.device().moveAppToBackground();
        assertThat(f.device().appState()).isEqualTo(AppState.BACKGROUND);
        UUID call = UUID.randomUUID();

        Completed<Optional<TransactionError>> done = f.get(app.request(ActionRequest.start(call, ScriptedApp.CALLER)));

        assertThat(done.value()).contains(TransactionError.UNENTITLED);
        assertThat(f.await("requestTransactionCompletion", call).attributes())
                .containsEntry("error", "unentitled").containsEntry("code", "1");
        f.settle();
        assertThat(f.events("performStartCallAction", null)).isEmpty();
        assertThat(f.device().liveCalls()).isEmpty();
    }

    @Test
    void startingFromTheForegroundIsPerformed() {
        f.launch();
        UUID call = UUID.randomUUID();

        assertThat(f.get(app.request(ActionRequest.start(call, ScriptedApp.CALLER))).value()).isEmpty();

        Event perform = f.await("performStartCallAction", call);
        assertThat(perform.attributes()).containsEntry("origin", "transaction");
        f.awaitAfter(perform, "didActivateAudioSession", call);
    }

    @Test
    void withoutAProviderTheRequestFailsWithUnknownCallProvider() {
        app.createProviderAtLaunch = false;
        f.launch();
        UUID call = UUID.randomUUID();

        Completed<Optional<TransactionError>> done = f.get(app.request(ActionRequest.start(call, ScriptedApp.CALLER)));

        assertThat(done.value()).contains(TransactionError.UNKNOWN_CALL_PROVIDER);
        assertThat(f.await("requestTransactionCompletion", call).attributes())
                .containsEntry("error", "unknownCallProvider").containsEntry("code", "2");
    }

    @Test
    void acceptedTransactionCompletesWithoutErrorThenPerformsTheAction() {
        f.launch();
        UUID call = f.ringingCall();

        Completed<Optional<TransactionError>> done = f.get(app.request(ActionRequest.end(call)));

        assertThat(done.value()).isEmpty();
        Event completion = f.await("requestTransactionCompletion", call);
        assertThat(completion.source()).isEqualTo(Source.SYSTEM);
        assertThat(completion.attributes()).doesNotContainKeys("error", "code");
        Event perform = f.awaitAfter(completion, "performEndCallAction", call);
        assertThat(perform.source()).isEqualTo(Source.SYSTEM);
        assertThat(perform.attributes()).containsEntry("origin", "transaction");
        f.awaitAfter(perform, "callEnded", call);
        assertThat(f.device().liveCalls()).isEmpty();
    }
}
