package dev.callflow.device;

import dev.callflow.platform.AppEnvironment;
import dev.callflow.platform.AppTimer;
import dev.callflow.platform.MediaSdk;
import dev.callflow.platform.ProviderConfiguration;
import dev.callflow.signalling.SignallingClient;
import dev.callflow.timeline.EventKind;
import dev.callflow.timeline.Level;
import dev.callflow.timeline.Source;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/** The frameworks one app process sees. */
final class DeviceEnvironment implements AppEnvironment {
    /** App timers this long or longer wait in the background while a call rings for a person. */
    static final Duration PATIENT_TIMER = Duration.ofSeconds(20);

    private final SimulatedDevice device;
    private final MediaSdk sdk;
    private final int generation;

    DeviceEnvironment(SimulatedDevice device, MediaSdk sdk) {
        this.device = device;
        this.sdk = sdk;
        this.generation = device.generation();
    }

    @Override public SimulatedCallProvider createProvider(ProviderConfiguration configuration) { return device.newProvider(configuration); }

    @Override public SimulatedCallController callController() { return device.callController(); }

    @Override public SimulatedPushRegistry pushRegistry() { return device.pushKit(); }

    @Override public SimulatedAudioSession audioSession() { return device.audioSession(); }

    @Override public MediaSdk mediaSdk() { return sdk; }

    @Override public SignallingClient signalling() { return device.signalling(); }

    @Override public void runOnMain(Runnable task) { device.inSimulation(() -> device.main.async(task)); }

    /**
     * {@code DispatchQueue.main.asyncAfter} on the scenario's virtual clock: the task is queued on the main queue once
     * {@code delay} has passed in virtual time. A pending timer counts as the phone's work in flight (it may still
     * produce events, so an absence cannot be judged before it fired or was cancelled), except a timer of
     * {@link #PATIENT_TIMER} or more while a call rings for a person: that is how an app gives up on a call nobody
     * answers, and like the system's own ring timeout it is reached only when the scenario lets the call ring.
     */
    @Override
    public AppTimer runOnMainAfter(Duration delay, Runnable task) {
        Objects.requireNonNull(task, "task");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("a timer delay must not be negative, got " + delay);
        }
        AtomicBoolean armed = new AtomicBoolean(true);
        device.appTimers.incrementAndGet();
        Runnable disarm = () -> {
            if (armed.compareAndSet(true, false)) {
                device.appTimers.decrementAndGet();
            }
        };
        VirtualClock.Wait wait = delay.compareTo(PATIENT_TIMER) >= 0 ? VirtualClock.Wait.PATIENT : VirtualClock.Wait.COUNTED;
        VirtualClock.Scheduled timer = device.clock.schedule(delay, VirtualClock.Lane.MAIN, wait, () -> {
            disarm.run();
            if (generation == device.generation()) {
                device.main.async(task);
            }
        });
        return () -> {
            disarm.run();
            timer.cancel();
        };
    }

    /** {@code UUID()}: drawn from the scenario's seed, so the same scenario makes the same UUIDs on every run. */
    @Override public UUID newUuid() { return device.newUuid(); }

    @Override public Optional<String> userDefault(String key) { return device.appDefault(key); }

    @Override public java.util.Map<String, String> userDefaults() { return device.appDefaults(); }

    @Override
    public void log(String event, UUID call, String... keyValues) {
        device.inSimulation(() -> device.recordAppNamed(Source.APP, Level.INFO, event, call, keyValues));
    }

    @Override public String bundleId() { return device.bundleId(); }

    @Override
    public void record(EventKind kind, Level level, UUID call, String... keyValues) {
        device.inSimulation(() -> device.record(kind, level, call, keyValues));
    }

    @Override
    public void sdkReport(String op, UUID call, String... keyValues) {
        device.inSimulation(() -> device.recordAppNamed(Source.SDK, Level.INFO, op, call, keyValues));
    }

    @Override
    public void crash(String exception, String detail) {
        // A verdict about an external app can come from its reader thread (a stray line, the process exiting).
        device.inSimulation(() -> device.terminate("crash", exception, detail));
    }
}
