package dev.callflow.devicelog;

import dev.callflow.timeline.Level;

/**
 * liblinphone's logger (linphone-iphone, the linphone SDK's own handler): a level in brackets, an optional
 * {@code (file.m:123 )} with the source file cut to a fixed width, then the message, and no timestamp:
 * <pre>
 * [Message] (AppDelegate.m:543 ) [PushKit] Notification [0x2832a70a0] received with payload : {
 * [Message] 	    aps =     {
 * [Debug] CallKit : Answering Call
 * </pre>
 * Records take their place by position. A line whose message starts with a tab carries on a dump of the record
 * above (a payload dictionary, an object description), as {@link #continues} tells the reader.
 */
final class LinphoneShape implements LineShape {
    private static final String[] LEVELS = {"Message", "Debug", "Warning", "Error", "Trace", "Fatal"};
    private static final Level[] LEVEL_OF = {Level.INFO, Level.DEBUG, Level.WARNING, Level.ERROR, Level.DEBUG,
            Level.ERROR};

    @Override
    public String name() {
        return "linphone";
    }

    @Override
    public boolean read(String line, int end, RawLine out) {
        int level = level(line, end);
        if (level < 0) {
            return false;
        }
        out.level = LEVEL_OF[level];
        int i = LinePrefixes.skipSpaces(line, LEVELS[level].length() + 2, end);
        i = LinePrefixes.skipSpaces(line, sourceLocation(line, i, end), end);
        out.messageStart = i;
        return i < end;
    }

    /** Whether the line is a liblinphone line whose message starts with a tab: the rest of the record above. */
    static boolean continues(String line, int end) {
        int level = level(line, end);
        if (level < 0) {
            return false;
        }
        int i = LEVELS[level].length() + 2;
        while (i < end && line.charAt(i) == ' ') {
            i++;
        }
        return i < end && line.charAt(i) == '\t';
    }

    /** The index in {@link #LEVELS} of the {@code [Message]} the line starts with (then a space or the end), or -1. */
    private static int level(String line, int end) {
        if (end < 7 || line.charAt(0) != '[') {
            return -1;
        }
        for (int l = 0; l < LEVELS.length; l++) {
            int close = LEVELS[l].length() + 1;
            if (line.startsWith(LEVELS[l], 1) && close < end + 1 && close < line.length() && line.charAt(close) == ']'
                    && (close + 1 == end || line.charAt(close + 1) == ' ' || line.charAt(close + 1) == '\t')) {
                return l;
            }
        }
        return -1;
    }

    /** {@code (AppDelegate.m:543 )} at {@code i}: the index after it, or {@code i} when there is none. */
    private static int sourceLocation(String line, int i, int end) {
        if (i >= end || line.charAt(i) != '(') {
            return i;
        }
        int close = line.indexOf(')', i);
        if (close < 0 || close >= end) {
            return i;
        }
        int colon = line.lastIndexOf(':', close);
        if (colon <= i + 1) {
            return i;
        }
        int d = colon + 1;
        while (d < close && Timestamps.isDigit(line.charAt(d))) {
            d++;
        }
        if (d == colon + 1 || line.substring(d, close).strip().length() > 0) {
            return i;
        }
        return close + 1;
    }
}
