package dev.callflow.iut.external;

import dev.callflow.testing.Runs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12, row 5: SIGINT to a run whose IUTs ignore the end of their stdin left both running, with their children,
 * under PID 1. A real JVM ({@link InterruptedRunMain}) with two such IUTs is interrupted once both said hello; no
 * process of either IUT's group may survive it.
 */
class InterruptedRunTest {
    @TempDir
    Path dir;
    private final List<Long> pids = new ArrayList<>();
    private Process run;

    @AfterEach
    void cleanUp() {
        if (run != null) {
            run.destroyForcibly();
        }
        pids.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly)); // never leave one behind
    }

    @Test
    @Timeout(90)
    void sigintToARunEndsEveryProcessOfItsIuts() throws Exception {
        Path a = dir.resolve("a.pids");
        Path b = dir.resolve("b.pids");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        run = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), InterruptedRunMain.class.getName(),
                a.toString(), b.toString()).directory(Runs.HOME.toFile()).redirectErrorStream(true).start();
        List<String> output = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(run.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    output.add(line);
                    if (line.equals("ready")) {
                        ready.complete(null);
                    }
                }
            } catch (IOException e) {
                // the run ended
            }
            ready.completeExceptionally(new AssertionError("the run ended before its IUTs were up: " + output));
        });
        reader.setDaemon(true);
        reader.start();
        ready.get(60, TimeUnit.SECONDS);
        List<Long> iuts = new ArrayList<>();
        for (Path f : List.of(a, b)) {
            String[] both = Files.readString(f, StandardCharsets.UTF_8).trim().split(" ");
            iuts.add(Long.parseLong(both[0]));
            pids.add(Long.parseLong(both[0]));
            pids.add(Long.parseLong(both[1]));
        }
        assertThat(pids).allSatisfy(pid -> assertThat(ProcessOwnershipTest.state(pid)).as("pid %d before SIGINT", pid)
                .isNotIn("gone", "Z"));

        assertThat(new ProcessBuilder("kill", "-INT", Long.toString(run.pid())).start().waitFor()).isZero();

        assertThat(run.waitFor(30, TimeUnit.SECONDS)).as("the run ends on SIGINT; it wrote: %s", output).isTrue();
        assertThat(pids).allSatisfy(pid -> assertThat(ProcessOwnershipTest.state(pid))
                .as("pid %d (an IUT or the child it started) after SIGINT", pid).isIn("gone", "Z"));
        assertThat(iuts).allSatisfy(group -> assertThat(ProcessOwnershipTest.survivors(group))
                .as("processes of the IUT group %d", group).isEmpty());
    }
}
