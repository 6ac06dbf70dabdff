package dev.callflow.device;

import dev.callflow.platform.AudioSession;
import dev.callflow.platform.AudioSessionError;
import dev.callflow.sdk.AudioState;
import dev.callflow.timeline.EventKind;
import dev.callflow.timeline.Level;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * {@code AVAudioSession} under CallKit. The app configures category and mode; only the system activates for a call
 * (R-AUD-1). An app activation while the system holds the session fails with '!pri' 561017449; one that succeeds
 * before the call blocks the system's own activation, so {@code didActivate} never comes, as DTS describes.
 * System transitions run one after another with the profile's latencies, so End &amp; Accept deactivates before it
 * activates again.
 */
public final class SimulatedAudioSession implements AudioSession, AudioState {
    private final SimulatedDevice device;
    private CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
    private boolean systemActive;
    private UUID activeFor;
    private boolean appActive;

    SimulatedAudioSession(SimulatedDevice device) {
        this.device = device;
    }

    // ---- the app's side -----------------------------------------------------------------------------------

    public void setCategory(String category, String mode) {
        device.record(EventKind.AUDIO_SESSION_SET_CATEGORY, null, "category", category, "mode", mode);
    }

    /** {@code setActive(_:)}: the error, if the system refused. */
    public Optional<AudioSessionError> setActive(boolean active) {
        AudioSessionError error = null;
        synchronized (device.lock) {
            if (active && systemActive) {
                error = AudioSessionError.INSUFFICIENT_PRIORITY;
            } else {
                appActive = active;
            }
        }
        device.record(EventKind.AUDIO_SESSION_SET_ACTIVE, error == null ? Level.INFO : Level.ERROR, null,
                "active", String.valueOf(active),
                "error", error == null ? null : String.valueOf(error.code()),
                "reason", error == null ? null : "'" + error.wireName() + "' Insufficient priority");
        return Optional.ofNullable(error);
    }

    /** Whether audio I/O can run: the system activated the session, or the app did before any call. */
    public boolean isActive() {
        synchronized (device.lock) {
            return systemActive || appActive;
        }
    }

    public boolean isSystemActive() {
        synchronized (device.lock) {
            return systemActive;
        }
    }

    // ---- the system's side --------------------------------------------------------------------------------

    /** The app process died: an activation it made dies with it and no longer blocks CallKit. Caller holds the lock. */
    void appTerminated() {
        appActive = false;
    }

    /**
     * Activates for {@code call}; if the session is active for another call (the answer of End &amp; Accept came first)
     * it is deactivated and activated again, never silently handed over (R-MULTI-2).
     */
    void systemActivate(UUID call) {
        boolean handOver;
        synchronized (device.lock) {
            handOver = systemActive && !call.equals(activeFor);
        }
        if (handOver) {
            systemDeactivate();
        }
        enqueue(device.timing().activationDelay(), () -> activateNow(call));
    }

    void systemDeactivate() {
        enqueue(device.timing().deactivationDelay(), this::deactivateNow);
    }

    private void activateNow(UUID call) {
        boolean blockedByApp;
        synchronized (device.lock) {
            SystemCall c = device.calls.get(call);
            if (c == null || !c.usesAudio() || (systemActive && call.equals(activeFor))) {
                return;
            }
            blockedByApp = appActive;
            if (!blockedByApp && device.activationPolicy.deliver(call)) {
                systemActive = true;
                activeFor = call;
            } else if (!blockedByApp) {
                device.record(EventKind.ACTIVATION_SUPPRESSED, Level.WARNING, call, "fault", "didActivate never comes (R-AUD-6)");
                return;
            }
        }
        if (blockedByApp) {
            device.record(EventKind.AUDIO_SESSION_ACTIVATION_FAILED, Level.ERROR, call,
                    "why", "the app activated the session itself; CallKit cannot activate it (R-AUD-1)");
            return;
        }
        device.providerDelegate().ifPresent(d -> device.main.async(() -> {
            device.record(EventKind.DID_ACTIVATE_AUDIO_SESSION, call);
            d.didActivateAudioSession();
        }));
    }

    private void deactivateNow() {
        UUID was;
        synchronized (device.lock) {
            if (!systemActive) {
                return;
            }
            systemActive = false;
            was = activeFor;
            activeFor = null;
        }
        device.providerDelegate().ifPresentOrElse(d -> device.main.async(() -> {
            device.record(EventKind.DID_DEACTIVATE_AUDIO_SESSION, was);
            d.didDeactivateAudioSession();
        }), () -> device.record(EventKind.AUDIO_SESSION_DEACTIVATED, was, "delegate", "none"));
    }

    /** One transition after the other: each waits its latency after the one before it ended; in flight meanwhile. */
    private void enqueue(Duration delay, Runnable step) {
        device.clock.begin();
        CompletableFuture<Void> done = new CompletableFuture<>();
        CompletableFuture<Void> previous;
        synchronized (this) {
            previous = chain;
            chain = done;
        }
        previous.whenComplete((v, e) -> device.schedule(() -> {
            try {
                step.run();
            } finally {
                device.clock.end();
                done.complete(null);
            }
        }, delay));
    }
}
