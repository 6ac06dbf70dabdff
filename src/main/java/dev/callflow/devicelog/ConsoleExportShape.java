package dev.callflow.devicelog;

import dev.callflow.timeline.Level;

/**
 * A Console.app copy or a tab-separated {@code log} export: one record per line, columns separated by tabs, several
 * processes mixed. The columns are found by what they hold, not by position, so Console's column choices and
 * languages all read:
 * <pre>
 * Fehler	20:05:58.640136+0200	CallApp	com.example.callapp	[AVAudioSession] setActive failed ... 561017449
 * 默认	2018-05-10 20:06:02.327572+0800	BigoOfree	provider:performAnswerCallAction:
 * </pre>
 * A level word (any language {@link LevelWords} knows), a timestamp (date and time, or a time of day), a process
 * ({@code name}, {@code name[pid]} or {@code name (pid)}), optional numeric pid / thread and subsystem / category
 * columns; the last column is the message. A line needs a tab and a timestamp in one of its first three columns.
 */
final class ConsoleExportShape implements LineShape {
    private static final int MAX_COLUMNS = 8;

    private final Timestamps timestamps;
    private final int[] starts = new int[MAX_COLUMNS];
    private final int[] ends = new int[MAX_COLUMNS];

    ConsoleExportShape(Timestamps timestamps) {
        this.timestamps = timestamps;
    }

    @Override
    public String name() {
        return "console";
    }

    @Override
    public boolean read(String line, int end, RawLine out) {
        int firstTab = line.indexOf('\t');
        if (firstTab < 0 || firstTab >= end) {
            return false;
        }
        int n = 0;
        int from = 0;
        while (n < MAX_COLUMNS - 1) {
            int tab = line.indexOf('\t', from);
            if (tab < 0 || tab >= end) {
                break;
            }
            starts[n] = from;
            ends[n] = tab;
            n++;
            from = tab + 1;
        }
        starts[n] = from;
        ends[n] = end;
        n++;
        if (n < 2) {
            return false;
        }
        int timeColumn = -1;
        for (int c = 0; c < Math.min(3, n - 1); c++) {
            int s = skip(line, starts[c], ends[c]);
            if (s < ends[c] && Timestamps.isDigit(line.charAt(s)) && stamp(line, s, ends[c], out)) {
                timeColumn = c;
                break;
            }
        }
        if (timeColumn < 0) {
            return false;
        }
        boolean processSeen = false;
        for (int c = 0; c < n - 1; c++) {
            if (c == timeColumn) {
                continue;
            }
            int s = skip(line, starts[c], ends[c]);
            int e = trimEnd(line, s, ends[c]);
            if (s == e) {
                continue;
            }
            String text = line.substring(s, e);
            Level level = out.level == null ? LevelWords.of(text) : null;
            if (level != null) {
                out.level = level;
            } else if (isNumber(text)) {
                if (out.pid == 0 && !text.startsWith("0x")) {
                    out.pid = Long.parseLong(text);
                } else {
                    out.thread = text.startsWith("0x") ? Long.parseLong(text.substring(2), 16) : Long.parseLong(text);
                }
            } else if (!processSeen) {
                processSeen = true;
                process(text, out);
            } else {
                out.tag = out.tag == null ? text : out.tag + ":" + text;
            }
        }
        out.messageStart = skip(line, starts[n - 1], end);
        return out.messageStart < end;
    }

    private boolean stamp(String line, int s, int e, RawLine out) {
        int after = timestamps.dateTime(line, s, e, out);
        if (after < 0) {
            after = timestamps.time(line, s, e, out);
            if (after < 0) {
                return false;
            }
        }
        // a space may separate the zone: "20:05:58.640136 +0800"
        int i = skip(line, after, e);
        if (!out.hasOffset && i + 5 <= e && (line.charAt(i) == '+' || line.charAt(i) == '-')
                && Timestamps.digits(line, i + 1, 4)) {
            int sign = line.charAt(i) == '-' ? -1 : 1;
            out.hasOffset = true;
            out.offsetSeconds = sign * (Timestamps.num(line, i + 1, 2) * 3600 + Timestamps.num(line, i + 3, 2) * 60);
            i += 5;
        }
        return skip(line, i, e) == e;
    }

    /** {@code CallApp}, {@code CallApp[19394]}, {@code CallApp (19394)} or {@code CallApp[19394:8610838]}. */
    private static void process(String text, RawLine out) {
        int open = text.indexOf('[');
        int close = open < 0 ? -1 : text.indexOf(']', open);
        if (open < 0) {
            open = text.indexOf(" (");
            close = open < 0 ? -1 : text.indexOf(')', open);
            if (open >= 0) {
                open++;
            }
        }
        if (open > 0 && close > open) {
            String inner = text.substring(open + 1, close);
            int colon = inner.indexOf(':');
            String pid = colon < 0 ? inner : inner.substring(0, colon);
            if (isNumber(pid)) {
                out.pid = Long.parseLong(pid);
                String tid = colon < 0 ? "" : inner.substring(colon + 1);
                if (isNumber(tid)) {
                    out.thread = tid.startsWith("0x") ? Long.parseLong(tid.substring(2), 16) : Long.parseLong(tid);
                }
                out.process = text.substring(0, open).trim();
                return;
            }
        }
        out.process = text;
    }

    private static boolean isNumber(String t) {
        if (t.isEmpty() || t.length() > (t.startsWith("0x") ? 17 : 18)) { // what fits a long: 15 hex or 18 decimal digits
            return false;
        }
        int from = t.startsWith("0x") && t.length() > 2 ? 2 : 0;
        for (int i = from; i < t.length(); i++) {
            if (from == 2 ? Character.digit(t.charAt(i), 16) < 0 : !Timestamps.isDigit(t.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static int skip(String s, int i, int e) {
        while (i < e && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    private static int trimEnd(String s, int from, int e) {
        while (e > from && s.charAt(e - 1) == ' ') {
            e--;
        }
        return e;
    }
}
