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

/**
 * Faults a scenario injects into the simulated phone: the app's main thread hangs (R-TX-2), the system resets the
 * provider (R-END-4), the system never activates the audio session (R-AUD-6). Durations are real-world iOS ones on the
 * phone's virtual clock; a hang keeps the main queue busy until the clock reaches its end, never a sleep.
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

    /** Blocks the app's main queue from now on for {@code duration}: nothing the system sends is handled meanwhile. */
    public void hangMainThread(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        device.main.async(() -> hang(duration, "idle", () -> { }));
    }

    /**
     * The app's main thread hangs inside the next perform action of this type, for {@code duration}, as an app does
     * that waits synchronously on the network in its delegate.
     */
    public void hangInNextAction(ActionType type, Duration duration) {
        hangInNext.put(Objects.requireNonNull(type, "action type"), Objects.requireNonNull(duration, "duration"));
    }

    /**
     * Called on the main queue by the action engine right after it recorded the perform event: when the app is to
     * hang in this action, the main thread is busy for the hang and {@code delegate} runs after it; true then.
     */
    boolean hangBeforeDelegate(SimulatedCallAction action, Runnable delegate) {
        Duration hang = hangInNext.remove(action.type());
        if (hang == null) {
            return false;
        }
        hang(hang, action.type().delegateEvent().wireName(), delegate);
        return true;
    }

    /**
     * Keeps the main queue busy for {@code duration} of virtual time, then {@code andThen} runs first. Every app, in
     * this JVM or behind callflow-iut/2, gets its next callback only when the hang is over; the system's own work
     * (an action timing out meanwhile) goes on.
     */
    private void hang(Duration duration, String where, Runnable andThen) {
        device.record(EventKind.APP_MAIN_THREAD_HANGS, Level.WARNING, null, "in", where, "for", duration.toMillis() + "ms");
        device.main.busyFor(duration, () -> {
            device.record(EventKind.APP_MAIN_THREAD_RESUMES, null, "in", where);
            andThen.run();
        });
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
