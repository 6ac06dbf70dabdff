package dev.callflow.devicelog;

import java.util.UUID;

/** Reads a UUID ({@code 8-4-4-4-12} hex digits, any case) from a range of a line without a regex. */
final class Uuids {
    private Uuids() { }

    /** The UUID in {@code s[from, to)}, or {@code null} when the range is not exactly one. */
    static UUID parse(String s, int from, int to) {
        if (to - from != 36) {
            return null;
        }
        long hi = 0;
        long lo = 0;
        int digits = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            int at = i - from;
            if (at == 8 || at == 13 || at == 18 || at == 23) {
                if (c != '-') {
                    return null;
                }
                continue;
            }
            int d = Character.digit(c, 16);
            if (d < 0) {
                return null;
            }
            if (digits < 16) {
                hi = hi << 4 | d;
            } else {
                lo = lo << 4 | d;
            }
            digits++;
        }
        return new UUID(hi, lo);
    }
}
