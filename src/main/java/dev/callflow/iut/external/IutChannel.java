package dev.callflow.iut.external;

import java.io.IOException;
import java.io.InputStream;
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
     * Reads the protocol's lines: a line longer than 1 MiB is handed on as soon as it passes the limit, cut just past
     * it, so that the codec refuses it; the rest of it is skipped. A writer that never ends its line cannot exhaust the
     * heap, nor hold the session until the hang guard.
     */
    static void readLines(InputStream in, Consumer<String> onLine) throws IOException {
        new LineReader(in, Codec.MAX_LINE_BYTES).readAll((line, overLong) -> onLine.accept(line));
    }
}
