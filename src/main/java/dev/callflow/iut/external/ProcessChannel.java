package dev.callflow.iut.external;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The stdio transport: a child process per app launch, in a process group of its own ({@link ProcessTree});
 * stdin/stdout carry the protocol, stderr is captured. The channel ends when stdout ends or when the process exits,
 * whichever comes first: a child it left behind holding stdout open is ended with it, so its exit is never hidden.
 */
final class ProcessChannel implements IutChannel {
    /** The longest stderr line kept; the rest of a longer one is dropped. */
    static final int STDERR_LINE_BYTES = 4 * 1024;
    /** How many of stderr's last lines a verdict quotes, each cut to {@link #TAIL_LINE_CHARS}. */
    private static final int TAIL_LINES = 5;
    private static final int TAIL_LINE_CHARS = 500;
    /** How long the end waits for output still in the pipes after the process exited. */
    private static final long DRAIN_MILLIS = 2_000;
    /** How long the end of stdout waits for the exit that usually follows, for its exit code. */
    private static final long EXIT_MILLIS = 500;

    private final List<String> command;
    private final ProcessTree tree;
    private final Process process;
    private final LiveTrees live;
    private final Writer stdin;
    private final CompletableFuture<Void> stdoutEnded = new CompletableFuture<>();
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile boolean closing;
    /** Processes still in the tree when its leader exited: they were ended, and the verdict says so. */
    private volatile int leftBehind;

    private ProcessChannel(List<String> command, ProcessTree tree, LiveTrees live) {
        this.command = command;
        this.tree = tree;
        this.process = tree.leader();
        this.live = live;
        this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    }

    static ProcessChannel start(List<String> command, Path workingDir) throws IOException {
        return start(command, workingDir, null);
    }

    /** {@code live}: the run's live trees, which end this one on shutdown; null when nobody else tracks it. */
    static ProcessChannel start(List<String> command, Path workingDir, LiveTrees live) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(workingDir.toFile());
        pb.environment().put("PYTHONUNBUFFERED", "1");
        ProcessTree tree = ProcessTree.start(pb);
        if (live != null && !live.add(tree)) {
            tree.kill();
            throw new IOException("the run is over; " + String.join(" ", command) + " was not started");
        }
        return new ProcessChannel(command, tree, live);
    }

    @Override
    public void start(Consumer<String> onLine, Consumer<String> onStderr, Consumer<Closed> onClosed) {
        ArrayDeque<String> tail = new ArrayDeque<>();
        Thread err = new Thread(() -> {
            try (var stderr = process.getErrorStream()) {
                new LineReader(stderr, STDERR_LINE_BYTES).readAll((line, overLong) -> {
                    String text = overLong ? line.substring(0, Math.min(line.length(), STDERR_LINE_BYTES))
                            + "… (cut: the line is longer than " + STDERR_LINE_BYTES + " bytes)" : line;
                    synchronized (tail) {
                        tail.addLast(text.length() > TAIL_LINE_CHARS ? text.substring(0, TAIL_LINE_CHARS) + "…" : text);
                        if (tail.size() > TAIL_LINES) {
                            tail.removeFirst();
                        }
                    }
                    onStderr.accept(text);
                });
            } catch (IOException e) {
                // stderr ends with the process
            }
        }, "iut-stderr-" + process.pid());
        Runnable end = () -> {
            if (!ended.compareAndSet(false, true)) {
                return;
            }
            try {
                if (!process.isAlive()) {
                    err.join(DRAIN_MILLIS); // so the verdict can quote stderr's last lines
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Integer code = process.isAlive() ? null : process.exitValue();
            int left = leftBehind;
            String why = closing ? "closed by the harness" : left > 0 ? "it exited, but " + left + " process"
                    + (left == 1 ? "" : "es") + " it started kept running (holding stdout open); the harness ended "
                    + (left == 1 ? "it" : "them") : "stdout closed";
            synchronized (tail) {
                onClosed.accept(new Closed(why, code, List.copyOf(tail)));
            }
        };
        Thread out = new Thread(() -> {
            try (var stdout = process.getInputStream()) {
                IutChannel.readLines(stdout, onLine);
            } catch (IOException e) {
                // the process went away; reported below
            }
            stdoutEnded.complete(null);
            try {
                process.waitFor(EXIT_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            end.run();
        }, "iut-stdout-" + process.pid());
        out.setDaemon(true);
        err.setDaemon(true);
        out.start();
        err.start();
        process.onExit().thenRunAsync(() -> {
            if (!closing) {
                leftBehind = tree.members().size();
                tree.kill(); // what it left behind: a child holding stdout open would hide the exit
            }
            try {
                stdoutEnded.get(DRAIN_MILLIS, TimeUnit.MILLISECONDS); // the lines it wrote before it exited come first
            } catch (Exception stillOpen) {
                // ended anyway: the process is gone
            }
            end.run();
        }, task -> {
            Thread t = new Thread(task, "iut-exit-" + process.pid());
            t.setDaemon(true);
            t.start();
        });
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

    /** The channel's processes: the leader, and the children it started (tests check that none outlives a session). */
    ProcessTree tree() {
        return tree;
    }

    @Override
    public void close() {
        closing = true;
        try {
            stdin.close();
        } catch (IOException ignored) {
            // already gone
        }
        tree.kill();
        if (live != null) {
            live.remove(tree);
        }
    }
}
