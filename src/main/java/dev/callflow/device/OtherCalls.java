package dev.callflow.device;

import dev.callflow.platform.ActionRequest;
import dev.callflow.timeline.EventKind;

import java.util.Locale;
import java.util.UUID;

/**
 * Calls that are not the app's: a cellular call or another CallKit app's call that interrupts (R-MULTI-3). The
 * user's choice on the system UI turns into actions on the app's active call; when the other call ends, a held call
 * resumes only if the user ended the other call locally, never after a remote end (R-AUD-7).
 */
public final class OtherCalls {

    public enum Kind {
        CELLULAR("cellular"), OTHER_APP("otherApp");

        private final String wireName;

        Kind(String wireName) { this.wireName = wireName; }

        public String wireName() { return wireName; }

        public static Kind parse(String text) {
            String t = text.trim().toLowerCase(Locale.ROOT);
            if (t.contains("cellular") || t.contains("phone") || t.contains("gsm")) {
                return CELLULAR;
            }
            if (t.contains("app")) {
                return OTHER_APP;
            }
            throw new IllegalArgumentException("Unknown kind of other call '" + text + "'; use 'cellular' or 'another app'");
        }
    }

    private enum Phase { NONE, RINGING, ACTIVE }

    private final SimulatedDevice device;
    private Kind kind;
    private Phase phase = Phase.NONE;
    private UUID heldByUs;

    OtherCalls(SimulatedDevice device) {
        this.device = device;
    }

    public synchronized void incoming(Kind k) {
        kind = k;
        phase = Phase.RINGING;
        device.record(EventKind.OTHER_CALL_INCOMING, null, "kind", k.wireName(),
                "options", "endAndAccept,holdAndAccept,decline");
    }

    public void holdAndAccept() {
        UUID active = answerOther(EventKind.USER_CHOSE_HOLD_AND_ACCEPT);
        synchronized (this) {
            heldByUs = active;
        }
        device.actions.performSystem(ActionRequest.setHeld(active, true), "otherCall");
    }

    public void endAndAccept() {
        UUID active = answerOther(EventKind.USER_CHOSE_END_AND_ACCEPT);
        device.actions.performSystem(ActionRequest.end(active), "otherCall");
    }

    public synchronized void decline() {
        requirePhase(Phase.RINGING, "decline");
        phase = Phase.NONE;
        device.record(EventKind.USER_DECLINED_OTHER_CALL, null, "kind", kind.wireName());
    }

    /** The other call, while it rings or is connected: the system's call list (CXCallObserver) holds it. */
    public synchronized java.util.Optional<Kind> live() {
        return phase == Phase.NONE ? java.util.Optional.empty() : java.util.Optional.of(kind);
    }

    /** The other call ends: by the user on this phone, or by its remote party. */
    public void otherCallEnds(boolean byRemote) {
        UUID resume;
        synchronized (this) {
            requirePhase(Phase.ACTIVE, "end");
            phase = Phase.NONE;
            resume = byRemote ? null : heldByUs;
            heldByUs = null;
        }
        device.record(EventKind.OTHER_CALL_ENDED, null, "kind", kind.wireName(), "by", byRemote ? "remote" : "localUser");
        if (resume != null && device.call(resume).map(c -> c.phase == SystemCall.Phase.HELD).orElse(false)) {
            device.actions.performSystem(ActionRequest.setHeld(resume, false), "otherCallEnded");
        }
    }

    private UUID answerOther(EventKind gesture) {
        synchronized (this) {
            requirePhase(Phase.RINGING, gesture.wireName());
            phase = Phase.ACTIVE;
        }
        UUID active = device.callUi().activeCall().orElseThrow(() ->
                new IllegalStateException(gesture + " needs an active call of the app"));
        device.record(gesture, active, "kind", kind.wireName());
        return active;
    }

    private void requirePhase(Phase wanted, String what) {
        if (phase != wanted) {
            throw new IllegalStateException("Cannot " + what + " the other call: it is " + phase.name().toLowerCase(Locale.ROOT)
                    + (kind == null ? " (no other call came in)" : ""));
        }
    }
}
