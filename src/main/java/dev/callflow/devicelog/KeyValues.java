package dev.callflow.devicelog;

import java.util.Map;

/**
 * The attribute list of the harness's log format ({@code key=value key="quoted value"}), read leniently: any
 * irregularity just says "not this form", and the record is recognised by its words instead.
 */
final class KeyValues {
    private KeyValues() { }

    /** Reads {@code key=value} pairs from {@code s[from, end)} into {@code out}; false if anything else is there. */
    static boolean parse(String s, int from, int end, Map<String, String> out) {
        int i = from;
        while (true) {
            while (i < end && s.charAt(i) == ' ') {
                i++;
            }
            if (i >= end) {
                return true;
            }
            int keyStart = i;
            while (i < end && s.charAt(i) != '=' && s.charAt(i) != ' ' && s.charAt(i) != '"') {
                i++;
            }
            if (i == keyStart || i >= end || s.charAt(i) != '=') {
                return false;
            }
            String key = s.substring(keyStart, i);
            i++;
            String value;
            if (i < end && s.charAt(i) == '"') {
                StringBuilder b = new StringBuilder();
                i++;
                boolean closed = false;
                while (i < end) {
                    char c = s.charAt(i);
                    if (c == '"') {
                        closed = true;
                        i++;
                        break;
                    }
                    if (c == '\\' && i + 1 < end) {
                        char e = s.charAt(i + 1);
                        switch (e) {
                            case 'n' -> b.append('\n');
                            case 't' -> b.append('\t');
                            case 'r' -> b.append('\r');
                            case 'u' -> {
                                if (i + 6 > end) {
                                    return false;
                                }
                                try {
                                    b.append((char) Integer.parseInt(s.substring(i + 2, i + 6), 16));
                                } catch (NumberFormatException x) {
                                    return false;
                                }
                                i += 4;
                            }
                            default -> b.append(e);
                        }
                        i += 2;
                        continue;
                    }
                    b.append(c);
                    i++;
                }
                if (!closed || i < end && s.charAt(i) != ' ') {
                    return false;
                }
                value = b.toString();
            } else {
                int valueStart = i;
                while (i < end && s.charAt(i) != ' ') {
                    if (s.charAt(i) == '"') {
                        return false;
                    }
                    i++;
                }
                value = s.substring(valueStart, i);
            }
            if (out.putIfAbsent(key, value) != null) {
                return false;
            }
        }
    }
}
