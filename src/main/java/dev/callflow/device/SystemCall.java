package dev.callflow.device;

import dev.callflow.platform.Handle;
import java.util.UUID;

/** The system's record of one call of this app (what callservicesd knows). Guarded by the device lock. */
final class SystemCall {
    enum Phase { RINGING, STARTING, CONNECTING, ACTIVE, HELD, ENDED }

    final UUID uuid;
    final boolean outgoing;
    final Handle handle;
    final boolean supportsHolding;
    Phase phase;
    /** What the incoming-call UI offers for this call (R-MULTI-1), e.g. {@code endAndAccept,decline}. */
    String uiOptions = "answer,decline";
    VirtualClock.Scheduled ringTimer;
    /** An outgoing call's mark until its callee answers: a person is awaited ({@link VirtualClock.Wait#PERSON}). */
    VirtualClock.Scheduled calleeAwaited;

    SystemCall(UUID uuid, boolean outgoing, Handle handle, boolean supportsHolding, Phase phase) {
        this.uuid = uuid;
        this.outgoing = outgoing;
        this.handle = handle;
        this.supportsHolding = supportsHolding;
        this.phase = phase;
    }

    boolean live() {
        return phase != Phase.ENDED;
    }

    /** Active or about to be: a call that owns the audio session once activated. */
    boolean usesAudio() {
        return phase == Phase.ACTIVE || phase == Phase.CONNECTING || phase == Phase.STARTING;
    }

    void cancelRingTimer() {
        if (ringTimer != null) {
            ringTimer.cancel();
            ringTimer = null;
        }
    }

    /** The callee answered, or the call ended: nobody is awaited for it any more. */
    void calleeDone() {
        if (calleeAwaited != null) {
            calleeAwaited.cancel();
            calleeAwaited = null;
        }
    }
}
