package dev.callflow.iut.external;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/** The network transport: one accepted connection per app launch. */
final class TcpChannel implements IutChannel {
    private final Socket socket;
    private final Writer out;
    private volatile boolean closing;

    TcpChannel(Socket socket) throws IOException {
        this.socket = socket;
        this.out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8);
    }

    @Override
    public void start(Consumer<String> onLine, Consumer<String> onStderr, Consumer<Closed> onClosed) {
        Thread t = new Thread(() -> {
            try (var in = socket.getInputStream()) {
                IutChannel.readLines(in, onLine);
            } catch (IOException e) {
                // connection dropped; reported below
            }
            onClosed.accept(new Closed(closing ? "closed by the harness" : "connection closed", null, java.util.List.of()));
        }, "iut-tcp-" + socket.getPort());
        t.setDaemon(true);
        t.start();
    }

    @Override
    public synchronized boolean send(String line) {
        try {
            out.write(line);
            out.write('\n');
            out.flush();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public String describe() {
        return "connection from " + socket.getRemoteSocketAddress();
    }

    @Override
    public void close() {
        closing = true;
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
