package dev.callflow.platform;

/** The CXAction subclasses the system performs on the provider delegate, with the delegate method's log name. */
public enum ActionType {
    START("start", "performStartCallAction"),
    ANSWER("answer", "performAnswerCallAction"),
    END("end", "performEndCallAction"),
    SET_HELD("setHeld", "performSetHeldCallAction"),
    SET_MUTED("setMuted", "performSetMutedCallAction");

    private final String wireName;
    private final String delegateEvent;

    ActionType(String wireName, String delegateEvent) {
        this.wireName = wireName;
        this.delegateEvent = delegateEvent;
    }

    public String wireName() { return wireName; }

    /** The event the timeline shows when the system calls the delegate: {@code performAnswerCallAction}. */
    public String delegateEvent() { return delegateEvent; }
}
