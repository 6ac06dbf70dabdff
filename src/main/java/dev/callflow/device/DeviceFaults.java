package dev.callflow.device;

import dev.callflow.platform.ActionType;
import dev.callflow.timeline.EventKind;
import dev.callflow.timeline.Level;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Faults a scenario injects into the simulated phone: the app's main thread hangs (R-TX-2), the system resets the
 * provider (R-END-4), the system never activates the audio session (R-AUD-6). Durations are real-world ones, scaled
 * by the timing profile; a hang is a latch the system scheduler releases, never a sleep.
 */
public final class DeviceFaults {
    private final SimulatedDevice device;
    private final Map<ActionType, Duration> hangInNext = new ConcurrentHashMap<>();

    DeviceFaults(SimulatedDevice device) {
        this.device = device;
    }

    /** "didActivate never comes" (R-AUD-6, FB19429215): every activation from now on is suppressed. */
    public void neverActivateAudio() {
        device.record(EventKind.FAULT_INJECTED, Level.WARNING, null, "fault", "didActivate never comes (R-AUD-6)");
        device.activationPolicy(call -> false);
    }

    /** Blocks the app's main queue from now on for {@code real} (scaled): nothing the system sends is handled meanwhile. */
    public void hangMainThread(Duration real) {
        Objects.requireNonNull(real, "duration");
        device.main.async(() -> block(real, "idle"));
    }

    /**
     * The app's main thread hangs inside the next perform action of this type, for {@code real} (scaled), as an app
     * does that waits synchronously on the network in its delegate.
     */
    public void hangInNextAction(ActionType type, Duration real) {
        hangInNext.put(Objects.requireNonNull(type, "action type"), Objects.requireNonNull(real, "duration"));
    }

    /** Called on the main queue by the action engine right after it recorded the perform event. */
    void beforeDelegate(SimulatedCallAction action) {
        Duration hang = hangInNext.remove(action.type());
        if (hang != null) {
            block(hang, action.type().delegateEvent().wireName());
        }
    }

    private void block(Duration real, String where) {
        Duration scaled = device.timing().scale(real);
        CountDownLatch released = new CountDownLatch(1);
        // Blocking the main queue is the whole fault: every app, in this JVM or behind callflow-iut/2, gets its next
        // callback only when the hang is over.
        device.record(EventKind.APP_MAIN_THREAD_HANGS, Level.WARNING, null, "in", where,
                "for", real.toMillis() + "ms", "scaled", scaled.toMillis() + "ms");
        device.schedule(released::countDown, scaled);
        boolean resumed;
        try {
            // Bounded: the scheduler releases the latch; the bound only guards against a device that was closed.
            resumed = released.await(scaled.plus(device.timing().assertionTimeout()).toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            resumed = false;
        }
        device.record(EventKind.APP_MAIN_THREAD_RESUMES, null, "in", where, "released", String.valueOf(resumed));
    }

    /**
     * {@code providerDidReset(_:)}: callservicesd reset the provider. Every call of the app ends in the system, its
     * pending actions need no answer any more, the audio session is deactivated, and the delegate is told (R-END-4).
     */
    public void resetProvider() {
        List<UUID> live = device.liveCalls();
        device.record(EventKind.PROVIDER_RESET, Level.WARNING, null, "liveCalls", String.valueOf(live.size()));
        live.forEach(call -> device.endCall(call, "provider reset"));
        device.audioSession().systemDeactivate();
        device.providerDelegate().ifPresent(d -> device.main.async(() -> {
            device.record(EventKind.PROVIDER_DID_RESET, null);
            d.providerDidReset();
        }));
    }
}
