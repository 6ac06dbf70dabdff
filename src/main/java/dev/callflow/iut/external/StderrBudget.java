package dev.callflow.iut.external;

/**
 * How much of an IUT's stderr one session records as {@code iutStderr} events: its first {@link #LINES} lines, at most
 * {@link #CHARS} characters of them. What follows is only counted, so that an IUT writing stderr forever cannot fill
 * the heap or the reports; the cut itself is recorded once.
 */
final class StderrBudget {
    static final int LINES = 100;
    static final int CHARS = 64 * 1024;

    /** What to do with one line. */
    enum Take { RECORD, CUT_HERE, COUNT }

    private int lines;
    private long chars;
    private long cutLines;
    private long cutChars;

    synchronized Take take(String line) {
        if (cutLines == 0 && lines < LINES && chars + line.length() <= CHARS) {
            lines++;
            chars += line.length();
            return Take.RECORD;
        }
        cutLines++;
        cutChars += line.length();
        return cutLines == 1 ? Take.CUT_HERE : Take.COUNT;
    }

    /** The cut, stated once when it happens: which line it starts at. */
    synchronized String cutNotice() {
        return "stderr is cut here, at line " + (lines + 1) + ": a session records the first " + LINES + " lines of "
                + "its stderr, at most " + CHARS + " characters, and counts the rest";
    }

    /** What was left out so far, e.g. {@code 83912 lines (76021344 characters)}; empty when nothing was. */
    synchronized String cutSoFar() {
        return cutLines == 0 ? "" : cutLines + " line" + (cutLines == 1 ? "" : "s") + " (" + cutChars + " characters)";
    }
}
