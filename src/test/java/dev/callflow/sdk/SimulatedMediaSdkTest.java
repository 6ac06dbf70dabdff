package dev.callflow.sdk;

import dev.callflow.platform.MediaSdk;
import static org.assertj.core.api.Assertions.assertThat;

import dev.callflow.device.DeviceFixture;
import dev.callflow.device.ScriptedApp;
import dev.callflow.platform.AudioSessionError;
import dev.callflow.timeline.Event;
import dev.callflow.timeline.Level;
import dev.callflow.timeline.Source;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The simulated media SDK: media I/O needs the CallKit-activated session (R-AUD-2); prepare and configure in order. */
@Timeout(10)
class SimulatedMediaSdkTest {
    private final ScriptedApp app = new ScriptedApp();
    private DeviceFixture f;

    @BeforeEach
    void launch() {
        f = new DeviceFixture(app).launch();
    }

    @AfterEach
    void close() {
        f.close();
    }

    private MediaSdk sdk() {
        return app.env().mediaSdk();
    }

    @Test
    void startAudioWithoutAnActiveSessionFailsWithCannotStartRecording() {
        UUID call = UUID.randomUUID();
        sdk().prepareSDK(call);
        sdk().configAudio();

        boolean started = sdk().startAudio();

        assertThat(started).isFalse();
        Event e = f.await("startAudio", call);
        assertThat(e.source()).isEqualTo(Source.SDK);
        assertThat(e.level()).isEqualTo(Level.ERROR);
        assertThat(e.attributes()).containsEntry("result", "failed")
                .containsEntry("error", String.valueOf(AudioSessionError.CANNOT_START_RECORDING.code()))
                .containsEntry("error", "561145187");
    }

    @Test
    void startAudioAfterTheSystemActivationRunsOnTheCallKitSession() {
        AtomicBoolean started = new AtomicBoolean();
        app.onAnswer = a -> {
            sdk().prepareSDK(a.callUUID());
            sdk().configAudio();
            a.fulfill();
        };
        app.onActivate = () -> started.set(sdk().startAudio());
        UUID call = f.ringingCall();

        f.device().callUi().answer(call);

        Event activated = f.await("didActivateAudioSession", call);
        Event start = f.awaitAfter(activated, "startAudio", call);
        assertThat(start.attributes()).containsEntry("result", "ok").containsEntry("session", "callkit");
        f.settle(); // startAudio records its event before it returns to the callback
        assertThat(started).isTrue();
    }

    @Test
    void secondPrepareWithoutUnprepareIsVisible() {
        UUID call = UUID.randomUUID();
        sdk().prepareSDK(call);

        sdk().prepareSDK(call);

        assertThat(f.events("prepareSDK", call)).extracting(e -> e.attributes().get("alreadyPrepared"))
                .containsExactly(null, "true");
        sdk().unprepareSDK();
        sdk().prepareSDK(call);
        assertThat(f.events("prepareSDK", call)).last()
                .satisfies(e -> assertThat(e.attributes()).doesNotContainKey("alreadyPrepared"));
    }

    @Test
    void configAudioBeforePrepareFails() {
        boolean configured = sdk().configAudio();

        assertThat(configured).isFalse();
        Event e = f.await("configAudio", null);
        assertThat(e.level()).isEqualTo(Level.ERROR);
        assertThat(e.attributes()).containsEntry("result", "failed");
    }
}
