package dev.callflow.push;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.eatthepath.pushy.apns.PushType;
import com.eatthepath.pushy.apns.auth.AuthenticationToken;
import com.eatthepath.pushy.apns.server.PushNotificationHandler;
import com.eatthepath.pushy.apns.server.RejectedNotificationException;
import com.eatthepath.pushy.apns.server.RejectionReason;
import dev.callflow.device.PushPayloads;
import dev.callflow.platform.VoipPush;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.Http2Headers;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A push as it reaches the mock APNs, then the phone: request headers and a body from arbitrary bytes, judged by the
 * mock APNs's validation (Pushy's checks, the VoIP topic and size rules, a token's rejection policy); accepted pushes
 * copied as the sink sees them and decoded as PushKit hands them to the app; the body checked as
 * {@link AppServer#sendVoip} checks it and built into a {@link PushRequest}. Each step either accepts or refuses
 * with a reason ({@link RejectedNotificationException}, {@link IllegalArgumentException},
 * {@link IllegalStateException} from a builder); nothing else may be thrown.
 * <p>
 * Input: header lines {@code name: value} (pseudo-headers too, {@code :path: /3/device/…}), an empty line, the body.
 * In a value {@code $JWT} stands for a provider token signed by the trusted key, so inputs can pass authentication.
 * Seeds: {@code src/test/resources/dev/callflow/push/PushPayloadFuzzTestInputs/mockApns/}. Long run: {@code scripts/fuzz.sh}.
 */
class PushPayloadFuzzTest {
    static final String VOIP_TOKEN = "5c2a8f0e1b3d4c6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6";
    static final String ALERT_TOKEN = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    static final String REFUSING_TOKEN = "ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100";
    static final String UNREGISTERED_TOKEN = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private static final String BUNDLE = "com.example.callapp";

    private final String jwt;
    private final PushNotificationHandler handler;

    /** One connection's handler, reused for every input as one connection serves many pushes. */
    PushPayloadFuzzTest() {
        ApnsAuthKey key = ApnsAuthKey.generate("KEY0000001", "TEAM000001");
        DeviceRegistry registry = new DeviceRegistry(Runnable::run);
        registry.trust(key.verificationKey());
        registry.register(VOIP_TOKEN, Topics.voip(BUNDLE), new RecordingSink());
        registry.register(ALERT_TOKEN, BUNDLE, new RecordingSink());
        registry.register(REFUSING_TOKEN, Topics.voip(BUNDLE), new RecordingSink())
                .rejectWith(RejectionPolicy.always(Rejection.of(RejectionReason.TOO_MANY_REQUESTS)));
        registry.markUnregistered(UNREGISTERED_TOKEN, Instant.EPOCH);
        jwt = new AuthenticationToken(key.signingKey(), Instant.now()).getAuthorizationHeader().toString();
        handler = new VoipValidatingHandlerFactory(registry).buildHandler(null);
    }

    @FuzzTest(maxDuration = "5m", maxExecutions = 30000)
    void mockApns(byte[] input) {
        int split = bodyStart(input);
        Http2Headers headers = new DefaultHttp2Headers(false);
        String head = new String(input, 0, Math.max(0, split - 1), StandardCharsets.UTF_8);
        for (String line : head.split("\n", -1)) {
            int colon = line.indexOf(':', line.startsWith(":") ? 1 : 0);
            if (colon > 0) {
                headers.add(line.substring(0, colon).trim(), line.substring(colon + 1).trim().replace("$JWT", jwt));
            }
        }
        byte[] body = java.util.Arrays.copyOfRange(input, split, input.length);
        String payload = new String(body, StandardCharsets.UTF_8);

        ByteBuf buffer = Unpooled.wrappedBuffer(body);
        boolean accepted;
        try {
            handler.handlePushNotification(headers, buffer);
            accepted = true;
        } catch (RejectedNotificationException rejected) {
            accepted = false;
        }
        ApnsPush seen = ApnsPush.copyOf(headers, buffer);
        assertThat(seen.payload()).isEqualTo(payload);
        if (accepted) {
            assertThat(seen.deviceToken()).isIn(VOIP_TOKEN, ALERT_TOKEN);
            try {
                VoipPush decoded = PushPayloads.decode(seen.apnsId(), seen.payload());
                assertThat(decoded.payload()).isEqualTo(payload);
            } catch (IllegalArgumentException unreadable) {
                assertThat(unreadable.getMessage()).isNotBlank();
            }
        }

        try {
            PayloadJson.requireObject(payload);
        } catch (IllegalArgumentException refused) {
            assertThat(refused.getMessage()).isNotBlank();
        }
        try {
            PushRequest request = PushRequest.builder().deviceToken(seen.deviceToken()).topic(seen.topic())
                    .pushType(seen.pushType() == null ? null : PushType.getFromHeaderValue(seen.pushType()))
                    .collapseId(headers.get("apns-collapse-id") == null ? null : headers.get("apns-collapse-id").toString()).payload(payload).build();
            assertThat(request.toPushy().getPayload()).isEqualTo(payload);
            assertThat(request.toString()).contains(request.apnsId().toString());
        } catch (IllegalArgumentException | IllegalStateException refused) {
            assertThat(refused.getMessage()).isNotBlank();
        }
    }

    /** The index after the first empty line (the body's start), or the input's length when there is none. */
    private static int bodyStart(byte[] input) {
        for (int i = 0; i + 1 < input.length; i++) {
            if (input[i] == '\n' && (i == 0 || input[i - 1] == '\n')) {
                return i + 1;
            }
        }
        return input.length;
    }
}
