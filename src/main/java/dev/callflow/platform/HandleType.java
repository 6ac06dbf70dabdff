package dev.callflow.platform;

/** {@code CXHandle.HandleType} (R-CFG-2). */
public enum HandleType implements PlatformCode {
    GENERIC(1, "generic"),
    PHONE_NUMBER(2, "phoneNumber"),
    EMAIL_ADDRESS(3, "emailAddress");

    private final int code;
    private final String wireName;

    HandleType(int code, String wireName) {
        this.code = code;
        this.wireName = wireName;
    }

    @Override public int code() { return code; }

    @Override public String wireName() { return wireName; }

    public static HandleType fromWireName(String name) {
        return PlatformCode.lookup(values(), name);
    }
}
