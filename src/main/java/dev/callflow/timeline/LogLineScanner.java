package dev.callflow.timeline;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoField;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Reads one line of the device-log format, left to right, and says precisely where it breaks.
 * The fixed-width timestamp is scanned by hand (a {@code DateTimeFormatter} costs more than the rest of
 * the line); {@code java.time} still validates and converts the fields. Not thread-safe: it caches the
 * last date and offset, which consecutive lines nearly always share.
 */
final class LogLineScanner {

    static final String TIMESTAMP_EXAMPLE = "2018-05-10 20:05:58.640136+0800";
    private static final String TIMESTAMP_PATTERN = "dddd-dd-dd dd:dd:dd.dddddd+dddd";
    private static final String UUID_EXAMPLE = "123e4567-e89b-12d3-a456-426614174000";

    private static final Source[] SOURCES = Source.values();

    /** Recently seen names, keys and values: a log repeats them, and a parsed timeline need not hold copies. */
    private final String[] words = new String[4096];
    /** Reused for every line: {@link Timeline#append} copies attributes, so a line need not allocate a map. */
    private final Map<String, String> scratch = new LinkedHashMap<>();
    private String cachedCallText;
    private UUID cachedCall;
    private int cachedDate = -1;
    private long cachedEpochDay;
    private int cachedOffset = Integer.MIN_VALUE;
    private ZoneOffset cachedZoneOffset;

    private int lineNumber;
    private String line;

    /**
     * Parses {@code line} up to {@code end} (trailing whitespace already cut off). The returned attributes
     * are only valid until the next call: copy them (as {@link Timeline#append} does) before scanning on.
     */
    LogLine scan(int lineNumber, String line, int end) {
        this.lineNumber = lineNumber;
        this.line = line;
        long epochMicros = timestamp(end);
        int pos = TIMESTAMP_PATTERN.length();
        expectChar(pos, end, ' ', "a space after the timestamp");
        pos++;

        int processStart = pos;
        int open = line.indexOf('[', pos);
        if (open <= processStart || open >= end) {
            throw fail(processStart, "<process>[<pid>:<thread>] like BigoOfree[19394:8610838]");
        }
        String process = word(processStart, open);
        pos = open + 1;
        int pidStart = pos;
        long pid = digits(pos, end);
        pos = skipDigits(pos, end);
        if (pos == pidStart || pos >= end || line.charAt(pos) != ':') {
            throw fail(open, "[<pid>:<thread>] like [19394:8610838]");
        }
        int tidStart = ++pos;
        long thread = digits(pos, end);
        pos = skipDigits(pos, end);
        if (pos == tidStart || pos >= end || line.charAt(pos) != ']') {
            throw fail(open, "[<pid>:<thread>] like [19394:8610838]");
        }
        pos++;
        expectChar(pos, end, ' ', "a space after [<pid>:<thread>]");
        pos++;

        if (pos + 2 >= end || line.charAt(pos) != '[' || line.charAt(pos + 2) != ']') {
            throw fail(pos, "[<level>][<tag>] like [I][CallKit]");
        }
        Level level = level(pos + 1);
        if (pos + 3 >= end || line.charAt(pos + 3) != '[') {
            throw fail(pos + 3, "[<tag>] like [CallKit]");
        }
        int tagStart = pos + 4;
        int tagEnd = line.indexOf(']', tagStart);
        if (tagEnd < 0 || tagEnd >= end || tagEnd == tagStart) {
            throw fail(pos + 3, "[<tag>] like [CallKit]");
        }
        String tag = tag(tagStart, tagEnd);
        pos = tagEnd + 1;
        expectChar(pos, end, ' ', "a space and an event name after [" + tag + "]");
        pos++;

        int nameStart = pos;
        while (pos < end && !Character.isWhitespace(line.charAt(pos))) {
            pos++;
        }
        if (pos == nameStart) {
            throw fail(nameStart, "an event name");
        }
        String name = word(nameStart, pos);
        UUID call = null;
        boolean callSeen = false;
        Map<String, String> attributes = Map.of();
        scratch.clear();
        while (true) {
            while (pos < end && Character.isWhitespace(line.charAt(pos))) {
                pos++;
            }
            if (pos >= end) {
                break;
            }
            int keyStart = pos;
            String key;
            if (line.charAt(pos) == '"') {
                StringBuilder k = new StringBuilder();
                pos = quoted(pos, end, k);
                key = k.toString();
            } else {
                while (pos < end && line.charAt(pos) != '=' && line.charAt(pos) != '"'
                        && !Character.isWhitespace(line.charAt(pos))) {
                    pos++;
                }
                key = word(keyStart, pos);
            }
            if (pos >= end || line.charAt(pos) != '=' || key.isEmpty() && line.charAt(keyStart) != '"') {
                throw fail(keyStart, "an attribute key=value");
            }
            int valueStart = ++pos;
            String value;
            if (pos < end && line.charAt(pos) == '"') {
                StringBuilder v = new StringBuilder();
                pos = quoted(pos, end, v);
                value = v.toString();
                if (pos < end && !Character.isWhitespace(line.charAt(pos))) {
                    throw fail(pos, "a space after the closing quote");
                }
            } else {
                while (pos < end && !Character.isWhitespace(line.charAt(pos))) {
                    if (line.charAt(pos) == '"') {
                        throw fail(valueStart, "a bare value without quotes, or a value in quotes");
                    }
                    pos++;
                }
                value = word(valueStart, pos);
            }
            if (!callSeen && key.equals("call")) {
                callSeen = true;
                call = callId(value, valueStart);
                continue;
            }
            if (attributes.isEmpty()) {
                attributes = scratch;
            }
            if (attributes.putIfAbsent(key, value) != null) {
                throw fail(keyStart, "each attribute key once, but \"" + key + "\" repeats");
            }
        }
        return new LogLine(epochMicros, cachedZoneOffset, process, pid, thread, level, tag, name, call, attributes);
    }

