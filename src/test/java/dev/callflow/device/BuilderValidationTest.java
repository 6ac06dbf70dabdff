package dev.callflow.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callflow.signalling.SignallingClient;
import dev.callflow.timeline.Timeline;

import java.net.http.HttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A device that cannot work is refused at build() with a message that says what to call. */
@Timeout(10)
class BuilderValidationTest {

    private static SimulatedDevice.Builder complete() {
        ScriptedApp app = new ScriptedApp();
        return SimulatedDevice.builder()
                .deviceId("builder-test")
                .timeline(Timeline.start("DeviceTest", 1))
                .app(() -> app)
                .signalling(new SignallingClient(HttpClient.newHttpClient(), "http://127.0.0.1:9", "builder-test"));
    }

    @Test
    void completeBuilderBuilds() {
        try (SimulatedDevice d = complete().build()) {
            assertThat(d.deviceId()).isEqualTo("builder-test");
            assertThat(d.appState()).isEqualTo(AppState.NOT_RUNNING);
        }
    }

    @Test
    void missingDeviceId() {
        assertThatThrownBy(() -> complete().deviceId(null).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("deviceId(...)");
        assertThatThrownBy(() -> complete().deviceId(" ").build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("deviceId(...)");
    }

    @Test
    void missingTimeline() {
        assertThatThrownBy(() -> complete().timeline(null).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("timeline(...)");
    }

    @Test
    void missingApp() {
        assertThatThrownBy(() -> complete().app(null).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("app(...)");
    }

    @Test
    void missingSignallingClient() {
        assertThatThrownBy(() -> complete().signalling(null).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("signalling(...)");
    }

    @Test
    void everyMissingPieceIsNamedAtOnce() {
        assertThatThrownBy(() -> SimulatedDevice.builder().build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContainingAll("deviceId(...)", "timeline(...)", "app(...)", "signalling(...)", "build()");
    }
}
