package dev.callflow.devicelog;

import dev.callflow.timeline.Level;

/** The pieces NSLog-like shapes share: {@code Process[pid:thread]} and the harness's {@code [I][CallKit]} block. */
final class LinePrefixes {
    private LinePrefixes() { }

    /**
     * {@code BigoOfree[19394:8610838]} (or {@code My App[1:0x1a2b]}) at {@code pos}, followed by a space or the end;
     * returns the index after the closing bracket, or -1.
     */
    static int process(String s, int pos, int end, RawLine out) {
        int open = pos;
        while (open < end && s.charAt(open) != '[') {
            char c = s.charAt(open);
            if (c == ']' || c == '\t') {
                return -1;
            }
            open++;
        }
        if (open == pos || open >= end || s.charAt(open - 1) == ' ') {
            return -1;
        }
        int i = pidThread(s, open, end, out);
        if (i < 0) {
            return -1;
        }
        out.process = s.substring(pos, open);
        return i;
    }

    /**
     * {@code [19394:8610838]} (thread decimal or {@code 0x} hex) at {@code open}, followed by a space or the end: sets
     * pid and thread, returns the index after the closing bracket, or -1.
     */
    static int pidThread(String s, int open, int end, RawLine out) {
        if (open >= end || s.charAt(open) != '[') {
            return -1;
        }
        int i = open + 1;
        int pidStart = i;
        long pid = 0;
        while (i < end && Timestamps.isDigit(s.charAt(i))) {
            pid = pid * 10 + (s.charAt(i++) - '0');
        }
        if (i == pidStart || i >= end || s.charAt(i) != ':') {
            return -1;
        }
        i++;
        long thread = 0;
        int tidStart = i;
        if (i + 1 < end && s.charAt(i) == '0' && (s.charAt(i + 1) == 'x' || s.charAt(i + 1) == 'X')) {
            i += 2;
            tidStart = i;
            int d;
            while (i < end && (d = Character.digit(s.charAt(i), 16)) >= 0) {
                thread = thread * 16 + d;
                i++;
            }
        } else {
            while (i < end && Timestamps.isDigit(s.charAt(i))) {
                thread = thread * 10 + (s.charAt(i++) - '0');
            }
        }
        if (i == tidStart || i >= end || s.charAt(i) != ']') {
            return -1;
        }
        i++;
        if (i < end && s.charAt(i) != ' ') {
            return -1;
        }
        out.pid = pid;
        out.thread = thread;
        return i;
    }

    /** An optional {@code [I][CallKit] } block at {@code pos}: sets level and tag, returns the index after it. */
    static int levelAndTag(String s, int pos, int end, RawLine out) {
        if (pos + 5 < end && s.charAt(pos) == '[' && s.charAt(pos + 2) == ']' && s.charAt(pos + 3) == '[') {
            Level level = level(s.charAt(pos + 1));
            int close = s.indexOf(']', pos + 4);
            if (level != null && close > pos + 4 && close < end) {
                out.level = level;
                out.tag = s.substring(pos + 4, close);
                int i = close + 1;
                while (i < end && s.charAt(i) == ' ') {
                    i++;
                }
                return i;
            }
        }
        return pos;
    }

    static Level level(char c) {
        return switch (Character.toUpperCase(c)) {
            case 'V' -> Level.VERBOSE;
            case 'D' -> Level.DEBUG;
            case 'I', 'N' -> Level.INFO;
            case 'W' -> Level.WARNING;
            case 'E', 'F' -> Level.ERROR;
            default -> null;
        };
    }

    static int skipSpaces(String s, int pos, int end) {
        while (pos < end && (s.charAt(pos) == ' ' || s.charAt(pos) == '\t')) {
            pos++;
        }
        return pos;
    }
}
