package dev.callflow.push;

import com.eatthepath.pushy.apns.PushNotificationResponse;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What APNs answered the provider.
 *
 * @param accepted          HTTP 200
 * @param status            the HTTP status, e.g. 200, 400, 410, 429
 * @param rejectionReason   Apple's reason string, e.g. {@code "DeviceTokenNotForTopic"}, when rejected
 * @param tokenInvalidation for 410 {@code Unregistered}: when the token stopped being valid
 * @param apnsId            the push's {@code apns-id}, the same one {@link ApnsPush#apnsId()} shows the server side
 */
public record PushResult(boolean accepted, int status, Optional<String> rejectionReason,
                         Optional<Instant> tokenInvalidation, String apnsId) {

    public PushResult {
        Objects.requireNonNull(rejectionReason, "rejectionReason");
        Objects.requireNonNull(tokenInvalidation, "tokenInvalidation");
    }

    static PushResult of(PushNotificationResponse<?> response) {
        return new PushResult(response.isAccepted(), response.getStatusCode(), response.getRejectionReason(),
                response.getTokenInvalidationTimestamp(),
                response.getApnsId() == null ? null : response.getApnsId().toString());
    }

    @Override
    public String toString() {
        return accepted ? "accepted " + status + " " + apnsId
                : "rejected " + status + " " + rejectionReason.orElse("?")
                + tokenInvalidation.map(t -> " since " + t).orElse("") + " " + apnsId;
    }
}
