package com.eatthepath.pushy.apns.server;

import com.eatthepath.pushy.apns.auth.ApnsVerificationKey;
import com.eatthepath.pushy.apns.auth.AuthenticationToken;
import io.netty.handler.codec.http2.Http2Headers;

import java.security.SignatureException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Pushy's token-authenticating validation (0.15.4), checking each provider token's ES256 signature once per
 * connection, as APNs does, instead of on every push: once a token passed every check for a topic on this connection
 * (signature, key id, team of the connection, topic of the key), a later push with the same token and topic is only
 * checked for expiry. Every other check of {@link ValidatingPushNotificationHandler} still runs on every push. The
 * outcome is the same as Pushy's: the signature of a given token cannot change, the keys are never withdrawn, and the
 * connection's team is fixed by its first valid token. A provider sends one token for up to an hour, so without this
 * the mock APNs spent two thirds of its CPU re-verifying the same signature.
 * <p>
 * It lives in Pushy's package because the handler it extends is package-private; a handler is confined to its
 * connection's event loop, so its memo needs no locking.
 */
public final class OnceVerifiedTokenHandler extends TokenAuthenticationValidatingPushNotificationHandler {
    /** Pushy's and Apple's: a provider token is good for one hour after it was issued. */
    private static final Duration TOKEN_LIFETIME = Duration.ofHours(1);
    /** Tokens rotate hourly: a connection meets a few; past this many, the memo starts over. */
    private static final int MAX_REMEMBERED = 64;

    /** (authorization header, topic) that passed on this connection, with the token's issue time. */
    private final Map<String, Instant> passed = new HashMap<>();
    private final Clock clock;

    public OnceVerifiedTokenHandler(Map<String, Set<String>> deviceTokensByTopic, Map<String, Instant> unregisteredSince,
                                    Map<String, ApnsVerificationKey> verificationKeysByKeyId,
                                    Map<ApnsVerificationKey, Set<String>> topicsByVerificationKey) {
        this(deviceTokensByTopic, unregisteredSince, verificationKeysByKeyId, topicsByVerificationKey, Clock.systemUTC());
    }

    /** {@code clock}: the real time a remembered token's expiry is judged by (Pushy's own checks read the system's). */
    public OnceVerifiedTokenHandler(Map<String, Set<String>> deviceTokensByTopic, Map<String, Instant> unregisteredSince,
                                    Map<String, ApnsVerificationKey> verificationKeysByKeyId,
                                    Map<ApnsVerificationKey, Set<String>> topicsByVerificationKey, Clock clock) {
        super(deviceTokensByTopic, unregisteredSince, verificationKeysByKeyId, topicsByVerificationKey);
        this.clock = clock;
    }

    @Override
    protected void verifyAuthentication(Http2Headers headers) throws RejectedNotificationException {
        CharSequence authorization = headers.get("authorization");
        CharSequence topic = headers.get("apns-topic");
        String key = authorization == null || topic == null ? null : authorization + " " + topic;
        Instant issued = key == null ? null : passed.get(key);
        if (issued != null) {
            if (issued.plus(TOKEN_LIFETIME).isBefore(clock.instant())) {
                throw new RejectedNotificationException(RejectionReason.EXPIRED_PROVIDER_TOKEN);
            }
            return;
        }
        try {
            super.verifyAuthentication(headers);
        } catch (RuntimeException e) {
            if (e.getCause() instanceof SignatureException) {
                // a signature that is not DER at all: Pushy throws (its server would answer 500), APNs answers 403
                throw new RejectedNotificationException(RejectionReason.INVALID_PROVIDER_TOKEN);
            }
            throw e;
        }
        if (key != null) {
            if (passed.size() >= MAX_REMEMBERED) {
                passed.clear();
            }
            String bearer = authorization.toString().substring("bearer".length()).trim();
            passed.put(key, new AuthenticationToken(bearer).getIssuedAt());
        }
    }
}
