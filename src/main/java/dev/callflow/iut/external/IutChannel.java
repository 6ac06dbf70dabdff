package dev.callflow.iut.external;

import java.util.function.Consumer;

/** One session's line channel to an external implementation under test: a child process, or a TCP connection. */
interface IutChannel extends AutoCloseable {

    /** Why the channel ended: the process's exit code, if it was one. */
    record Closed(String why, Integer exitCode) { }

    /** Starts reading: each stdout/socket line to {@code onLine}, stderr lines to {@code onStderr}, the end to {@code onClosed}. */
    void start(Consumer<String> onLine, Consumer<String> onStderr, Consumer<Closed> onClosed);

    /** Writes one line; false if the channel is already closed. */
    boolean send(String line);

    /** A short description for messages: {@code process 4711 (python3 app.py)}. */
    String describe();

    /** Ends the session now: kills the process or closes the socket. */
    @Override
    void close();
}
