package dev.callflow.device;

import dev.callflow.iut.AppEnvironment;
import dev.callflow.sdk.MediaSdk;
import dev.callflow.signalling.SignallingClient;
import dev.callflow.timeline.Source;

import java.util.UUID;

/** The frameworks one app process sees. */
final class DeviceEnvironment implements AppEnvironment {
    private final SimulatedDevice device;
    private final MediaSdk sdk;

    DeviceEnvironment(SimulatedDevice device, MediaSdk sdk) {
        this.device = device;
        this.sdk = sdk;
    }

    @Override public CallProvider createProvider(ProviderConfiguration configuration) { return device.newProvider(configuration); }

    @Override public CallController callController() { return device.callController(); }

    @Override public PushRegistry pushRegistry() { return device.pushKit(); }

    @Override public AudioSession audioSession() { return device.audioSession(); }

    @Override public MediaSdk mediaSdk() { return sdk; }

    @Override public SignallingClient signalling() { return device.signalling(); }

    @Override public void runOnMain(Runnable task) { device.main.async(task); }

    @Override public void log(String event, UUID call, String... keyValues) { device.record(Source.APP, event, call, keyValues); }

    @Override public String bundleId() { return device.bundleId(); }

    @Override
    public void report(dev.callflow.timeline.Level level, String event, UUID call, String... keyValues) {
        device.record(Source.APP, level, event, call, keyValues);
    }

    @Override
    public void sdkReport(String op, UUID call, String... keyValues) {
        device.record(Source.SDK, op, call, keyValues);
    }

    @Override
    public Runnable beginWork() {
        device.activity.begin();
        java.util.concurrent.atomic.AtomicBoolean ended = new java.util.concurrent.atomic.AtomicBoolean();
        return () -> {
            if (ended.compareAndSet(false, true)) {
                device.activity.end();
            }
        };
    }

    @Override
    public void crash(String exception, String detail) {
        device.terminate("crash", exception, detail);
    }
}
