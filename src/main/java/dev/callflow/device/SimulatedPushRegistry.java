package dev.callflow.device;

import dev.callflow.platform.LaunchReason;
import dev.callflow.platform.PushRegistry;
import dev.callflow.platform.PushRegistryDelegate;
import dev.callflow.platform.VoipPush;
import dev.callflow.timeline.EventKind;
import dev.callflow.timeline.Level;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * PushKit: the app's {@code PKPushRegistry} and the system's delivery of VoIP pushes. A push to a killed app
 * cold-launches it in the background; the call must be reported before the delegate returns (R-PUSH-1), or the
 * app is terminated; repeated failures stop delivery altogether (R-PUSH-2).
 */
public final class SimulatedPushRegistry implements PushRegistry {
    static final String KILL_MESSAGE = "Killing app because it never posted an incoming call to the system after "
            + "receiving a PushKit VoIP push.";
    static final String BAN_MESSAGE = "Application will not be launched because it failed to report an incoming "
            + "call too many times (or repeatedly crashed.)";

    private final SimulatedDevice device;
    private final AtomicInteger reports = new AtomicInteger();
    private volatile PushRegistryDelegate delegate;
    /** Pushes that launched (or reached) an app stuck in its launch: they fail when the watchdog kills it. */
    private final List<VoipPush> awaitingLaunch = new ArrayList<>();
    /** A push held to reach the phone together with the next one ({@link PushDeliveryPolicy#withNext()}). */
    private VoipPush heldForNext;
    /** What happens in the world while a call's push is on its way, e.g. the caller cancelling (R-PUSH-5). */
    private final Map<UUID, Runnable> inFlight = new ConcurrentHashMap<>();

    SimulatedPushRegistry(SimulatedDevice device) {
        this.device = device;
    }

    /** Registers for VoIP pushes; the token arrives on the main queue via {@code didUpdatePushCredentials}. */
    public void setDelegate(PushRegistryDelegate d) {
        this.delegate = d;
        device.record(EventKind.PUSH_REGISTRY_DELEGATE_SET, null, "desiredPushTypes", "voIP");
        device.main.async(() -> {
            device.record(EventKind.DID_UPDATE_PUSH_CREDENTIALS, null, "token", device.deviceToken());
            d.didUpdatePushCredentials(device.deviceToken());
        });
    }

    void noteReport() {
        reports.incrementAndGet();
    }

    void appTerminated() {
        delegate = null;
    }

    void whileInFlight(UUID call, Runnable happening) {
        if (inFlight.putIfAbsent(call, happening) != null) {
            throw new IllegalStateException("something already happens while the push for call " + call
                    + " is on its way; combine both into one step");
        }
    }

    /** A push APNs accepted reaches the phone as the device's {@link PushDeliveryPolicy} says. */
    void deliver(VoipPush push) {
        UUID call = callOf(push);
        PushDeliveryPolicy.Delivery delivery = device.pushDeliveryPolicy().decide(push);
        if (delivery instanceof PushDeliveryPolicy.Delay d) {
            device.record(EventKind.PUSH_DELIVERY_DELAYED, call, "apnsId", push.apnsId(),
                    "delay", d.by().toMillis() + "ms");
            runInFlight(call);
            device.scheduleCounted(() -> arrive(push, call), d.by());
        } else if (delivery instanceof PushDeliveryPolicy.Drop) {
            runInFlight(call);
            device.record(EventKind.PUSH_DROPPED, Level.WARNING, call, "apnsId", push.apnsId(),
                    "why", "lost between APNs and the phone");
        } else if (delivery instanceof PushDeliveryPolicy.WithNext) {
            device.clock.begin(); // in flight until the next push releases it
            runInFlight(call);
            synchronized (this) {
                if (heldForNext != null) {
                    throw new IllegalStateException("a push is already held for the next one; send that one first");
                }
                heldForNext = push;
            }
            device.record(EventKind.PUSH_DELIVERY_HELD, call, "apnsId", push.apnsId(),
                    "until", "the next push, to reach the phone together");
        } else if (delivery instanceof PushDeliveryPolicy.Duplicate) {
            runInFlight(call);
            device.record(EventKind.PUSH_DUPLICATED, call, "apnsId", push.apnsId());
            arrive(push, call);
            arrive(push, call);
        } else {
            runInFlight(call);
            VoipPush held;
            synchronized (this) {
                held = heldForNext;
                heldForNext = null;
            }
            if (held == null) {
                arrive(push, call);
            } else {
                arriveTogether(held, push);
            }
        }
    }

