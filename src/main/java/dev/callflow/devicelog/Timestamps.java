package dev.callflow.devicelog;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Scans the timestamps device logs write, by hand (a {@code DateTimeFormatter} costs more than the rest of a line):
 * <ul>
 *   <li>{@code 2018-05-10 20:05:58.640136+0800} (NSLog, the harness), also {@code T} between date and time;</li>
 *   <li>{@code 2018-05-10 20:05:58.640} (NSLog without zone; any 1 to 9 fraction digits, or none);</li>
 *   <li>{@code 2018/05/10 ...} and {@code 10.05.2018 20:05:58,640136} (localised dates; a comma before the fraction);</li>
 *   <li>zones {@code +0800}, {@code +08:00}, {@code +08}, {@code Z}, or none;</li>
 *   <li>a time of day alone, {@code 20:05:58.640136+0800} (Console export columns);</li>
 *   <li>followed by a space, a tab, the end, or {@code [} ({@code 20:05:58.640136+0800[3368:2280709]}).</li>
 * </ul>
 * Not thread-safe: caches the last date, which consecutive lines nearly always share.
 */
final class Timestamps {
    /** The scan matched the shape of a timestamp but a field is out of range (month 13, hour 25). */
    static final int INVALID = -2;
    static final int NONE = -1;
    static final String EXAMPLE = "2018-05-10 20:05:58.640136+0800";

    private int cachedDate = -1;
    private long cachedEpochDay;

    // the last dateTime scan: the shapes of one line ask for the same timestamp in turn
    private String memoLine;
    private int memoPos;
    private int memoResult;
    private long memoMicros;
    private boolean memoHasOffset;
    private int memoOffset;

    /**
     * The epoch day of a date whose day may pass its month's end (Feb 29 in a year without one: its last day), through
     * the same one-date cache as {@link #dateTime}.
     */
    long clampedEpochDay(int year, int month, int day) {
        int clamped = day <= 28 ? day : Math.min(day, java.time.YearMonth.of(year, month).lengthOfMonth());
        int date = year * 10000 + month * 100 + clamped; // a real date, so dateTime's cache holds only valid ones
        if (date != cachedDate) {
            cachedEpochDay = LocalDate.of(year, month, clamped).toEpochDay();
            cachedDate = date;
        }
        return cachedEpochDay;
    }

    /** The year of the last full date read, or -1 before any. */
    int lastYear() {
        return cachedDate > 0 ? cachedDate / 10000 : -1;
    }

        /** Date, time and optional zone at {@code pos}; returns the index after them, {@link #NONE} or {@link #INVALID}. */
    int dateTime(String s, int pos, int end, RawLine out) {
        if (s == memoLine && pos == memoPos) {
            if (memoResult >= 0) {
                out.hasTime = true;
                out.timeOnly = false;
                out.localMicros = memoMicros;
                out.hasOffset = memoHasOffset;
                out.offsetSeconds = memoOffset;
            }
            return memoResult;
        }
        int result = scanDateTime(s, pos, end, out);
        memoLine = s;
        memoPos = pos;
        memoResult = result;
        memoMicros = out.localMicros;
        memoHasOffset = out.hasOffset;
        memoOffset = out.offsetSeconds;
        return result;
    }

    private int scanDateTime(String s, int pos, int end, RawLine out) {
        if (pos + 19 > end) {
            return NONE;
        }
        int y;
        int m;
        int d;
        char c4 = s.charAt(pos + 4);
        if ((c4 == '-' || c4 == '/') && digits(s, pos, 4) && s.charAt(pos + 7) == c4
                && digits(s, pos + 5, 2) && digits(s, pos + 8, 2)) {
            y = num(s, pos, 4);
            m = num(s, pos + 5, 2);
            d = num(s, pos + 8, 2);
        } else if (s.charAt(pos + 2) == '.' && s.charAt(pos + 5) == '.' && digits(s, pos, 2) && digits(s, pos + 3, 2)
                && digits(s, pos + 6, 4)) {
            d = num(s, pos, 2);
            m = num(s, pos + 3, 2);
            y = num(s, pos + 6, 4);
        } else {
            return NONE;
        }
        char sep = s.charAt(pos + 10);
        if (sep != ' ' && sep != 'T') {
            return NONE;
        }
        int date = y * 10000 + m * 100 + d;
        if (date != cachedDate) {
            try {
                cachedEpochDay = LocalDate.of(y, m, d).toEpochDay();
            } catch (DateTimeException e) {
                return INVALID;
            }
            cachedDate = date;
        }
        int after = time(s, pos + 11, end, out);
        if (after < 0) {
            return after == INVALID ? INVALID : NONE;
        }
        out.localMicros += cachedEpochDay * 86_400_000_000L;
        out.timeOnly = false;
        return after;
    }

    /** A time of day and optional zone at {@code pos}; sets {@code localMicros} to the micros of the day. */
    int time(String s, int pos, int end, RawLine out) {
        if (pos + 8 > end || s.charAt(pos + 2) != ':' || s.charAt(pos + 5) != ':' || !digits(s, pos, 2)
                || !digits(s, pos + 3, 2) || !digits(s, pos + 6, 2)) {
            return NONE;
        }
        int h = num(s, pos, 2);
        int mi = num(s, pos + 3, 2);
        int se = num(s, pos + 6, 2);
        if (h > 23 || mi > 59 || se > 60) {
            return INVALID;
        }
        int i = pos + 8;
        long micros = 0;
        if (i < end && (s.charAt(i) == '.' || s.charAt(i) == ',') && i + 1 < end && isDigit(s.charAt(i + 1))) {
            i++;
            int digits = 0;
            while (i < end && isDigit(s.charAt(i))) {
                if (digits < 6) {
                    micros = micros * 10 + (s.charAt(i) - '0');
                }
                digits++;
                i++;
            }
            for (int k = digits; k < 6; k++) {
                micros *= 10;
            }
        }
        out.hasOffset = false;
        out.offsetSeconds = 0;
        if (i < end) {
            char z = s.charAt(i);
            if (z == 'Z') {
                out.hasOffset = true;
                i++;
            } else if ((z == '+' || z == '-') && i + 3 <= end && digits(s, i + 1, 2)) {
                int oh = num(s, i + 1, 2);
                int om = 0;
                int j = i + 3;
                if (j + 2 <= end && digits(s, j, 2)) {
                    om = num(s, j, 2);
                    j += 2;
                } else if (j + 3 <= end && s.charAt(j) == ':' && digits(s, j + 1, 2)) {
                    om = num(s, j + 1, 2);
                    j += 3;
                }
                if (oh > 18 || om > 59) {
                    return INVALID;
                }
                out.hasOffset = true;
                out.offsetSeconds = (z == '-' ? -1 : 1) * (oh * 3600 + om * 60);
                i = j;
            }
        }
        if (i < end && !Character.isWhitespace(s.charAt(i)) && s.charAt(i) != '[') {
            return NONE; // '[': NSLog without a process name writes [pid:thread] straight after the zone
        }
        out.hasTime = true;
        out.timeOnly = true;
        out.localMicros = (h * 3600L + mi * 60L + se) * 1_000_000L + micros;
        return i;
    }

    /** Whether a line starts like a timestamp ({@code 2018-}, {@code 2018/}, {@code 10.05.}, {@code 20:05:}). */
    static boolean looksLikeTimestamp(String s, int end) {
        if (end >= 5 && digits(s, 0, 4) && (s.charAt(4) == '-' || s.charAt(4) == '/')) {
            return true;
        }
        if (end >= 6 && digits(s, 0, 2) && s.charAt(2) == '.' && digits(s, 3, 2) && s.charAt(5) == '.') {
            return true;
        }
        return end >= 6 && digits(s, 0, 2) && s.charAt(2) == ':' && digits(s, 3, 2) && s.charAt(5) == ':';
    }

    static boolean digits(String s, int from, int len) {
        if (from + len > s.length()) {
            return false;
        }
        for (int i = from; i < from + len; i++) {
            if (!isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static int num(String s, int from, int len) {
        int n = 0;
        for (int i = from; i < from + len; i++) {
            n = n * 10 + (s.charAt(i) - '0');
        }
        return n;
    }
}
