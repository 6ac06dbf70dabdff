package dev.callflow.iut.external;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/** One session's line channel to an external implementation under test: a child process, or a TCP connection. */
interface IutChannel extends AutoCloseable {

    /** Why the channel ended: the process's exit code and the last lines of its stderr, if it was one. */
    record Closed(String why, Integer exitCode, java.util.List<String> stderrTail) { }

    /** Starts reading: each stdout/socket line to {@code onLine}, stderr lines to {@code onStderr}, the end to {@code onClosed}. */
    void start(Consumer<String> onLine, Consumer<String> onStderr, Consumer<Closed> onClosed);

    /** Writes one line; false if the channel is already closed. */
    boolean send(String line);

    /** A short description for messages: {@code process 4711 (python3 app.py)}. */
    String describe();

    /** Ends the session now: kills the process or closes the socket. */
    @Override
    void close();

    /**
     * Reads UTF-8 lines ({@code \n}, an optional {@code \r} before it dropped). A line longer than the protocol allows
     * is cut just past the limit, so the codec refuses it, and the rest of it is skipped: a runaway writer cannot
     * exhaust the heap.
     */
    static void readLines(InputStream in, Consumer<String> onLine) throws IOException {
        Reader r = new InputStreamReader(in, StandardCharsets.UTF_8);
        char[] buf = new char[16 * 1024];
        StringBuilder line = new StringBuilder();
        int n;
        while ((n = r.read(buf)) >= 0) {
            int from = 0;
            for (int i = 0; i < n; i++) {
                if (buf[i] == '\n') {
                    append(line, buf, from, i);
                    int end = line.length();
                    onLine.accept(line.substring(0, end > 0 && line.charAt(end - 1) == '\r' ? end - 1 : end));
                    line.setLength(0);
                    from = i + 1;
                }
            }
            append(line, buf, from, n);
        }
        if (line.length() > 0) {
            onLine.accept(line.toString());
        }
    }

    private static void append(StringBuilder line, char[] buf, int from, int to) {
        int room = Codec.MAX_LINE_CHARS + 1 - line.length();
        if (room > 0) {
            line.append(buf, from, Math.min(to - from, room));
        }
    }
}
