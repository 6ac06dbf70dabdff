package dev.callflow.platform;

import java.util.Optional;
import java.util.UUID;

/**
 * {@code CXAction} as the provider delegate receives it. Complete it exactly once with {@link #fulfill()} or
 * {@link #fail()} (R-TX-1), and never once it timed out (R-TX-2).
 */
public interface CallAction {
    enum State { PENDING, FULFILLED, FAILED, TIMED_OUT }

    /** The system's number for this action (what {@code actionId} names on the protocol). */
    long id();

    ActionType type();

    UUID callUUID();

    /** {@code CXStartCallAction.handle}. */
    Optional<Handle> handle();

    /** {@code CXSetHeldCallAction.isOnHold}. */
    boolean onHold();

    State state();

    /** {@code CXAction.fulfill()}. */
    void fulfill();

    /** {@code CXAction.fail()}. */
    void fail();
}
