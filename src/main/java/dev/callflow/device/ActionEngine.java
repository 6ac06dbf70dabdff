package dev.callflow.device;

import dev.callflow.platform.ActionRequest;
import dev.callflow.platform.ActionType;
import dev.callflow.platform.ProviderDelegate;
import dev.callflow.timeline.EventKind;
import dev.callflow.timeline.Level;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Performs actions on the provider delegate and holds them to their contract: completed exactly once (R-TX-1),
 * within the action timeout (R-TX-2). Completion effects follow the system: a fulfilled answer or start leads to
 * audio activation, a fulfilled end to deactivation once no call needs the session.
 */
final class ActionEngine {
    private record Pending(SimulatedCallAction action, VirtualClock.Scheduled timer, String origin) { }

    /** Ends the user asked for on this phone: only these give a held call of the app the session back. */
    private static final java.util.Set<String> LOCAL_USER_ORIGINS = java.util.Set.of("transaction", "systemCallUi", "sideButton");

    private final SimulatedDevice device;
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, Pending> pending = new ConcurrentHashMap<>();

    ActionEngine(SimulatedDevice device) {
        this.device = device;
    }

    /** Actions the system decided on its own (system UI, ring timeout, side button, action timeout). */
    void performSystem(ActionRequest request, String origin) {
        perform(request, origin);
    }

    void performAll(List<ActionRequest> requests, String origin) {
        requests.forEach(r -> perform(r, origin));
    }

    private void perform(ActionRequest r, String origin) {
        SimulatedCallAction action = new SimulatedCallAction(ids.incrementAndGet(), r.type(), r.call(), r.handle(), r.onHold(), this::completed);
        // The timeout waits in the background; the action itself is in flight until the app completes it or it times out.
        VirtualClock.Scheduled timer = device.schedule(() -> timedOut(action), device.timing().actionTimeout());
        device.clock.begin();
        pending.put(action.id(), new Pending(action, timer, origin));
        device.main.async(() -> deliver(action, origin));
    }

    private void deliver(SimulatedCallAction action, String origin) {
        if (action.state() != SimulatedCallAction.State.PENDING || !pending.containsKey(action.id())) {
            return;
        }
        device.record(action.type().delegateEvent(), action.callUUID(), "action", String.valueOf(action.id()),
                "origin", origin, "onHold", action.type() == ActionType.SET_HELD ? String.valueOf(action.onHold()) : null);
        Optional<ProviderDelegate> delegate = device.providerDelegate();
        if (delegate.isEmpty()) {
            device.record(EventKind.ACTION_UNDELIVERABLE, Level.WARNING, action.callUUID(),
                    "action", String.valueOf(action.id()), "why", "no CXProvider with a delegate");
            return;
        }
        ProviderDelegate d = delegate.get();
        if (!device.faults().hangBeforeDelegate(action, () -> callDelegate(d, action))) {
            callDelegate(d, action);
        }
    }

    private static void callDelegate(ProviderDelegate d, SimulatedCallAction action) {
        switch (action.type()) {
            case START -> d.performStartCallAction(action);
            case ANSWER -> d.performAnswerCallAction(action);
            case END -> d.performEndCallAction(action);
            case SET_HELD -> d.performSetHeldCallAction(action);
            case SET_MUTED -> d.performSetMutedCallAction(action);
        }
    }

