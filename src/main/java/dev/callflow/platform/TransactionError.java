package dev.callflow.platform;

/** {@code CXErrorCodeRequestTransactionError}, domain {@code com.apple.CallKit.error.requesttransaction} (R-TX-3). */
public enum TransactionError implements PlatformCode {
    UNKNOWN(0, "unknown"),
    UNENTITLED(1, "unentitled"),
    UNKNOWN_CALL_PROVIDER(2, "unknownCallProvider"),
    EMPTY_TRANSACTION(3, "emptyTransaction"),
    UNKNOWN_CALL_UUID(4, "unknownCallUUID"),
    CALL_UUID_ALREADY_EXISTS(5, "callUUIDAlreadyExists"),
    INVALID_ACTION(6, "invalidAction"),
    MAXIMUM_CALL_GROUPS_REACHED(7, "maximumCallGroupsReached"),
    CALL_IS_PROTECTED(8, "callIsProtected");

    public static final String DOMAIN = "com.apple.CallKit.error.requesttransaction";

    private final int code;
    private final String wireName;

    TransactionError(int code, String wireName) {
        this.code = code;
        this.wireName = wireName;
    }

    @Override public int code() { return code; }

    @Override public String wireName() { return wireName; }

    public static TransactionError fromWireName(String name) {
        return PlatformCode.lookup(values(), name);
    }
}
