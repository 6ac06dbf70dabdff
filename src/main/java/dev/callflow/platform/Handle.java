package dev.callflow.platform;

import java.util.Objects;

/** {@code CXHandle}: a nil or blank value is what throws NSInvalidArgumentException on a real device (R-INC-4). */
public record Handle(HandleType type, String value) {
    public Handle {
        Objects.requireNonNull(type, "handle type");
        if (value == null || value.isBlank()) {
            throw new PlatformException("NSInvalidArgumentException",
                    "CXHandle value must not be nil (R-INC-4): report a caller handle from the push payload or signalling offer");
        }
    }

    public static Handle generic(String value) {
        return new Handle(HandleType.GENERIC, value);
    }
}
