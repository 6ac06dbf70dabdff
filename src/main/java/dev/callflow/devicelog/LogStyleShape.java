package dev.callflow.devicelog;

import dev.callflow.timeline.Level;

/**
 * The two other styles of Apple's {@code log show} / {@code log stream} (and {@code xcrun simctl spawn booted log
 * stream}, how simulator runs in CI capture the log):
 * <ul>
 *   <li>{@code --style compact}: {@code 2024-03-17 10:23:45.120 Df MyPhone[2291:2f4a3d] (CallKit) [com.example:calls] message},
 *   the type {@code Df}, {@code In}, {@code Db}, {@code E}, {@code F} or {@code A}, the thread in hex without {@code 0x};</li>
 *   <li>{@code --style syslog}: {@code 2024-03-17 10:23:45.120345-0700  localhost MyPhone[2291]: (CallKit) message},
 *   the host, and the process with its pid and a colon.</li>
 * </ul>
 * The library in parentheses and the {@code [subsystem:category]} that may follow the process are skipped; the message
 * may start with the harness's {@code [I][CallKit]} block.
 */
final class LogStyleShape implements LineShape {
    private final Timestamps timestamps;
    private final boolean compact;

    private LogStyleShape(Timestamps timestamps, boolean compact) {
        this.timestamps = timestamps;
        this.compact = compact;
    }

    static LogStyleShape compact(Timestamps timestamps) {
        return new LogStyleShape(timestamps, true);
    }

    static LogStyleShape syslog(Timestamps timestamps) {
        return new LogStyleShape(timestamps, false);
    }

    @Override
    public String name() {
        return compact ? "log-compact" : "log-syslog";
    }

    @Override
    public boolean read(String line, int end, RawLine out) {
        int i = timestamps.dateTime(line, 0, end, out);
        if (i < 0 || i >= end || line.charAt(i) != ' ' || out.hasOffset == compact) {
            return false;
        }
        i = LinePrefixes.skipSpaces(line, i, end);
        if (compact) {
            int type = i;
            while (i < end && Character.isLetter(line.charAt(i))) {
                i++;
            }
            out.level = type(line.substring(type, i));
            if (out.level == null || i >= end || line.charAt(i) != ' ') {
                return false;
            }
            i = LinePrefixes.skipSpaces(line, i, end);
        } else {
            int host = line.indexOf(' ', i);
            if (host <= i) {
                return false;
            }
            i = host + 1;
        }
        int open = line.indexOf('[', i);
        if (open <= i || line.lastIndexOf(' ', open) >= i) {
            return false; // a process name without spaces, straight before [pid...]
        }
        int after = compact ? pidHexThread(line, open, end, out) : pidColon(line, open, end, out);
        if (after < 0) {
            return false;
        }
        out.process = line.substring(i, open);
        i = LinePrefixes.skipSpaces(line, after, end);
        i = skipped(line, i, end, '(', ')');
        i = skipped(line, i, end, '[', ']');
        out.messageStart = LinePrefixes.levelAndTag(line, i, end, out);
        return true;
    }

    /** {@code Df} Default, {@code In} Info, {@code Db} Debug, {@code E} Error, {@code F} Fault, {@code A} Activity. */
    private static Level type(String t) {
        return switch (t) {
            case "Df", "In", "A" -> Level.INFO;
            case "Db" -> Level.DEBUG;
            case "E", "F", "Er", "Fa" -> Level.ERROR;
            default -> null;
        };
    }

    /** {@code [2291:2f4a3d]} then a space or the end; returns the index after it, or -1. */
    private static int pidHexThread(String s, int open, int end, RawLine out) {
        int i = open + 1;
        long pid = 0;
        while (i < end && Timestamps.isDigit(s.charAt(i))) {
            pid = pid * 10 + (s.charAt(i++) - '0');
        }
        if (i == open + 1 || i >= end || s.charAt(i) != ':') {
            return -1;
        }
        int from = ++i;
        long thread = 0;
        int d;
        while (i < end && i - from < 16 && (d = Character.digit(s.charAt(i), 16)) >= 0) {
            thread = thread * 16 + d;
            i++;
        }
        if (i == from || i >= end || s.charAt(i) != ']' || i + 1 < end && s.charAt(i + 1) != ' ') {
            return -1;
        }
        out.pid = pid;
        out.thread = thread;
        return i + 1;
    }

    /** {@code [2291]:} then a space or the end. */
    private static int pidColon(String s, int open, int end, RawLine out) {
        int i = open + 1;
        long pid = 0;
        while (i < end && Timestamps.isDigit(s.charAt(i))) {
            pid = pid * 10 + (s.charAt(i++) - '0');
        }
        if (i == open + 1 || i + 1 >= end || s.charAt(i) != ']' || s.charAt(i + 1) != ':') {
            return -1;
        }
        out.pid = pid;
        return i + 2;
    }

    /** Steps over a {@code (Library)} or {@code [subsystem:category]} word at {@code i} and the spaces after it. */
    private static int skipped(String s, int i, int end, char open, char close) {
        int c = i < end && s.charAt(i) == open ? s.indexOf(close, i + 1) : -1;
        if (c <= i + 1 || c >= end) {
            return i;
        }
        String word = s.substring(i + 1, c);
        // a subsystem names its category after a colon; the harness's own [I][CallKit] block is the message
        boolean subsystem = open != '[' || word.length() > 1 && word.indexOf(':') >= 0;
        return subsystem && word.indexOf(' ') < 0 ? LinePrefixes.skipSpaces(s, c + 1, end) : i;
    }
}
