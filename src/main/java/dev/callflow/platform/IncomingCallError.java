package dev.callflow.platform;

import java.util.Arrays;

/** {@code CXErrorCodeIncomingCallError}, domain {@code com.apple.CallKit.error.incomingcall} (R-INC-2). */
public enum IncomingCallError implements PlatformCode {
    UNKNOWN(0, "unknown"),
    UNENTITLED(1, "unentitled"),
    CALL_UUID_ALREADY_EXISTS(2, "callUUIDAlreadyExists"),
    FILTERED_BY_DO_NOT_DISTURB(3, "filteredByDoNotDisturb"),
    FILTERED_BY_BLOCK_LIST(4, "filteredByBlockList"),
    FILTERED_DURING_RESTRICTED_SHARING_MODE(5, "filteredDuringRestrictedSharingMode"),
    CALL_IS_PROTECTED(6, "callIsProtected"),
    FILTERED_BY_SENSITIVE_PARTICIPANTS(7, "filteredBySensitiveParticipants");

    public static final String DOMAIN = "com.apple.CallKit.error.incomingcall";

    private final int code;
    private final String wireName;

    IncomingCallError(int code, String wireName) {
        this.code = code;
        this.wireName = wireName;
    }

    @Override public int code() { return code; }

    @Override public String wireName() { return wireName; }

    public static IncomingCallError fromWireName(String name) {
        return PlatformCode.lookup(values(), name);
    }
}
