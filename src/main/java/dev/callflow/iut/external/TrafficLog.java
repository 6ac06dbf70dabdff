package dev.callflow.iut.external;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Records one session's lines, both ways, as the doc's section 12 shows them: {@code > } what the harness sent,
 * {@code < } what the IUT wrote. For people debugging an implementation ({@code ./callflow run --iut-traffic DIR}) and for
 * the test that checks real traffic against the JSON Schemas in docs/protocol.
 */
final class TrafficLog implements IutChannel {
    private final IutChannel channel;
    private final BufferedWriter out;
    private boolean closed;

    TrafficLog(IutChannel channel, Path file) throws IOException {
        this.channel = channel;
        Files.createDirectories(file.getParent());
        this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    }

    @Override
    public void start(Consumer<String> onLine, Consumer<String> onStderr, Consumer<Closed> onClosed) {
        channel.start(line -> {
            write("< ", line);
            onLine.accept(line);
        }, onStderr, onClosed);
    }

    @Override
    public boolean send(String line) {
        write("> ", line);
        return channel.send(line);
    }

    private synchronized void write(String direction, String line) {
        if (closed) {
            return; // a line read after the harness ended the session
        }
        try {
            out.write(direction);
            out.write(line);
            out.newLine();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot record the IUT's traffic", e);
        }
    }

    @Override
    public String describe() {
        return channel.describe();
    }

    @Override
    public void close() {
        channel.close();
        synchronized (this) {
            closed = true;
            try {
                out.close();
            } catch (IOException ignored) {
                // the recording ends with the session either way
            }
        }
    }
}
