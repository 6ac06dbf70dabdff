package dev.callflow.platform;

import java.util.Arrays;
import java.util.stream.Collectors;

/** A platform vocabulary value: its numeric code and the name Apple's headers give it. */
public interface PlatformCode {
    int code();

    String wireName();

    /** Finds a value by wire name or Java name, case-insensitively, or says which names are valid. */
    static <E extends Enum<E> & PlatformCode> E lookup(E[] values, String name) {
        String wanted = name.trim();
        for (E e : values) {
            if (e.wireName().equalsIgnoreCase(wanted) || e.name().equalsIgnoreCase(wanted)) {
                return e;
            }
        }
        throw new IllegalArgumentException("Unknown " + values[0].getDeclaringClass().getSimpleName() + " '" + name
                + "'; use one of " + Arrays.stream(values).map(PlatformCode::wireName).collect(Collectors.joining(", ")));
    }
}
