package dev.callflow.platform;

import dev.callflow.timeline.EventKind;

/** The CXAction subclasses the system performs on the provider delegate, with the delegate method's event. */
public enum ActionType {
    START("start", EventKind.PERFORM_START_CALL_ACTION),
    ANSWER("answer", EventKind.PERFORM_ANSWER_CALL_ACTION),
    END("end", EventKind.PERFORM_END_CALL_ACTION),
    SET_HELD("setHeld", EventKind.PERFORM_SET_HELD_CALL_ACTION),
    SET_MUTED("setMuted", EventKind.PERFORM_SET_MUTED_CALL_ACTION);

    private final String wireName;
    private final EventKind delegateEvent;

    ActionType(String wireName, EventKind delegateEvent) {
        this.wireName = wireName;
        this.delegateEvent = delegateEvent;
    }

    public String wireName() { return wireName; }

    /** The event the timeline shows when the system calls the delegate: {@code performAnswerCallAction}. */
    public EventKind delegateEvent() { return delegateEvent; }
}
