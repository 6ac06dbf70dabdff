package com.eatthepath.pushy.apns.server;

import com.eatthepath.pushy.apns.auth.ApnsVerificationKey;
import com.eatthepath.pushy.apns.auth.AuthenticationToken;
import dev.callflow.push.ApnsAuthKey;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.Http2Headers;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The mock APNs checks a provider token's signature once per connection and judges every later push with it as
 * Pushy would: still valid, still expiring an hour after it was issued, still bound to its topics; a bad token is
 * never remembered. Pushy looks a token's key up once per signature check, so the lookups count the checks.
 */
class OnceVerifiedTokenHandlerTest {
    private static final String TOPIC = "com.example.callapp.voip";
    private static final String OTHER_TOPIC = "com.example.other.voip";
    private static final String DEVICE = "ab".repeat(32);
    private static final ApnsAuthKey KEY = ApnsAuthKey.generate("KEY1234567", "TEAM123456");
    private static final ApnsAuthKey IMPOSTOR = ApnsAuthKey.generate("KEY1234567", "TEAM123456");

    private final AtomicInteger keyLookups = new AtomicInteger();
    private final Map<String, ApnsVerificationKey> keys = new ConcurrentHashMap<>(Map.of(KEY.keyId(), KEY.verificationKey())) {
        @Override
        public ApnsVerificationKey get(Object keyId) {
            keyLookups.incrementAndGet();
            return super.get(keyId);
        }
    };
    private final Map<String, Set<String>> tokensByTopic = Map.of(TOPIC, Set.of(DEVICE), OTHER_TOPIC, Set.of(DEVICE));
    private final Map<ApnsVerificationKey, Set<String>> topicsByKey = Map.of(KEY.verificationKey(), Set.of(TOPIC));
    private Instant now = Instant.now();
    private final OnceVerifiedTokenHandler handler = new OnceVerifiedTokenHandler(tokensByTopic, Map.of(), keys,
            topicsByKey, new Clock() {
                @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
                @Override public Clock withZone(java.time.ZoneId zone) { return this; }
                @Override public Instant instant() { return now; }
            });

    @Test
    void aTokenIsCheckedOnceThenEveryPushWithItPasses() throws Exception {
        String token = bearer(KEY, Instant.now());

        for (int i = 0; i < 5; i++) {
            handler.handlePushNotification(push(token, TOPIC), payload());
        }

        assertThat(keyLookups).as("signature checks").hasValue(1);
    }

    @Test
    void aTokenThatFailedIsCheckedAgainEveryTime() {
        String forged = bearer(IMPOSTOR, Instant.now());

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> handler.handlePushNotification(push(forged, TOPIC), payload()))
                    .isInstanceOfSatisfying(RejectedNotificationException.class,
                            e -> assertThat(e.getRejectionReason()).isEqualTo(RejectionReason.INVALID_PROVIDER_TOKEN));
        }
        assertThat(keyLookups).hasValue(3);
    }

    @Test
    void aRememberedTokenStillExpiresAnHourAfterItWasIssued() throws Exception {
        Instant issued = Instant.now().minus(Duration.ofMinutes(59));
        String token = bearer(KEY, issued);
        handler.handlePushNotification(push(token, TOPIC), payload());

        now = issued.plus(Duration.ofMinutes(61));

        assertThatThrownBy(() -> handler.handlePushNotification(push(token, TOPIC), payload()))
                .isInstanceOfSatisfying(RejectedNotificationException.class,
                        e -> assertThat(e.getRejectionReason()).isEqualTo(RejectionReason.EXPIRED_PROVIDER_TOKEN));
    }

    @Test
    void aRememberedTokenIsStillBoundToItsKeysTopics() throws Exception {
        String token = bearer(KEY, Instant.now());
        handler.handlePushNotification(push(token, TOPIC), payload());

        assertThatThrownBy(() -> handler.handlePushNotification(push(token, OTHER_TOPIC), payload()))
                .isInstanceOfSatisfying(RejectedNotificationException.class,
                        e -> assertThat(e.getRejectionReason()).isEqualTo(RejectionReason.INVALID_PROVIDER_TOKEN));
        assertThatCode(() -> handler.handlePushNotification(push(token, TOPIC), payload())).doesNotThrowAnyException();
    }

    /** Found by PushPayloadFuzzTest: a character past the signature made Pushy throw, and the server answer 500. */
    @Test
    void aSignatureThatIsNotEvenDerIsAnInvalidProviderToken() {
        String corrupted = bearer(KEY, Instant.now()) + "AAAA"; // three bytes past the end of the DER signature

        assertThatThrownBy(() -> handler.handlePushNotification(push(corrupted, TOPIC), payload()))
                .isInstanceOfSatisfying(RejectedNotificationException.class,
                        e -> assertThat(e.getRejectionReason()).isEqualTo(RejectionReason.INVALID_PROVIDER_TOKEN));
    }

    private static String bearer(ApnsAuthKey key, Instant issuedAt) {
        return new AuthenticationToken(key.signingKey(), issuedAt).getAuthorizationHeader().toString();
    }

    private static Http2Headers push(String authorization, String topic) {
        return new DefaultHttp2Headers().method("POST").path("/3/device/" + DEVICE).add("apns-topic", topic)
                .add("apns-push-type", "voip").add("authorization", authorization);
    }

    private static ByteBuf payload() {
        return Unpooled.copiedBuffer("{}", StandardCharsets.UTF_8);
    }
}
