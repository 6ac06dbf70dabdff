package dev.callflow.device;

import dev.callflow.platform.ActionType;
import dev.callflow.platform.CallAction;
import dev.callflow.platform.Handle;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@code CXAction} the system performs on the provider delegate. The app completes it exactly once (R-TX-1);
 * a second completion, or one after the timeout (R-TX-2), is recorded on the timeline and otherwise ignored,
 * as the real system ignores it.
 */
public final class SimulatedCallAction implements CallAction {

    interface CompletionSink {
        void completed(SimulatedCallAction action, boolean fulfilled, State before);
    }

    private final long id;
    private final ActionType type;
    private final UUID callUUID;
    private final Handle handle;
    private final boolean onHold;
    private final CompletionSink sink;
    private final AtomicReference<State> state = new AtomicReference<>(State.PENDING);

    SimulatedCallAction(long id, ActionType type, UUID callUUID, Handle handle, boolean onHold, CompletionSink sink) {
        this.id = id;
        this.type = Objects.requireNonNull(type);
        this.callUUID = Objects.requireNonNull(callUUID);
        this.handle = handle;
        this.onHold = onHold;
        this.sink = sink;
    }

    public long id() { return id; }

    public ActionType type() { return type; }

    public UUID callUUID() { return callUUID; }

    /** The handle of a start action. */
    public Optional<Handle> handle() { return Optional.ofNullable(handle); }

    /** For a set-held action: hold (true) or unhold (false). */
    public boolean onHold() { return onHold; }

    public State state() { return state.get(); }

    public void fulfill() { complete(true); }

    public void fail() { complete(false); }

    private void complete(boolean fulfilled) {
        State before = state.get();
        if (before == State.PENDING) {
            State after = fulfilled ? State.FULFILLED : State.FAILED;
            if (!state.compareAndSet(State.PENDING, after)) {
                before = state.get();
            }
        }
        if (sink != null) {
            sink.completed(this, fulfilled, before);
        }
    }

    boolean markTimedOut() {
        return state.compareAndSet(State.PENDING, State.TIMED_OUT);
    }

    @Override
    public String toString() {
        return type.wireName() + "#" + id + "(" + callUUID + (type == ActionType.SET_HELD ? ", onHold=" + onHold : "") + ")";
    }
}
