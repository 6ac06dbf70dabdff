package dev.callflow.push;

import com.eatthepath.pushy.apns.DeliveryPriority;
import com.eatthepath.pushy.apns.PushType;
import com.eatthepath.pushy.apns.util.SimpleApnsPushNotification;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One push for {@link AppServer#send}: anything a provider can put on the wire, including what APNs will reject
 * (a topic the token is not for, the wrong push type, an oversized payload), so fault tests can send it.
 * {@link AppServer#sendVoip} builds the well-formed VoIP case.
 */
public final class PushRequest {

    private final String deviceToken;
    private final String topic;
    private final PushType pushType;
    private final String payload;
    private final DeliveryPriority priority;
    private final Instant expiration;
    private final String collapseId;
    private final UUID apnsId;

    private PushRequest(Builder b) {
        this.deviceToken = b.deviceToken;
        this.topic = b.topic;
        this.pushType = b.pushType;
        this.payload = b.payload;
        this.priority = b.priority;
        this.expiration = b.expiration;
        this.collapseId = b.collapseId;
        this.apnsId = b.apnsId != null ? b.apnsId : UUID.randomUUID();
    }

    public static Builder builder() {
        return new Builder();
    }

    public String deviceToken() {
        return deviceToken;
    }

    public String topic() {
        return topic;
    }

    public Optional<PushType> pushType() {
        return Optional.ofNullable(pushType);
    }

    public String payload() {
        return payload;
    }

    public DeliveryPriority priority() {
        return priority;
    }

    public Instant expiration() {
        return expiration;
    }

    public Optional<String> collapseId() {
        return Optional.ofNullable(collapseId);
    }

    public UUID apnsId() {
        return apnsId;
    }

    /** The same push under another {@code apns-id} (e.g. one drawn from a scenario's seed). */
    public PushRequest withApnsId(UUID id) {
        Builder b = new Builder();
        b.deviceToken = deviceToken;
        b.topic = topic;
        b.pushType = pushType;
        b.payload = payload;
        b.priority = priority;
        b.expiration = expiration;
        b.collapseId = collapseId;
        b.apnsId = java.util.Objects.requireNonNull(id, "apnsId");
        return new PushRequest(b);
    }

    SimpleApnsPushNotification toPushy() {
        return new SimpleApnsPushNotification(deviceToken, topic, payload, expiration, priority, pushType,
                collapseId, apnsId);
    }

    @Override
    public String toString() {
        return "PushRequest[" + topic + " -> " + deviceToken + ", " + (pushType == null ? "no push type"
                : pushType.getHeaderValue()) + ", " + payload.length() + " chars, apns-id " + apnsId + "]";
    }

    /** Required: {@link #deviceToken}, {@link #topic}, {@link #payload}. */
    public static final class Builder {
        private String deviceToken;
        private String topic;
        private PushType pushType;
        private String payload;
        private DeliveryPriority priority = DeliveryPriority.IMMEDIATE;
        private Instant expiration = Instant.EPOCH;
        private String collapseId;
        private UUID apnsId;

        private Builder() {
        }

        /** Sent as-is in the path, so malformed tokens can be tested. */
        public Builder deviceToken(String deviceToken) {
            this.deviceToken = deviceToken;
            return this;
        }

        /** {@code apns-topic}; for VoIP the bundle id plus {@code ".voip"}. */
        public Builder topic(String topic) {
            this.topic = topic;
            return this;
        }

        /** {@code apns-push-type}; {@code null} leaves the header out. */
        public Builder pushType(PushType pushType) {
            this.pushType = pushType;
            return this;
        }

        /** The body, sent as-is (not checked for JSON, so fault tests can send anything). */
        public Builder payload(String payload) {
            this.payload = payload;
            return this;
        }

        /** {@code apns-priority}; default {@link DeliveryPriority#IMMEDIATE} (10), required for VoIP. */
        public Builder priority(DeliveryPriority priority) {
            this.priority = Objects.requireNonNull(priority, "priority");
            return this;
        }

        /**
         * {@code apns-expiration}; default {@link Instant#EPOCH}, sent as {@code 0}: Apple's advice for VoIP,
         * "deliver immediately or not at all", since a late call push is worse than none.
         */
        public Builder expiration(Instant expiration) {
            this.expiration = Objects.requireNonNull(expiration, "expiration; use Instant.EPOCH for \"0\"");
            return this;
        }

        public Builder collapseId(String collapseId) {
            this.collapseId = collapseId;
            return this;
        }

        /** {@code apns-id}; a random UUID when not set. */
        public Builder apnsId(UUID apnsId) {
            this.apnsId = apnsId;
            return this;
        }

        public PushRequest build() {
            if (deviceToken == null || deviceToken.isEmpty()) {
                throw new IllegalStateException("No device token; call deviceToken(...) with the token the app "
                        + "registered before build().");
            }
            if (topic == null || topic.isEmpty()) {
                throw new IllegalStateException("No topic; call topic(...) before build() (for VoIP: the bundle id "
                        + "plus \".voip\").");
            }
            if (payload == null) {
                throw new IllegalStateException("No payload; call payload(...) before build() (\"\" to test "
                        + "PayloadEmpty).");
            }
            return new PushRequest(this);
        }
    }
}
