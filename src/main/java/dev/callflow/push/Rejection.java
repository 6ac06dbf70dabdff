package dev.callflow.push;

import com.eatthepath.pushy.apns.server.RejectedNotificationException;
import com.eatthepath.pushy.apns.server.RejectionReason;
import com.eatthepath.pushy.apns.server.UnregisteredDeviceTokenException;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A rejection a {@link RejectionPolicy} asks the mock APNs to send instead of accepting a push.
 *
 * @param reason              one of Pushy's {@link RejectionReason}s; its HTTP status is Apple's
 * @param tokenInvalidatedAt  only for {@link RejectionReason#UNREGISTERED}: the time sent as {@code timestamp}
 */
public record Rejection(RejectionReason reason, Optional<Instant> tokenInvalidatedAt) {

    public Rejection {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(tokenInvalidatedAt, "tokenInvalidatedAt");
        if (reason == RejectionReason.UNREGISTERED && tokenInvalidatedAt.isEmpty()) {
            throw new IllegalArgumentException("UNREGISTERED needs the time the token became invalid; "
                    + "use Rejection.unregistered(Instant).");
        }
        if (reason != RejectionReason.UNREGISTERED && tokenInvalidatedAt.isPresent()) {
            throw new IllegalArgumentException("Only UNREGISTERED carries a timestamp, not " + reason + ".");
        }
    }

    /** A rejection without a timestamp, e.g. {@code Rejection.of(RejectionReason.TOO_MANY_REQUESTS)} (429). */
    public static Rejection of(RejectionReason reason) {
        return new Rejection(reason, Optional.empty());
    }

    /** 410 Unregistered: the token stopped being valid at {@code since}. */
    public static Rejection unregistered(Instant since) {
        return new Rejection(RejectionReason.UNREGISTERED, Optional.of(Objects.requireNonNull(since, "since")));
    }

    /** 429 TooManyRequests. */
    public static Rejection tooManyRequests() {
        return of(RejectionReason.TOO_MANY_REQUESTS);
    }

    /** 503 ServiceUnavailable. */
    public static Rejection serviceUnavailable() {
        return of(RejectionReason.SERVICE_UNAVAILABLE);
    }

    public int status() {
        return RejectionReasons.status(reason);
    }

    RejectedNotificationException toException() {
        return tokenInvalidatedAt.<RejectedNotificationException>map(UnregisteredDeviceTokenException::new)
                .orElseGet(() -> new RejectedNotificationException(reason));
    }
}
