package dev.callflow.devicelog;

import dev.callflow.timeline.Level;

/**
 * What a {@link LineShape} found on one line, before recognition: a mutable holder the reader reuses for every
 * line, so reading a line allocates nothing but the strings it keeps. Fields a shape does not know stay at their
 * reset values ({@code hasTime false}, {@code process null}, {@code level null}, ...).
 */
final class RawLine {
    /** The shape that read the line, e.g. {@code nslog}. */
    String shape;
    boolean hasTime;
    /** The line carried a time of day but no date (a Console export column): the date is the previous record's. */
    boolean timeOnly;
    /** Whether the timestamp carried a UTC offset; otherwise the reader uses the last offset it saw. */
    boolean hasOffset;
    /** Local date-time as microseconds since 1970-01-01T00:00 (no offset applied). */
    long localMicros;
    int offsetSeconds;
    String process;
    long pid;
    long thread;
    Level level;
    /** The bracketed tag of the harness / seed format ({@code CallKit} in {@code [I][CallKit]}), or a subsystem. */
    String tag;
    /** Index in the line where the message starts. */
    int messageStart;

    void reset() {
        shape = null;
        hasTime = false;
        timeOnly = false;
        hasOffset = false;
        localMicros = 0;
        offsetSeconds = 0;
        process = null;
        pid = 0;
        thread = 0;
        level = null;
        tag = null;
        messageStart = 0;
    }
}
