package dev.callflow.timeline;

/**
 * A device-log line that does not follow {@link LogFormat}. The message names the line, the column where the
 * line stopped making sense and what was expected there:
 * {@code line 3: expected a timestamp like 2018-05-10 20:05:58.640136+0800 at column 1, found "20180510 ..."}.
 */
public final class LogParseException extends IllegalArgumentException {

    private final int lineNumber;
    private final String line;
    private final int column;
    private final String expected;

    /**
     * @param lineNumber 1-based line number in the input
     * @param line       the offending line as read
     * @param column     1-based column where parsing broke
     * @param expected   what should have been there ("a timestamp like ...")
     */
    public LogParseException(int lineNumber, String line, int column, String expected) {
        this(lineNumber, line, column, expected, null);
    }

    public LogParseException(int lineNumber, String line, int column, String expected, String detail) {
        super("line " + lineNumber + ": expected " + expected + " at column " + column + ", found "
                + found(line, column - 1) + (detail == null ? "" : " (" + detail + ")"));
        this.lineNumber = lineNumber;
        this.line = line;
        this.column = column;
        this.expected = expected;
    }

    public int lineNumber() {
        return lineNumber;
    }

    /** The offending line, verbatim. */
    public String line() {
        return line;
    }

    /** 1-based column where the line broke. */
    public int column() {
        return column;
    }

    /** What the parser expected at {@link #column()}. */
    public String expected() {
        return expected;
    }

    /** The token at {@code at} in quotes, with {@code " ..."} when more follows; or {@code end of line}. */
    static String found(String line, int at) {
        int end = line.length();
        while (end > at && Character.isWhitespace(line.charAt(end - 1))) {
            end--;
        }
        if (at >= end) {
            return "end of line";
        }
        int stop = at;
        while (stop < end && !Character.isWhitespace(line.charAt(stop)) && stop - at < 40) {
            stop++;
        }
        return '"' + line.substring(at, stop) + (stop < end ? " ..." : "") + '"';
    }
}
