package dev.callflow.devicelog;

import dev.callflow.timeline.Level;

/**
 * {@code log show} in its default (compact) style, columns aligned with spaces:
 * <pre>
 * Timestamp                       Thread     Type        Activity             PID    TTL
 * 2018-05-10 20:05:58.640136+0800 0x83616e   Default     0x0                  19394  0    BigoOfree: (CallKit) [com.apple.calls.callkit:Default] message
 * </pre>
 * Timestamp, thread (hex), type (a level word, any language), activity (hex), pid, TTL, then
 * {@code process: message}. The header line is skipped by the reader.
 */
final class LogShowShape implements LineShape {
    private final Timestamps timestamps;

    LogShowShape(Timestamps timestamps) {
        this.timestamps = timestamps;
    }

    @Override
    public String name() {
        return "log-show";
    }

    @Override
    public boolean read(String line, int end, RawLine out) {
        int i = timestamps.dateTime(line, 0, end, out);
        if (i < 0 || i + 4 >= end || line.charAt(i) != ' ') {
            return false;
        }
        i = LinePrefixes.skipSpaces(line, i, end);
        if (!line.startsWith("0x", i)) {
            return false;
        }
        int threadEnd = word(line, i, end);
        out.thread = hex(line, i + 2, threadEnd);
        if (out.thread < 0) {
            return false;
        }
        i = LinePrefixes.skipSpaces(line, threadEnd, end);
        int typeEnd = word(line, i, end);
        Level level = LevelWords.of(line.substring(i, typeEnd));
        if (level == null) {
            return false;
        }
        out.level = level;
        i = LinePrefixes.skipSpaces(line, typeEnd, end);
        int activityEnd = word(line, i, end);
        if (!line.startsWith("0x", i) || hex(line, i + 2, activityEnd) < 0) {
            return false;
        }
        i = LinePrefixes.skipSpaces(line, activityEnd, end);
        int pidEnd = word(line, i, end);
        if (pidEnd == i || pidEnd - i > 18 || !Timestamps.digits(line, i, pidEnd - i)) { // 18 digits fit a long
            return false;
        }
        out.pid = Long.parseLong(line, i, pidEnd, 10);
        i = LinePrefixes.skipSpaces(line, pidEnd, end);
        int ttlEnd = word(line, i, end);
        if (ttlEnd == i || !Timestamps.digits(line, i, ttlEnd - i)) {
            return false;
        }
        i = LinePrefixes.skipSpaces(line, ttlEnd, end);
        int colon = line.indexOf(": ", i);
        int space = line.indexOf(' ', i);
        if (colon > i && (space < 0 || colon < space)) {
            out.process = line.substring(i, colon);
            i = colon + 2;
        }
        out.messageStart = LinePrefixes.skipSpaces(line, i, end);
        return out.messageStart < end;
    }

    private static int word(String s, int i, int end) {
        while (i < end && s.charAt(i) != ' ') {
            i++;
        }
        return i;
    }

    private static long hex(String s, int from, int to) {
        if (from >= to || to - from > 15) {
            return -1;
        }
        long v = 0;
        for (int i = from; i < to; i++) {
            int d = Character.digit(s.charAt(i), 16);
            if (d < 0) {
                return -1;
            }
            v = v * 16 + d;
        }
        return v;
    }
}