    /** Both pushes are admitted, then both handlers are queued before either can run (nothing slips between them). */
    private void arriveTogether(VoipPush first, VoipPush second) {
        try {
            List<Runnable> handlers = new ArrayList<>();
            admit(first, callOf(first)).ifPresent(handlers::add);
            admit(second, callOf(second)).ifPresent(handlers::add);
            device.main.asyncTogether(handlers);
        } finally {
            device.clock.end();
        }
    }

    /** Once per call, on the thread that hands the push to the network: nothing can reach the app before it. */
    private void runInFlight(UUID call) {
        Runnable happening = call == null ? null : inFlight.remove(call);
        if (happening != null) {
            happening.run();
        }
    }

    private void arrive(VoipPush push, UUID call) {
        admit(push, call).ifPresent(device.main::async);
    }

    /**
     * What the system does when a push reaches the phone before handing it to the app: the ban, a launch or a wake.
     * Returns the delegate call to queue on the app's main queue, or empty when the push goes no further now.
     */
    private java.util.Optional<Runnable> admit(VoipPush push, UUID call) {
        if (device.pushBanned()) {
            device.record(EventKind.PUSH_NOT_DELIVERED, Level.ERROR, call, "apnsId", push.apnsId(),
                    "why", BAN_MESSAGE);
            return java.util.Optional.empty();
        }
        switch (device.appState()) {
            case NOT_RUNNING -> device.launchApp(LaunchReason.VOIP_PUSH);
            case BACKGROUND -> device.record(EventKind.APP_WOKEN_FOR_PUSH, call);
            case FOREGROUND -> { }
        }
        synchronized (awaitingLaunch) {
            if (device.launchHung()) {
                awaitingLaunch.add(push);
                return java.util.Optional.empty();
            }
        }
        return java.util.Optional.of(() -> deliverNow(push, call));
    }

    /** The pushes waiting for a launch the watchdog is about to kill (taken before the kill, so none slips in after). */
    List<VoipPush> takeAwaitingLaunch() {
        synchronized (awaitingLaunch) {
            List<VoipPush> taken = new ArrayList<>(awaitingLaunch);
            awaitingLaunch.clear();
            return taken;
        }
    }

    /** The launch watchdog killed the app: every push waiting for that launch failed, and counts towards the ban. */
    void launchKilled(List<VoipPush> failed) {
        for (VoipPush push : failed) {
            int failures = device.notePushFailure();
            device.record(EventKind.PUSH_NOT_DELIVERED, Level.ERROR, callOf(push), "apnsId", push.apnsId(),
                    "failures", String.valueOf(failures),
                    "why", "the app was killed by the launch watchdog before the push was delivered");
        }
    }

    private void deliverNow(VoipPush push, UUID call) {
        PushRegistryDelegate d = delegate;
        if (d == null) {
            device.record(EventKind.PUSH_NOT_DELIVERED, Level.ERROR, call, "apnsId", push.apnsId(),
                    "why", "no PKPushRegistry delegate was set at launch (R-PUSH-6)");
            unreported(call);
            return;
        }
        int before = reports.get();
        device.record(EventKind.DID_RECEIVE_INCOMING_PUSH, call, "apnsId", push.apnsId(), "type", "voIP");
        try {
            d.didReceiveIncomingPush(push, () -> device.record(EventKind.PUSH_COMPLETION, call, "apnsId", push.apnsId()));
        } catch (RuntimeException | Error crash) {
            device.notePushFailure();
            throw crash;
        }
        if (reports.get() == before) {
            unreported(call);
        }
    }

    private void unreported(UUID call) {
        int failures = device.notePushFailure();
        device.record(EventKind.PUSH_NOT_REPORTED, Level.ERROR, call, "failures", String.valueOf(failures),
                "exception", "NSInternalInconsistencyException",
                "where", "-[PKPushRegistry _terminateAppIfThereAreUnhandledVoIPPushes]");
        device.terminate("pushNotReported", "NSInternalInconsistencyException", KILL_MESSAGE);
    }

    private static UUID callOf(VoipPush push) {
        try {
            return push.field("callId").map(UUID::fromString).orElse(null);
        } catch (IllegalArgumentException notAUuid) {
            return null;
        }
    }
}
