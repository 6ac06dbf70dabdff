package dev.callflow.push;

import com.eatthepath.pushy.apns.server.OnceVerifiedTokenHandler;
import com.eatthepath.pushy.apns.server.PushNotificationHandler;
import com.eatthepath.pushy.apns.server.PushNotificationHandlerFactory;
import com.eatthepath.pushy.apns.server.RejectedNotificationException;
import com.eatthepath.pushy.apns.server.RejectionReason;
import com.eatthepath.pushy.apns.server.ValidatingPushNotificationHandlerFactory;
import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http2.Http2Headers;

import java.util.Optional;
import javax.net.ssl.SSLSession;

/**
 * Apple's validation, as Pushy's {@link ValidatingPushNotificationHandlerFactory} does it for token authentication (apns-id, method, topic,
 * collapse id, priority, push type, token format, unregistered tokens, token-for-topic, ES256 JWT with key id,
 * team and topic checks, expired JWT, empty payload), over the registry's live maps, plus what Pushy 0.15.4 lacks:
 * <ul>
 *   <li>a VoIP topic ({@code <bundle>.voip}) needs {@code apns-push-type: voip} and vice versa
 *       ({@code InvalidPushType});</li>
 *   <li>payload limits by push type: 5120 bytes for VoIP, 4096 otherwise ({@code PayloadTooLarge}). Apple:
 *       "For Voice over Internet Protocol (VoIP) notifications, the maximum size is 5 KB (5120 bytes). For all other
 *       remote notifications, the maximum size is 4 KB (4096 bytes)." Pushy hard-codes 4096, so its check is fed at
 *       most 4096 bytes and the real limit is applied here;</li>
 *   <li>the token's {@link RejectionPolicy}, consulted last, for valid pushes only.</li>
 * </ul>
 */
final class VoipValidatingHandlerFactory implements PushNotificationHandlerFactory {

    static final int VOIP_PAYLOAD_LIMIT = 5120;
    static final int PAYLOAD_LIMIT = 4096;
    private static final String VOIP = "voip";
    private static final String VOIP_TOPIC_SUFFIX = ".voip";

    private final DeviceRegistry registry;

    VoipValidatingHandlerFactory(DeviceRegistry registry) {
        this.registry = registry;
    }

    /** Token authentication only (the mock APNs asks no client certificate), each token's signature checked once. */
    @Override
    public PushNotificationHandler buildHandler(SSLSession sslSession) {
        PushNotificationHandler pushy = new OnceVerifiedTokenHandler(registry.deviceTokensByTopic(),
                registry.unregisteredSince(), registry.verificationKeysByKeyId(), registry.topicsByVerificationKey());
        return (headers, payload) -> {
            pushy.handlePushNotification(headers, capped(payload));
            checkPushTypeMatchesTopic(headers);
            checkPayloadSize(headers, payload);
            applyPolicy(headers, payload);
        };
    }

    private static ByteBuf capped(ByteBuf payload) {
        return payload != null && payload.readableBytes() > PAYLOAD_LIMIT
                ? payload.slice(payload.readerIndex(), PAYLOAD_LIMIT) : payload;
    }

    private static void checkPushTypeMatchesTopic(Http2Headers headers) throws RejectedNotificationException {
        boolean voipTopic = headers.get("apns-topic").toString().endsWith(VOIP_TOPIC_SUFFIX);
        CharSequence pushType = headers.get("apns-push-type");
        boolean voipType = pushType != null && VOIP.contentEquals(pushType);
        if (voipTopic != voipType) {
            throw new RejectedNotificationException(RejectionReason.INVALID_PUSH_TYPE);
        }
    }

    private static void checkPayloadSize(Http2Headers headers, ByteBuf payload) throws RejectedNotificationException {
        CharSequence pushType = headers.get("apns-push-type");
        int limit = pushType != null && VOIP.contentEquals(pushType) ? VOIP_PAYLOAD_LIMIT : PAYLOAD_LIMIT;
        if (payload.readableBytes() > limit) {
            throw new RejectedNotificationException(RejectionReason.PAYLOAD_TOO_LARGE);
        }
    }

    private void applyPolicy(Http2Headers headers, ByteBuf payload) throws RejectedNotificationException {
        CharSequence path = headers.path();
        Registration registration = registry.find(path.toString().substring(ApnsPush.PATH_PREFIX.length()));
        if (registration == null || registration.policy() == RejectionPolicy.acceptAll()) {
            return;
        }
        Optional<Rejection> rejection = registration.policy().decide(ApnsPush.copyOf(headers, payload));
        if (rejection.isPresent()) {
            throw rejection.get().toException();
        }
    }
}
