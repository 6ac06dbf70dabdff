package dev.callflow.iut.external;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * The processes of one IUT launch, which the harness owns. Where util-linux's {@code setsid} is on the PATH (Linux),
 * the command starts as the leader of a session and process group of its own, whose id is its pid; every process it
 * starts stays in that group unless it makes a session itself, even once the leader has exited. Elsewhere (macOS) the
 * tree is the leader and its live descendants, which loses a child whose parent already exited.
 */
final class ProcessTree {
    /** How long {@link #kill} waits for the killed processes to go, per round. */
    private static final long ROUND_MILLIS = 1_000;
    private static final int ROUNDS = 5;
    private static final Optional<Path> SETSID = onPath("setsid");
    private static final Path PROC = Path.of("/proc");

    private final Process leader;
    private final boolean ownGroup;

    private ProcessTree(Process leader, boolean ownGroup) {
        this.leader = leader;
        this.ownGroup = ownGroup;
    }

    /** Starts {@code builder}'s command in a process group of its own where the system can. */
    static ProcessTree start(ProcessBuilder builder) throws IOException {
        List<String> command = builder.command();
        if (SETSID.isEmpty() || !Files.isDirectory(PROC)) {
            return new ProcessTree(builder.start(), false);
        }
        List<String> wrapped = new ArrayList<>();
        wrapped.add(SETSID.get().toString());
        wrapped.addAll(command);
        try {
            // a child of the JVM never leads a process group, so setsid(1) makes the session in place: same pid
            return new ProcessTree(builder.command(wrapped).start(), true);
        } finally {
            builder.command(command);
        }
    }

    Process leader() {
        return leader;
    }

    /** Whether the tree is a process group of its own (its id the leader's pid). */
    boolean ownGroup() {
        return ownGroup;
    }

    /**
     * The tree's live processes: the leader while it lives, its descendants, and with a group of its own every member
     * of the group (a child whose parent exited among them).
     */
    List<ProcessHandle> members() {
        Stream<ProcessHandle> tree = Stream.concat(Stream.of(leader.toHandle()), leader.descendants());
        Stream<ProcessHandle> all = ownGroup
                ? Stream.concat(tree, ProcessHandle.allProcesses().filter(p -> groupOf(p.pid()) == leader.pid()))
                : tree;
        return all.distinct().filter(p -> p.isAlive() && !zombie(p.pid())).toList();
    }

    /**
     * Kills every process of the tree (SIGKILL: the system kills an app's process without notice) and waits, bounded,
     * until none is left; processes that started meanwhile are killed in the next round. True when none is left.
     */
    boolean kill() {
        for (int round = 0; round < ROUNDS; round++) {
            List<ProcessHandle> live = members();
            if (live.isEmpty()) {
                return true;
            }
            live.forEach(ProcessHandle::destroyForcibly);
            CompletableFuture<?>[] gone = live.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new);
            try {
                CompletableFuture.allOf(gone).get(ROUND_MILLIS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException | ExecutionException e) {
                // a zombie nobody reaps, or a process in uninterruptible sleep: the next round looks again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return members().isEmpty();
            }
        }
        return members().isEmpty();
    }

    /** A process's group id, from {@code /proc/PID/stat}; -1 when it is gone. */
    static long groupOf(long pid) {
        String[] fields = statFields(pid);
        return fields.length > 2 ? Long.parseLong(fields[2]) : -1;
    }

    /** A zombie has exited and waits for its parent (or init) to reap it: it runs no more. */
    private static boolean zombie(long pid) {
        String[] fields = statFields(pid);
        return fields.length > 0 && fields[0].equals("Z");
    }

    /** The fields of {@code /proc/PID/stat} after the command name: state, ppid, pgrp, …; empty when it is gone. */
    private static String[] statFields(long pid) {
        try {
            String stat = Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"), StandardCharsets.ISO_8859_1);
            return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException gone) {
            return new String[0];
        }
    }

    private static Optional<Path> onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return Stream.of(path.split(java.io.File.pathSeparator)).filter(d -> !d.isEmpty()).map(d -> Path.of(d, program))
                .filter(p -> Files.isRegularFile(p) && Files.isExecutable(p)).findFirst();
    }
}
