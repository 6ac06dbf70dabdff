package dev.callflow.push;

import com.eatthepath.pushy.apns.auth.ApnsVerificationKey;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.regex.Pattern;

/**
 * The mock APNs's live view of the world, kept in the concurrent maps Pushy's
 * {@code ValidatingPushNotificationHandlerFactory} reads on every push (it keeps references, it does not copy), so
 * registering and unregistering take effect while the server runs.
 */
final class DeviceRegistry {

    private static final Pattern DEVICE_TOKEN = Pattern.compile("[0-9a-fA-F]{64}");

    private final Map<String, Set<String>> deviceTokensByTopic = new ConcurrentHashMap<>();
    private final Map<String, Instant> unregisteredSince = new ConcurrentHashMap<>();
    private final Map<String, ApnsVerificationKey> verificationKeysByKeyId = new ConcurrentHashMap<>();
    private final Map<ApnsVerificationKey, Set<String>> topicsByVerificationKey = new ConcurrentHashMap<>();
    private final Map<String, Registration> registrationsByToken = new ConcurrentHashMap<>();
    private final Executor sinkExecutor;

    DeviceRegistry(Executor sinkExecutor) {
        this.sinkExecutor = sinkExecutor;
    }

    /** A trusted key may sign for every topic that has a registered token (one team owns all test apps). */
    void trust(ApnsVerificationKey key) {
        verificationKeysByKeyId.put(key.getKeyId(), key);
        topicsByVerificationKey.put(key, deviceTokensByTopic.keySet());
    }

    Registration register(String deviceToken, String topic, PushSink sink) {
        requireDeviceToken(deviceToken);
        if (topic == null || topic.isBlank()) {
            throw new IllegalArgumentException("topic is blank; supply the app's bundle id, with \".voip\" appended "
                    + "for VoIP pushes (e.g. \"com.example.callapp.voip\").");
        }
        Objects.requireNonNull(sink, "sink; supply a PushSink that receives the pushes for this token");
        Registration registration = new Registration(this, deviceToken, topic, sink, sinkExecutor);
        Registration earlier = registrationsByToken.putIfAbsent(deviceToken, registration);
        if (earlier != null) {
            throw new IllegalStateException("Device token " + deviceToken + " is already registered for topic "
                    + earlier.topic() + "; close that Registration before registering the token again.");
        }
        unregisteredSince.remove(deviceToken);
        deviceTokensByTopic.computeIfAbsent(topic, t -> ConcurrentHashMap.newKeySet()).add(deviceToken);
        return registration;
    }

    void remove(Registration registration) {
        registrationsByToken.remove(registration.deviceToken(), registration);
        deviceTokensByTopic.computeIfPresent(registration.topic(), (topic, tokens) -> {
            tokens.remove(registration.deviceToken());
            return tokens.isEmpty() ? null : tokens;
        });
    }

    void markUnregistered(String deviceToken, Instant since) {
        requireDeviceToken(deviceToken);
        unregisteredSince.put(deviceToken, Objects.requireNonNull(since, "since; supply the time the token became invalid"));
    }

    Registration find(String deviceToken) {
        return deviceToken == null ? null : registrationsByToken.get(deviceToken);
    }

    Map<String, Set<String>> deviceTokensByTopic() {
        return deviceTokensByTopic;
    }

    Map<String, Instant> unregisteredSince() {
        return unregisteredSince;
    }

    Map<String, ApnsVerificationKey> verificationKeysByKeyId() {
        return verificationKeysByKeyId;
    }

    Map<ApnsVerificationKey, Set<String>> topicsByVerificationKey() {
        return topicsByVerificationKey;
    }

    static void requireDeviceToken(String deviceToken) {
        if (deviceToken == null || !DEVICE_TOKEN.matcher(deviceToken).matches()) {
            throw new IllegalArgumentException("deviceToken must be 64 hex characters (the hex form of the token "
                    + "PushKit hands the app), got " + (deviceToken == null ? "null"
                    : "\"" + deviceToken + "\" (" + deviceToken.length() + " chars)") + ".");
        }
    }
}
