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
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/** The frameworks one app process sees. */
final class DeviceEnvironment implements AppEnvironment {
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

    @Override public void runOnMain(Runnable task) { device.main.async(task); }

    /**
     * Scaled by the timing profile; a pending timer counts as device activity (it may still produce events, so an
     * absence cannot be judged before it fired or was cancelled).
     */
    @Override
    public AppTimer runOnMainAfter(Duration realDelay, Runnable task) {
        Objects.requireNonNull(task, "task");
        if (realDelay.isNegative()) {
            throw new IllegalArgumentException("a timer delay must not be negative, got " + realDelay);
        }
        AtomicBoolean done = new AtomicBoolean();
        device.activity.begin();
        device.appTimers.incrementAndGet();
        ScheduledFuture<?> timer;
        try {
            timer = device.schedule(() -> {
                if (done.compareAndSet(false, true)) {
                    try {
                        if (generation == device.generation()) {
                            device.main.async(task);
                        }
                    } finally {
                        device.appTimers.decrementAndGet();
                        device.activity.end();
                    }
                }
            }, device.timing().scale(realDelay));
        } catch (java.util.concurrent.RejectedExecutionException deviceClosed) {
            device.appTimers.decrementAndGet();
            device.activity.end(); // the scenario is over: a timer armed now can never fire
            return AppTimer.NONE;
        }
        return () -> {
            if (done.compareAndSet(false, true)) {
                timer.cancel(false);
                device.appTimers.decrementAndGet();
                device.activity.end();
            }
        };
    }

    @Override public Optional<String> userDefault(String key) { return device.appDefault(key); }

    @Override public java.util.Map<String, String> userDefaults() { return device.appDefaults(); }

    @Override public void log(String event, UUID call, String... keyValues) { device.recordAppNamed(Source.APP, Level.INFO, event, call, keyValues); }

    @Override public String bundleId() { return device.bundleId(); }

    @Override
    public void record(EventKind kind, Level level, UUID call, String... keyValues) {
        device.record(kind, level, call, keyValues);
    }

    @Override
    public void sdkReport(String op, UUID call, String... keyValues) {
        device.recordAppNamed(Source.SDK, Level.INFO, op, call, keyValues);
    }

    @Override
    public void crash(String exception, String detail) {
        device.terminate("crash", exception, detail);
    }
}
