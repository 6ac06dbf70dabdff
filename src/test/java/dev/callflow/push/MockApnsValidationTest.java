package dev.callflow.push;

import com.eatthepath.pushy.apns.PushType;
import com.eatthepath.pushy.apns.server.RejectionReason;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Each case: what Apple answers, seen by the provider (status + reason) and by the token's sink. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class MockApnsValidationTest {

    private static final String BUNDLE = "com.example.callapp";
    private static final String VOIP_TOPIC = BUNDLE + ".voip";
    private static PushInfrastructure push;

    @BeforeAll
    static void start() {
        push = PushInfrastructure.start();
    }

    @AfterAll
    static void stop() {
        push.close();
    }

    private static PushResult send(PushRequest.Builder request) throws Exception {
        return push.appServer().send(request.build()).get(5, TimeUnit.SECONDS);
    }

    private static PushRequest.Builder voip(String token) {
        return PushRequest.builder().deviceToken(token).topic(VOIP_TOPIC).pushType(PushType.VOIP).payload("{}");
    }

    private static void assertRejected(PushResult result, int status, String reason) {
        assertThat(result.accepted()).as(result.toString()).isFalse();
        assertThat(result.status()).as(result.toString()).isEqualTo(status);
        assertThat(result.rejectionReason()).as(result.toString()).contains(reason);
    }

    @Test
    void unknownTokenIsDeviceTokenNotForTopic() throws Exception {
        assertRejected(push.appServer().sendVoip(Tokens.random(), BUNDLE, "{}").get(5, TimeUnit.SECONDS),
                400, "DeviceTokenNotForTopic");
    }

    @Test
    void malformedTokenIsBadDeviceToken() throws Exception {
        assertRejected(send(voip("not-a-token")), 400, "BadDeviceToken");
    }

    @Test
    void wrongTopicIsDeviceTokenNotForTopic() throws Exception {
        RecordingSink device = new RecordingSink();
        String token = Tokens.random();
        push.apns().registerVoip(token, BUNDLE, device);

        assertRejected(push.appServer().sendVoip(token, "com.example.otherapp", "{}").get(5, TimeUnit.SECONDS),
                400, "DeviceTokenNotForTopic");
        RecordingSink.Rejected seen = device.nextRejected();
        assertThat(seen.reason()).isEqualTo("DeviceTokenNotForTopic");
        assertThat(seen.push().topic()).isEqualTo("com.example.otherapp.voip");
    }

    @Test
    void alertPushTypeOnAVoipTopicIsInvalidPushType() throws Exception {
        RecordingSink device = new RecordingSink();
        String token = Tokens.random();
        push.apns().registerVoip(token, BUNDLE, device);

        assertRejected(send(voip(token).pushType(PushType.ALERT)), 400, "InvalidPushType");
        RecordingSink.Rejected seen = device.nextRejected();
        assertThat(seen.status()).isEqualTo(400);
        assertThat(seen.reason()).isEqualTo("InvalidPushType");
        assertThat(seen.push().pushType()).isEqualTo("alert");
    }

    @Test
    void missingPushTypeOnAVoipTopicIsInvalidPushType() throws Exception {
        String token = Tokens.random();
        push.apns().registerVoip(token, BUNDLE, new RecordingSink());

        assertRejected(send(voip(token).pushType(null)), 400, "InvalidPushType");
    }

    @Test
    void voipPushTypeOnANonVoipTopicIsInvalidPushType() throws Exception {
        String token = Tokens.random();
        push.apns().register(token, BUNDLE, new RecordingSink());

        assertRejected(send(voip(token).topic(BUNDLE)), 400, "InvalidPushType");
    }

    @Test
    void unregisteredTokenIs410WithTheTimestamp() throws Exception {
        RecordingSink device = new RecordingSink();
        String token = Tokens.random();
        push.apns().registerVoip(token, BUNDLE, device);
        Instant since = Instant.now().minus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS);
        push.apns().markUnregistered(token, since);

        PushResult result = push.appServer().sendVoip(token, BUNDLE, "{}").get(5, TimeUnit.SECONDS);

        assertRejected(result, 410, "Unregistered");
        assertThat(result.tokenInvalidation()).contains(since);
        assertThat(device.nextRejected().status()).isEqualTo(410);
    }

    @Test
    void pushSignedWithAnUnknownKeyIsInvalidProviderToken() throws Exception {
        String token = Tokens.random();
        push.apns().registerVoip(token, BUNDLE, new RecordingSink());
        AppServer impostor = push.newAppServerWithUnknownKey();

        assertRejected(impostor.sendVoip(token, BUNDLE, "{}").get(5, TimeUnit.SECONDS), 403, "InvalidProviderToken");
        assertThat(push.appServer().sendVoip(token, BUNDLE, "{}").get(5, TimeUnit.SECONDS).accepted())
                .as("the trusted key still works").isTrue();
    }

    @Test
    void voipPayloadUpTo5120BytesIsAcceptedAndOneByteMoreIsPayloadTooLarge() throws Exception {
        RecordingSink device = new RecordingSink();
        String token = Tokens.random();
        push.apns().registerVoip(token, BUNDLE, device);

        PushResult atLimit = push.appServer().sendVoip(token, BUNDLE, jsonOfSize(5120)).get(5, TimeUnit.SECONDS);
        PushResult overLimit = push.appServer().sendVoip(token, BUNDLE, jsonOfSize(5121)).get(5, TimeUnit.SECONDS);

        assertThat(atLimit.accepted()).as(atLimit.toString()).isTrue();
        assertThat(device.nextAccepted().payload()).hasSize(5120);
        assertRejected(overLimit, 413, "PayloadTooLarge");
    }

    @Test
    void alertPayloadOver4096BytesIsPayloadTooLarge() throws Exception {
        String token = Tokens.random();
        push.apns().register(token, BUNDLE, new RecordingSink());
        PushRequest.Builder alert = PushRequest.builder().deviceToken(token).topic(BUNDLE).pushType(PushType.ALERT);

        assertThat(send(alert.payload(jsonOfSize(4096))).accepted()).isTrue();
        assertRejected(send(alert.payload(jsonOfSize(4097))), 413, "PayloadTooLarge");
    }

    @Test
    void emptyPayloadIsPayloadEmpty() throws Exception {
        String token = Tokens.random();
        push.apns().registerVoip(token, BUNDLE, new RecordingSink());

        assertRejected(send(voip(token).payload("")), 400, "PayloadEmpty");
    }

    @Test
    void aRejectionPolicyLambdaProduces429AndClearingItRestoresDelivery() throws Exception {
        RecordingSink device = new RecordingSink();
        String token = Tokens.random();
        Registration registration = push.apns().registerVoip(token, BUNDLE, device)
                .rejectWith(p -> Optional.of(Rejection.tooManyRequests()));

        assertRejected(push.appServer().sendVoip(token, BUNDLE, "{}").get(5, TimeUnit.SECONDS), 429, "TooManyRequests");
        assertThat(device.nextRejected().status()).isEqualTo(429);

        registration.rejectWith(RejectionPolicy.acceptAll());
        assertThat(push.appServer().sendVoip(token, BUNDLE, "{}").get(5, TimeUnit.SECONDS).accepted()).isTrue();
        assertThat(device.nextAccepted().payload()).isEqualTo("{}");
    }

    @Test
    void aPolicyCanAnswer503Or410WithATimestamp() throws Exception {
        String token = Tokens.random();
        Instant since = Instant.parse("2026-01-01T00:00:00Z");
        Registration registration = push.apns().registerVoip(token, BUNDLE, new RecordingSink())
                .rejectWith(RejectionPolicy.always(Rejection.serviceUnavailable()));
        assertRejected(push.appServer().sendVoip(token, BUNDLE, "{}").get(5, TimeUnit.SECONDS),
                503, "ServiceUnavailable");

        registration.rejectWith(p -> p.payload().contains("gone")
                ? Optional.of(Rejection.unregistered(since)) : Optional.empty());
        PushResult gone = push.appServer().sendVoip(token, BUNDLE, "{\"gone\":true}").get(5, TimeUnit.SECONDS);
        assertRejected(gone, 410, "Unregistered");
        assertThat(gone.tokenInvalidation()).contains(since);
        assertThat(push.appServer().sendVoip(token, BUNDLE, "{}").get(5, TimeUnit.SECONDS).accepted()).isTrue();
    }

    @Test
    void policiesOnlySeeValidPushes() throws Exception {
        String token = Tokens.random();
        push.apns().registerVoip(token, BUNDLE, new RecordingSink())
                .rejectWith(RejectionPolicy.always(Rejection.of(RejectionReason.TOO_MANY_REQUESTS)));

        assertRejected(send(voip(token).pushType(PushType.ALERT)), 400, "InvalidPushType");
    }

    /** A JSON object of exactly {@code bytes} UTF-8 bytes. */
    private static String jsonOfSize(int bytes) {
        String prefix = "{\"aps\":{},\"pad\":\"";
        String suffix = "\"}";
        return prefix + "x".repeat(bytes - prefix.length() - suffix.length()) + suffix;
    }
}
