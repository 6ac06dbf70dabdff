package dev.callflow.platform;

/** {@code CXCallEndedReason} (R-END-1). */
public enum CallEndedReason implements PlatformCode {
    FAILED(1, "failed"),
    REMOTE_ENDED(2, "remoteEnded"),
    UNANSWERED(3, "unanswered"),
    ANSWERED_ELSEWHERE(4, "answeredElsewhere"),
    DECLINED_ELSEWHERE(5, "declinedElsewhere");

    private final int code;
    private final String wireName;

    CallEndedReason(int code, String wireName) {
        this.code = code;
        this.wireName = wireName;
    }

    @Override public int code() { return code; }

    @Override public String wireName() { return wireName; }

    public static CallEndedReason fromWireName(String name) {
        return PlatformCode.lookup(values(), name);
    }
}
