package dev.callflow.push;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http2.Http2Headers;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * One push as the mock APNs received it, copied off the wire (safe to keep after the request is done).
 * Header values the sender left out are {@code null}.
 *
 * @param deviceToken what followed {@code /3/device/} in the request path (may be malformed in fault tests)
 * @param topic       {@code apns-topic}
 * @param pushType    {@code apns-push-type}, e.g. {@code "voip"}
 * @param priority    {@code apns-priority}; 10 when absent (Apple's default)
 * @param apnsId      {@code apns-id} if the sender supplied one ({@link AppServer} always does)
 * @param expiration  {@code apns-expiration}; {@link Instant#EPOCH} means "0": deliver once, do not store
 * @param payload     the UTF-8 body; empty string when there was none
 */
public record ApnsPush(String deviceToken, String topic, String pushType, int priority, String apnsId,
                       Instant expiration, String payload) {

    static final String PATH_PREFIX = "/3/device/";
    private static final int DEFAULT_PRIORITY = 10;

    /** Copies the push out of Netty's buffers; call on the event loop before the buffer is released. */
    static ApnsPush copyOf(Http2Headers headers, ByteBuf payload) {
        CharSequence path = headers.path();
        String token = path != null && path.toString().startsWith(PATH_PREFIX)
                ? path.toString().substring(PATH_PREFIX.length()) : null;
        Integer priority = headers.getInt("apns-priority");
        Long expiration = headers.getLong("apns-expiration");
        return new ApnsPush(token, string(headers.get("apns-topic")), string(headers.get("apns-push-type")),
                priority == null ? DEFAULT_PRIORITY : priority, string(headers.get("apns-id")),
                expiration == null ? null : instantOf(expiration),
                payload == null ? "" : payload.toString(StandardCharsets.UTF_8));
    }

    /** APNs takes any 64-bit epoch second; past {@link Instant}'s range it is "store for ever" (or long expired). */
    static Instant instantOf(long epochSecond) {
        long clamped = Math.max(Instant.MIN.getEpochSecond(), Math.min(Instant.MAX.getEpochSecond(), epochSecond));
        return Instant.ofEpochSecond(clamped);
    }

    private static String string(CharSequence value) {
        return value == null ? null : value.toString();
    }
}
