package dev.callflow.signalling;

import java.util.regex.Pattern;

/** Device and call ids end up in URL paths (ours and the gateway's), so they are restricted to URL-safe characters. */
final class Ids {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._~-]{1,128}");

    private Ids() {
    }

    static String require(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        if (!SAFE.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " '" + value
                    + "' must be 1-128 characters of [A-Za-z0-9._~-] (it is used as a URL path segment)");
        }
        return value;
    }
}
