package dev.callflow.iut.external;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** The stdio transport: a child process per app launch; stdin/stdout carry the protocol, stderr is captured. */
final class ProcessChannel implements IutChannel {
    private final List<String> command;
    private final Process process;
    private final Writer stdin;
    private volatile boolean closing;

    private ProcessChannel(List<String> command, Process process) {
        this.command = command;
        this.process = process;
        this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    }

    static ProcessChannel start(List<String> command, Path workingDir) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(workingDir.toFile());
        pb.environment().put("PYTHONUNBUFFERED", "1");
        return new ProcessChannel(command, pb.start());
    }

    @Override
    public void start(Consumer<String> onLine, Consumer<String> onStderr, Consumer<Closed> onClosed) {
        java.util.ArrayDeque<String> tail = new java.util.ArrayDeque<>();
        Thread err = new Thread(() -> {
            try (var stderr = process.getErrorStream()) {
                IutChannel.readLines(stderr, line -> {
                    synchronized (tail) {
                        tail.addLast(line.length() > 500 ? line.substring(0, 500) + "…" : line);
                        if (tail.size() > 5) {
                            tail.removeFirst();
                        }
                    }
                    onStderr.accept(line);
                });
            } catch (IOException e) {
                // stderr ends with the process
            }
        }, "iut-stderr-" + process.pid());
        Thread out = new Thread(() -> {
            try (var stdout = process.getInputStream()) {
                IutChannel.readLines(stdout, onLine);
            } catch (IOException e) {
                // the process went away; reported below
            }
            Integer code = null;
            try {
                if (process.waitFor(2, TimeUnit.SECONDS)) {
                    code = process.exitValue();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            try {
                err.join(1000); // so the verdict can quote stderr's last lines
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            synchronized (tail) {
                onClosed.accept(new Closed(closing ? "closed by the harness" : "stdout closed", code, java.util.List.copyOf(tail)));
            }
        }, "iut-stdout-" + process.pid());
        out.setDaemon(true);
        err.setDaemon(true);
        out.start();
        err.start();
    }

    @Override
    public synchronized boolean send(String line) {
        if (!process.isAlive()) {
            return false;
        }
        try {
            stdin.write(line);
            stdin.write('\n');
            stdin.flush();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public String describe() {
        return "process " + process.pid() + " (" + String.join(" ", command) + ")";
    }

    @Override
    public void close() {
        closing = true;
        try {
            stdin.close();
        } catch (IOException ignored) {
            // already gone
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