    private long timestamp(int end) {
        String p = TIMESTAMP_PATTERN;
        if (end < p.length()) {
            throw fail(0, "a timestamp like " + TIMESTAMP_EXAMPLE);
        }
        for (int i = 0; i < p.length(); i++) {
            char want = p.charAt(i);
            char c = line.charAt(i);
            boolean ok = want == 'd' ? c >= '0' && c <= '9' : want == '+' ? c == '+' || c == '-' : c == want;
            if (!ok) {
                throw fail(0, "a timestamp like " + TIMESTAMP_EXAMPLE);
            }
        }
        try {
            int date = num(0, 4) * 10000 + num(5, 2) * 100 + num(8, 2);
            if (date != cachedDate) {
                cachedEpochDay = LocalDate.of(date / 10000, date / 100 % 100, date % 100).toEpochDay();
                cachedDate = date;
            }
            int offset = (line.charAt(26) == '-' ? -1 : 1) * (num(27, 2) * 100 + num(29, 2));
            if (offset != cachedOffset) {
                cachedZoneOffset = ZoneOffset.ofHoursMinutes(offset / 100, offset % 100);
                cachedOffset = offset;
            }
            int secondOfDay = ChronoField.HOUR_OF_DAY.checkValidIntValue(num(11, 2)) * 3600
                    + ChronoField.MINUTE_OF_HOUR.checkValidIntValue(num(14, 2)) * 60
                    + ChronoField.SECOND_OF_MINUTE.checkValidIntValue(num(17, 2));
            long epochSecond = cachedEpochDay * 86_400 + secondOfDay - cachedZoneOffset.getTotalSeconds();
            return epochSecond * 1_000_000 + num(20, 6);
        } catch (DateTimeException e) {
            throw new LogParseException(lineNumber, line, 1, "a valid timestamp like " + TIMESTAMP_EXAMPLE,
                    e.getMessage());
        }
    }

