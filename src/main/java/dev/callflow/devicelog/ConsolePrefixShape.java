package dev.callflow.devicelog;

import dev.callflow.timeline.Level;

/**
 * A cross-platform framework's console line, with no timestamp, as its CLI prints the app's JavaScript logs:
 * <pre>
 * CONSOLE LOG file:///app/bundle.js:1432:18: CallKeep: endCall 4E3C...      (NativeScript; also CONSOLE INFO / WARN / ERROR)
 * CONSOLE LOG: CallKeep: endCall 4E3C...                                     (NativeScript 7 and later)
 *  LOG  [CallService] answerCall 4E3C...                                     (React Native's Metro; also INFO / WARN / ERROR)
 * [javascript] CallKeep: answerCall 4E3C...                                  (React Native's native log, pasted bare)
 * </pre>
 * Flutter's {@code flutter: } prefix is the {@link BareShape}'s.
 * The prefix sets the level where it names one and is not part of the message. Records take their place by position.
 */
final class ConsolePrefixShape implements LineShape {
    private static final String[] WORDS = {"LOG", "INFO", "WARN", "ERROR", "DEBUG", "TRACE"};
    private static final Level[] LEVELS = {Level.INFO, Level.INFO, Level.WARNING, Level.ERROR, Level.DEBUG, Level.DEBUG};

    @Override
    public String name() {
        return "console-prefix";
    }

    @Override
    public boolean read(String line, int end, RawLine out) {
        int i = LinePrefixes.skipSpaces(line, 0, end);
        int start;
        if (line.startsWith("CONSOLE ", i)) {
            int w = word(line, i + 8);
            if (w < 0) {
                return false;
            }
            out.level = LEVELS[w];
            start = nativeScriptMessage(line, i + 8 + WORDS[w].length(), end);
        } else if (line.startsWith("[javascript] ", i)) {
            start = i + 13;
        } else {
            int w = word(line, i);
            if (w < 0 || !line.startsWith("  ", i + WORDS[w].length())) {
                return false;
            }
            out.level = LEVELS[w];
            start = i + WORDS[w].length();
        }
        if (start < 0) {
            return false;
        }
        out.messageStart = LinePrefixes.skipSpaces(line, start, end);
        return out.messageStart < end;
    }

    /** Whether the line, however indented, is Metro's {@code  LOG  message}: a record of its own, not a continuation. */
    static boolean startsRecord(String line, int end) {
        int i = LinePrefixes.skipSpaces(line, 0, end);
        int w = word(line, i);
        return i > 0 && w >= 0 && line.startsWith("  ", i + WORDS[w].length());
    }

    /** After {@code CONSOLE LOG}: {@code : msg}, {@code  file:///app/x.js:12:34: msg} or {@code  msg}; or -1. */
    private static int nativeScriptMessage(String line, int i, int end) {
        if (i < end && line.charAt(i) == ':') {
            return i + 1;
        }
        if (i >= end || line.charAt(i) != ' ') {
            return -1;
        }
        i++;
        if (line.startsWith("file:", i)) {
            // the location ends at the first ":<line>:<column>:"
            for (int k = line.indexOf(':', i + 5); k > 0 && k < end; k = line.indexOf(':', k + 1)) {
                int d = digitsEnd(line, k + 1, end);
                if (d > k + 1 && d < end && line.charAt(d) == ':') {
                    int d2 = digitsEnd(line, d + 1, end);
                    if (d2 > d + 1 && d2 < end && line.charAt(d2) == ':') {
                        return d2 + 1;
                    }
                    if (d2 == end || d2 > d + 1 && line.charAt(d2) == ' ') {
                        return d2;
                    }
                }
            }
            return -1;
        }
        return i;
    }

    private static int digitsEnd(String s, int i, int end) {
        while (i < end && Timestamps.isDigit(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** The index in {@link #WORDS} of the level word at {@code i} (then a space or a colon), or -1. */
    private static int word(String line, int i) {
        for (int w = 0; w < WORDS.length; w++) {
            int after = i + WORDS[w].length();
            if (line.startsWith(WORDS[w], i) && after < line.length()
                    && (line.charAt(after) == ' ' || line.charAt(after) == ':')) {
                return w;
            }
        }
        return -1;
    }
}
