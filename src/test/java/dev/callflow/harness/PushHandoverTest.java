package dev.callflow.harness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callflow.device.PushDeliveryPolicy;
import dev.callflow.device.TimingProfile;
import dev.callflow.iut.ImplementationsUnderTest;
import dev.callflow.push.PushResult;
import dev.callflow.rules.Policy;
import dev.callflow.timeline.Event;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The push step returns only once the device has taken the push whole. Otherwise a later step (the caller's cancel,
 * a gesture) can land between {@code pushAccepted} and the device's own {@code pushDeliveryDelayed}, and a correct app
 * fails its flow, as it once did in CI.
 */
@Timeout(30)
class PushHandoverTest {
    private static Infrastructure infra;
    private static HarnessSettings settings;

    @BeforeAll
    static void start() {
        Path home = Path.of(".").toAbsolutePath().normalize();
        settings = new HarnessSettings(home, home.resolve("target/handover-reports"), "reference", TimingProfile.realistic(),
                Policy.named("default"));
        infra = Infrastructure.start(settings);
    }

    @AfterAll
    static void stop() {
        if (infra != null) {
            infra.close();
        }
    }

    @Test
    void theSendStepWaitsWhileTheDeviceIsStillDecidingWhatToDoWithThePush() throws Exception {
        try (ScenarioRig rig = ScenarioRig.create(infra, settings, ImplementationsUnderTest.resolve("reference", infra.externalIuts()))) {
            CountDownLatch deciding = new CountDownLatch(1);
            CountDownLatch decide = new CountDownLatch(1);
            rig.device().pushDeliveryPolicy(push -> {
                deciding.countDown();
                awaitQuietly(decide);
                return PushDeliveryPolicy.delay(Duration.ofMillis(20));
            });
            UUID call = UUID.randomUUID();

            CompletableFuture<List<Event>> seenOnReturn = CompletableFuture.supplyAsync(() -> {
                PushResult result = rig.sendVoipPush(call, "{\"aps\":{},\"callId\":\"" + call + "\",\"caller\":\"alice\"}");
                assertThat(result.accepted()).isTrue();
                return rig.timeline().events();
            });
            assertThat(deciding.await(5, TimeUnit.SECONDS)).as("the device got the push").isTrue();
            boolean returnedEarly;
            try {
                seenOnReturn.get(200, TimeUnit.MILLISECONDS);
                returnedEarly = true;
            } catch (TimeoutException stillWaiting) {
                returnedEarly = false;
            }
            decide.countDown();

            assertThat(returnedEarly).as("sendVoipPush returned while the device was still deciding").isFalse();
            assertThat(seenOnReturn.get(5, TimeUnit.SECONDS)).extracting(Event::name)
                    .containsSubsequence("pushAccepted", "pushDeliveryDelayed");
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