    private int num(int from, int len) {
        int n = 0;
        for (int i = from; i < from + len; i++) {
            n = n * 10 + (line.charAt(i) - '0');
        }
        return n;
    }

    private long digits(int pos, int end) {
        long n = 0;
        int start = pos;
        while (pos < end && line.charAt(pos) >= '0' && line.charAt(pos) <= '9') {
            if (pos - start >= 18) {
                throw fail(start, "a number of at most 18 digits");
            }
            n = n * 10 + (line.charAt(pos++) - '0');
        }
        return n;
    }

    private int skipDigits(int pos, int end) {
        while (pos < end && line.charAt(pos) >= '0' && line.charAt(pos) <= '9') {
            pos++;
        }
        return pos;
    }

    private Level level(int at) {
        try {
            return Level.fromLetter(line.charAt(at));
        } catch (IllegalArgumentException e) {
            throw fail(at, "a level letter V, D, I, W or E");
        }
    }

    /** The tag, without allocating for the tags every line carries. */
    private String tag(int from, int to) {
        for (Source s : SOURCES) {
            String t = s.logTag();
            if (t.length() == to - from && line.regionMatches(from, t, 0, t.length())) {
                return t;
            }
        }
        return word(from, to);
    }

    private UUID callId(String value, int at) {
        if (value.equals("-")) {
            return null;
        }
        if (value.equals(cachedCallText)) {
            return cachedCall;
        }
        boolean ok = value.length() == 36;
        for (int i = 0; ok && i < 36; i++) {
            char c = value.charAt(i);
            ok = i == 8 || i == 13 || i == 18 || i == 23 ? c == '-' : Character.digit(c, 16) >= 0;
        }
        if (!ok) {
            throw fail(at, "a call UUID like " + UUID_EXAMPLE);
        }
        cachedCall = UUID.fromString(value);
        cachedCallText = value;
        return cachedCall;
    }

    /** {@code line.substring(from, to)}, or the equal string already seen, from a small hash cache. */
    private String word(int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + line.charAt(i);
        }
        int slot = (h ^ h >>> 16) & (words.length - 1);
        String w = words[slot];
        if (w != null && w.length() == to - from && line.regionMatches(from, w, 0, w.length())) {
            return w;
        }
        w = line.substring(from, to);
        words[slot] = w;
        return w;
    }

    /** Reads a quoted string starting at the quote; returns the index after the closing quote. */
    private int quoted(int open, int end, StringBuilder out) {
        int pos = open + 1;
        while (pos < end) {
            char c = line.charAt(pos);
            if (c == '"') {
                return pos + 1;
            }
            if (c != '\\') {
                out.append(c);
                pos++;
                continue;
            }
            char e = pos + 1 < end ? line.charAt(pos + 1) : 0;
            switch (e) {
                case '"', '\\' -> out.append(e);
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'u' -> {
                    int cp = pos + 6 <= end ? hex4(pos + 2) : -1;
                    if (cp < 0) {
                        throw fail(pos, "an escape \\\" \\\\ \\n \\t \\r or \\uXXXX");
                    }
                    out.append((char) cp);
                    pos += 4;
                }
                default -> throw fail(pos, "an escape \\\" \\\\ \\n \\t \\r or \\uXXXX");
            }
            pos += 2;
        }
        throw fail(open, "a closing \" for the quoted string");
    }

    private int hex4(int at) {
        int v = 0;
        for (int i = at; i < at + 4; i++) {
            int d = Character.digit(line.charAt(i), 16);
            if (d < 0) {
                return -1;
            }
            v = v * 16 + d;
        }
        return v;
    }

    private void expectChar(int pos, int end, char c, String what) {
        if (pos >= end || line.charAt(pos) != c) {
            throw fail(pos, what);
        }
    }

    /** @param at 0-based index; messages use 1-based columns */
    LogParseException fail(int at, String expected) {
        return new LogParseException(lineNumber, line, at + 1, expected);
    }
}
