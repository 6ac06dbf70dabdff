package dev.callflow.device;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callflow.timeline.Event;
import dev.callflow.timeline.Source;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The system ends an unanswered incoming call after its ring timeout (R-INC-5). */
@Timeout(10)
class RingTimeoutTest {
    private final ScriptedApp app = new ScriptedApp();
    private final DeviceFixture f = new DeviceFixture(app, DeviceFixture.timing(Duration.ofMillis(50)), b -> { });

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void unansweredCallRingsOutAndTheSystemSendsAnEndAction() {
        f.launch();
        UUID call = f.ringingCall();

        Event timeout = f.await("ringTimeout", call);
        assertThat(timeout.source()).isEqualTo(Source.SYSTEM);
        Event end = f.awaitAfter(timeout, "performEndCallAction", call);
        assertThat(end.source()).isEqualTo(Source.SYSTEM);
        assertThat(end.attributes()).containsEntry("origin", "ringTimeout");
        f.awaitAfter(end, "callEnded", call);
        assertThat(app.endActions).hasValue(1);
        assertThat(f.device().liveCalls()).isEmpty();
    }

    @Test
    void answeredCallDoesNotRingOut() {
        f.launch();
        UUID call = f.activeCall();

        // a minute and a half of virtual time, far past the ring timeout, at no real cost
        boolean rangOut = f.within(Duration.ofSeconds(90), l -> l.stream().anyMatch(e -> e.is("ringTimeout")));

        assertThat(rangOut).isFalse();
        assertThat(f.device().liveCalls()).containsExactly(call);
    }
}
