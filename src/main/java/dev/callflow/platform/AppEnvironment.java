package dev.callflow.platform;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/** What an app process can reach on the simulated device: the system frameworks, its SDK, its server, its log. */
public interface AppEnvironment {

    /** {@code CXProvider(configuration:)}. A VoIP app creates exactly one (R-CFG-1); every call is counted. */
    CallProvider createProvider(ProviderConfiguration configuration);

    /** {@code CXCallController()}. */
    CallController callController();

    /** {@code PKPushRegistry(queue: .main)} with desired type VoIP. */
    PushRegistry pushRegistry();

    /** {@code AVAudioSession.sharedInstance()}. */
    AudioSession audioSession();

    /** The media SDK the app links (the seed's mediasdk). */
    MediaSdk mediaSdk();

    /** The app's client for its signalling server (real HTTP). */
    SignallingApi signalling();

    /** {@code DispatchQueue.main.async}: the queue every delegate callback runs on. */
    void runOnMain(Runnable task);

    /**
     * {@code DispatchQueue.main.asyncAfter}: runs {@code task} on the main queue once {@code delay} has passed. The
     * delay is a real-world iOS duration on the device's clock (virtual time), the same time as the system's latencies
     * and timeouts. A timer of a process that has since died never fires.
     */
    AppTimer runOnMainAfter(Duration delay, Runnable task);

    /**
     * {@code UUID()}: a new random UUID, e.g. for a call the app starts itself. The simulated device draws it from the
     * scenario's seed, so a run can be repeated exactly; use this rather than {@link UUID#randomUUID()}.
     */
    default UUID newUuid() {
        return UUID.randomUUID();
    }

    /** The app's stored settings ({@code UserDefaults}), as a scenario configured them before launch. */
    default Optional<String> userDefault(String key) {
        return Optional.empty();
    }

    /** Every stored setting ({@code UserDefaults}) the scenario configured, for a bridge to hand to an external app. */
    default java.util.Map<String, String> userDefaults() {
        return java.util.Map.of();
    }

    /** The app's own log line ({@code [I][App] handleIncomingCall}), recorded on the timeline. */
    void log(String event, UUID call, String... keyValues);

    String bundleId();

    // ---- for bridges to implementations outside the JVM ---------------------------------------------------

    /** The device's id, which the app sends to its signalling server. */
    default String deviceId() {
        return signalling().deviceId();
    }

    /**
     * An event the harness records on the app's behalf: what a bridge to an external implementation observes of it
     * (its hello, its stderr, a refused request, a verdict such as {@code iutHung}). Never one the app itself makes.
     */
    void record(dev.callflow.timeline.EventKind kind, dev.callflow.timeline.Level level, UUID call, String... keyValues);

    /** The app's own media SDK did something: recorded as an SDK event. */
    void sdkReport(String op, UUID call, String... keyValues);

    /** The app process dies (an uncaught exception, a protocol violation, an exit). */
    void crash(String exception, String detail);
}