    private void completed(SimulatedCallAction action, boolean fulfilled, SimulatedCallAction.State before) {
        // An action whose call the system ended meanwhile (remote end, provider reset) no longer needs an answer.
        boolean callGone = before == SimulatedCallAction.State.PENDING && !pending.containsKey(action.id());
        device.record(fulfilled ? EventKind.FULFILL : EventKind.FAIL, action.callUUID(),
                "action", action.type().wireName(), "actionId", String.valueOf(action.id()),
                "duplicate", before == SimulatedCallAction.State.FULFILLED || before == SimulatedCallAction.State.FAILED ? "true" : null,
                "afterTimeout", before == SimulatedCallAction.State.TIMED_OUT ? "true" : null,
                "callGone", callGone ? "true" : null);
        if (before != SimulatedCallAction.State.PENDING) {
            return;
        }
        Pending p = pending.remove(action.id());
        if (p == null) {
            return;
        }
        p.timer().cancel();
        device.clock.end();
        UUID uuid = action.callUUID();
        switch (action.type()) {
            case START, ANSWER -> {
                if (!fulfilled) {
                    device.endCall(uuid, action.type().wireName() + " action failed");
                    return;
                }
                if (markConnecting(uuid, action.type())) {
                    device.audioSession().systemActivate(uuid);
                }
            }
            case END -> {
                device.endCall(uuid, fulfilled ? "end action fulfilled" : "end action failed");
                if (LOCAL_USER_ORIGINS.contains(p.origin())) {
                    resumeHeldCall();
                }
            }
            case SET_HELD -> {
                if (fulfilled) {
                    setHeld(uuid, action.onHold());
                }
            }
            case SET_MUTED -> { }
        }
    }

    private boolean markConnecting(UUID uuid, ActionType type) {
        synchronized (device.lock) {
            SystemCall call = device.calls.get(uuid);
            if (call == null || !call.live()) {
                return false;
            }
            call.cancelRingTimer();
            if (type == ActionType.ANSWER) {
                call.phase = SystemCall.Phase.ACTIVE;
            }
            return true;
        }
    }

    private void setHeld(UUID uuid, boolean onHold) {
        boolean deactivate = false;
        boolean activate = false;
        synchronized (device.lock) {
            SystemCall call = device.calls.get(uuid);
            if (call == null || !call.live()) {
                return;
            }
            call.phase = onHold ? SystemCall.Phase.HELD : SystemCall.Phase.ACTIVE;
            if (onHold) {
                deactivate = device.calls.values().stream().noneMatch(SystemCall::usesAudio);
            } else {
                activate = true;
            }
        }
        if (deactivate) {
            device.audioSession().systemDeactivate();
        }
        if (activate) {
            device.audioSession().systemActivate(uuid);
        }
    }

    /**
     * The user ended the app's active call on this phone while another call of the app is held and nothing rings:
     * the system resumes the held call, as it does after a local end of another app's call (R-MULTI-3). After a
     * remote end (reportCall(endedAt:)) it stays held until the user resumes it (R-AUD-7).
     */
    private void resumeHeldCall() {
        UUID held;
        synchronized (device.lock) {
            boolean busy = device.calls.values().stream()
                    .anyMatch(c -> c.usesAudio() || c.phase == SystemCall.Phase.RINGING);
            held = busy ? null : device.calls.values().stream().filter(c -> c.phase == SystemCall.Phase.HELD)
                    .map(c -> c.uuid).findFirst().orElse(null);
        }
        if (held != null) {
            perform(ActionRequest.setHeld(held, false), "otherCallEnded");
        }
    }

    private void timedOut(SimulatedCallAction action) {
        if (!action.markTimedOut()) {
            return;
        }
        if (pending.remove(action.id()) != null) {
            device.clock.end();
        }
        UUID uuid = action.callUUID();
        device.record(EventKind.TIMED_OUT_PERFORMING_ACTION, Level.WARNING, uuid, "action", action.type().wireName(),
                "actionId", String.valueOf(action.id()), "after", device.timing().actionTimeout().toMillis() + "ms");
        device.providerDelegate().ifPresent(d -> device.main.async(() -> d.timedOutPerformingAction(action)));
        if (action.type() == ActionType.END) {
            device.endCall(uuid, "end action timed out");
        } else if (action.type() != ActionType.SET_MUTED && device.call(uuid).map(SystemCall::live).orElse(false)) {
            perform(ActionRequest.end(uuid), "actionTimeout");
        }
    }

    /** Actions delivered or queued that the app has not completed yet (nor the system timed out). */
    int pendingCount() {
        return pending.size();
    }

    /** The call ended by other means: its pending actions no longer time out. */
    void cancelPendingFor(UUID uuid) {
        for (Pending p : List.copyOf(pending.values())) {
            if (p.action().callUUID().equals(uuid) && pending.remove(p.action().id(), p)) {
                p.timer().cancel();
                device.clock.end();
            }
        }
    }
}
