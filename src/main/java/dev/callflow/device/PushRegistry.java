package dev.callflow.device;

import dev.callflow.iut.LaunchReason;
import dev.callflow.timeline.Level;
import dev.callflow.timeline.Source;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * PushKit: the app's {@code PKPushRegistry} and the system's delivery of VoIP pushes. A push to a killed app
 * cold-launches it in the background; the call must be reported before the delegate returns (R-PUSH-1), or the
 * app is terminated; repeated failures stop delivery altogether (R-PUSH-2).
 */
public final class PushRegistry {
    static final String KILL_MESSAGE = "Killing app because it never posted an incoming call to the system after "
            + "receiving a PushKit VoIP push.";
    static final String BAN_MESSAGE = "Application will not be launched because it failed to report an incoming "
            + "call too many times (or repeatedly crashed.)";

    private final SimulatedDevice device;
    private final AtomicInteger reports = new AtomicInteger();
    private volatile PushRegistryDelegate delegate;

    PushRegistry(SimulatedDevice device) {
        this.device = device;
    }

    /** Registers for VoIP pushes; the token arrives on the main queue via {@code didUpdatePushCredentials}. */
    public void setDelegate(PushRegistryDelegate d) {
        this.delegate = d;
        device.record(Source.APP, "pushRegistryDelegateSet", null, "desiredPushTypes", "voIP");
        device.main.async(() -> {
            device.record(Source.SYSTEM, "didUpdatePushCredentials", null, "token", device.deviceToken());
            d.didUpdatePushCredentials(device.deviceToken());
        });
    }

    void noteReport() {
        reports.incrementAndGet();
    }

    void appTerminated() {
        delegate = null;
    }

    void deliver(VoipPush push) {
        UUID call = callOf(push);
        if (device.pushBanned()) {
            device.record(Source.SYSTEM, Level.ERROR, "pushNotDelivered", call, "apnsId", push.apnsId(),
                    "why", BAN_MESSAGE);
            return;
        }
        switch (device.appState()) {
            case NOT_RUNNING -> device.launchApp(LaunchReason.VOIP_PUSH);
            case BACKGROUND -> device.record(Source.SYSTEM, "appWokenForPush", call);
            case FOREGROUND -> { }
        }
        device.main.async(() -> deliverNow(push, call));
    }

    private void deliverNow(VoipPush push, UUID call) {
        PushRegistryDelegate d = delegate;
        if (d == null) {
            device.record(Source.SYSTEM, Level.ERROR, "pushNotDelivered", call, "apnsId", push.apnsId(),
                    "why", "no PKPushRegistry delegate was set at launch (R-PUSH-6)");
            unreported(call);
            return;
        }
        int before = reports.get();
        device.record(Source.SYSTEM, "didReceiveIncomingPush", call, "apnsId", push.apnsId(), "type", "voIP");
        try {
            d.didReceiveIncomingPush(push, () -> device.record(Source.APP, "pushCompletion", call, "apnsId", push.apnsId()));
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
        device.record(Source.SYSTEM, Level.ERROR, "pushNotReported", call, "failures", String.valueOf(failures),
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
