package dev.callflow.harness;

import static org.assertj.core.api.Assertions.assertThat;

import com.eatthepath.pushy.apns.PushType;
import dev.callflow.device.TimingProfile;
import dev.callflow.iut.ImplementationsUnderTest;
import dev.callflow.push.PushRequest;
import dev.callflow.push.PushResult;
import dev.callflow.rules.Policy;
import dev.callflow.timeline.Event;
import dev.callflow.timeline.EventKind;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 12, row 10: a push to the phone's token that APNs rejects before it has an apns-id (another sender's: no
 * {@code apns-id} header, no provider token) threw a NullPointerException on the push sink thread, once per push
 * (the rig looked the push up by its null id). The rig now leaves a push it did not send alone, and its own rejected
 * pushes still show on the timeline with APNs' reason.
 */
@Timeout(60)
class ForeignPushTest {
    private static Infrastructure infra;
    private static HarnessSettings settings;

    @BeforeAll
    static void start() {
        Path home = Path.of(".").toAbsolutePath().normalize();
        settings = new HarnessSettings(home, home.resolve("target/foreign-push-reports"), "reference",
                TimingProfile.realistic(), Policy.named("default"));
        infra = Infrastructure.start(settings);
    }

    @AfterAll
    static void stop() {
        if (infra != null) {
            infra.close();
        }
    }

    @Test
    void aRejectedPushWithoutApnsIdThrowsNothingAndTheRigsOwnRejectionIsOnTheTimeline() throws Exception {
        List<Throwable> uncaught = new CopyOnWriteArrayList<>();
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> uncaught.add(e));
        try (ScenarioRig rig = ScenarioRig.create(infra, settings,
                ImplementationsUnderTest.resolve("reference", infra.externalIuts()))) {
            HttpResponse<String> foreign = pushWithoutApnsId(rig.device().deviceToken(), rig.device().voipTopic());
            assertThat(foreign.statusCode()).as("APNs answer to a push without provider token: %s", foreign.body())
                    .isEqualTo(403);

            UUID call = UUID.randomUUID();
            PushResult own = rig.sendPush(infra.push().appServer(), PushRequest.builder()
                    .deviceToken(rig.device().deviceToken()).topic("com.example.otherapp.voip").pushType(PushType.VOIP)
                    .payload("{\"aps\":{},\"callId\":\"" + call + "\"}").build(), call);

            assertThat(own.accepted()).isFalse();
            List<Event> rejected = rig.timeline().events().stream().filter(e -> e.is(EventKind.PUSH_REJECTED)).toList();
            assertThat(rejected).as("only the rig's own rejected push is on the timeline, with APNs' reason")
                    .singleElement().satisfies(e -> {
                        assertThat(e.attributes()).containsEntry("reason", "DeviceTokenNotForTopic")
                                .containsEntry("apnsId", own.apnsId());
                    });
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(previous);
        }
        // the sink is serial per token: the rig's own push was decided after the foreign one had been handled
        assertThat(uncaught).as("exceptions thrown on harness threads while a foreign push was rejected")
                .filteredOn(e -> List.of(e.getStackTrace()).toString().contains("ScenarioRig"))
                .isEmpty();
    }

    /** A push as another sender (curl --http2) would send it: HTTP/2 by ALPN, no apns-id, no authorization. */
    private static HttpResponse<String> pushWithoutApnsId(String token, String topic) throws Exception {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        trust.setCertificateEntry("mock-apns", infra.push().certificate());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, tmf.getTrustManagers(), null);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).sslContext(tls).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + infra.push().apns().port()
                        + "/3/device/" + token))
                .header("apns-topic", topic).header("apns-push-type", "voip")
                .POST(HttpRequest.BodyPublishers.ofString("{\"aps\":{}}")).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_2);
        return response;
    }
}
