package dev.callflow.iut.external;

import dev.callflow.device.DeviceFixture;
import dev.callflow.device.SimulatedDevice;
import dev.callflow.platform.AppFactory;
import dev.callflow.platform.LaunchReason;
import dev.callflow.signalling.SignallingClient;
import dev.callflow.testing.Runs;
import dev.callflow.timeline.Event;
import dev.callflow.timeline.LogFormat;
import dev.callflow.timeline.Timeline;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The harness owns each IUT's processes and bounds what it reads from them (issue 12, rows 3, 4, 5 and 12), against
 * real child processes (src/test/resources/iut-faults/process_iut.py MODE): a line that never ends, a child left
 * running with stdout open after its parent exited, an IUT that ignores the end of stdin, stderr written forever.
 */
class ProcessOwnershipTest {
    private static final Duration GUARD = Duration.ofSeconds(3);
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Duration HORIZON = Duration.ofSeconds(120);
    private static final AtomicInteger DEVICES = new AtomicInteger();

    private final Timeline timeline = Timeline.start("ProcessOwnershipTest", 1);
    private final List<Long> started = new ArrayList<>();
    private SimulatedDevice device;
    @TempDir
    Path dir;

    private SimulatedDevice device(String mode) {
        List<String> command = List.of(PythonIutTest.PYTHON, "src/test/resources/iut-faults/process_iut.py", mode,
                pidFile().toString());
        String id = "dev-proc-" + DEVICES.incrementAndGet();
        device = SimulatedDevice.builder().deviceId(id).timeline(timeline)
                .timing(DeviceFixture.timing(Duration.ofSeconds(30)))
                .app(AppFactory.configurable(settings ->
                        new ExternalApp(within -> ProcessChannel.start(command, Runs.HOME), GUARD, settings)))
                .signalling(new SignallingClient(HttpClient.newHttpClient(), "http://127.0.0.1:9", id))
                .build();
        return device;
    }

    private Path pidFile() {
        return dir.resolve("pids");
    }

    @AfterEach
    void close() {
        if (device != null) {
            device.close();
        }
        started.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly)); // never leave one behind
    }

    private Event verdict(String expected) {
        Event e = device.awaitEvent(x -> x.is("appTerminated"), HORIZON, WAIT)
                .orElseThrow(() -> new AssertionError("no appTerminated within " + WAIT + ":\n" + LogFormat.standard().render(timeline)));
        assertThat(e.attribute("exception")).as("the verdict\n%s", LogFormat.standard().render(timeline)).contains(expected);
        return e;
    }

    private void launched() {
        device.launchApp(LaunchReason.USER);
        assertThat(device.awaitEvent(e -> e.is("iutHello"), HORIZON, WAIT)).as("the IUT's hello\n%s",
                LogFormat.standard().render(timeline)).isPresent();
    }

    /** The IUT's pid and its background child's, which it wrote before its hello. */
    private long[] pids() throws IOException {
        String[] parts = Files.readString(pidFile(), StandardCharsets.UTF_8).trim().split(" ");
        long[] pids = {Long.parseLong(parts[0]), Long.parseLong(parts[1])};
        started.add(pids[0]);
        started.add(pids[1]);
        return pids;
    }

    /** The processes of a process group that still run (a zombie runs no more: it waits to be reaped). */
    static List<Long> survivors(long group) {
        return ProcessHandle.allProcesses().filter(p -> ProcessTree.groupOf(p.pid()) == group)
                .filter(p -> !state(p.pid()).equals("Z")).map(ProcessHandle::pid).toList();
    }

    static String state(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"), StandardCharsets.ISO_8859_1);
            return stat.substring(stat.lastIndexOf(')') + 2).split(" ")[0];
        } catch (IOException | RuntimeException gone) {
            return "gone";
        }
    }

    /** Row 3: the harness reads at most 1 MiB of a line; past it, the line is refused at once, the limit named. */
    @Test
    @Timeout(30)
    void aLineThatNeverEndsIsRefusedAtTheLimitWithoutWaitingForTheHangGuard() {
        device("endless-line");
        launched();
        long t0 = System.nanoTime();
        String detail = verdict("iutProtocolError").attribute("detail").orElse("");
        assertThat(detail).contains("line 2 from the implementation under test: the line is longer than the protocol's "
                + "limit of 1 MiB (1048576 bytes of UTF-8)").contains("xxxxxxxx");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).as("refused as it passed the limit, not by the hang guard")
                .isLessThan(GUARD);
    }

    /**
     * Rows 4 and 5: an IUT that exits while a child it started (and that is no longer its descendant) holds stdout open.
     * The exit is noticed (iutExited with the exit code, not iutHung), and the child is ended with it.
     */
    @Test
    @Timeout(30)
    void anExitIsNoticedThoughAChildHoldsStdoutOpenAndTheChildIsEnded() throws IOException {
        device("orphan");
        launched();
        long[] pids = pids();
        String detail = verdict("iutExited").attribute("detail").orElse("");
        assertThat(detail).contains("it exited, but 1 process it started kept running (holding stdout open); the harness "
                + "ended it, exit code 5");
        assertThat(survivors(pids[0])).as("processes of the IUT's group after its session").isEmpty();
        assertThat(state(pids[1])).as("the sleep it left behind").isIn("gone", "Z");
    }

    /** Row 5: when the system kills the app, every process of its group goes, even one that ignores stdin's end. */
    @Test
    @Timeout(30)
    void killingTheAppEndsItsWholeProcessGroup() throws IOException {
        device("ignore-eof");
        launched();
        long[] pids = pids();
        assertThat(state(pids[1])).as("the sleep it started, before the kill").isNotIn("gone", "Z");

        device.close();
        device = null;

        assertThat(state(pids[1])).as("the sleep it started, after the kill").isIn("gone", "Z");
        assertThat(survivors(pids[0])).as("processes of the IUT's group after the kill").isEmpty();
    }

    /** Row 12: stderr written forever is recorded up to a bound, the cut is said once, and a long line is cut. */
    @Test
    @Timeout(30)
    void stderrWrittenForeverIsRecordedUpToABoundAndTheCutIsStated() {
        device("stderr-forever");
        launched();
        assertThat(device.awaitEvent(e -> e.is("iutStderr") && e.attribute("truncated").isPresent(), HORIZON, WAIT))
                .as("the cut, stated\n%s", LogFormat.standard().render(timeline)).isPresent();
        device.close();
        device = null;

        List<Event> stderr = timeline.events().stream().filter(e -> e.is("iutStderr")).toList();
        assertThat(stderr).as("recorded stderr lines").hasSizeLessThanOrEqualTo(StderrBudget.LINES + 1);
        assertThat(stderr).filteredOn(e -> e.attribute("truncated").isPresent()).singleElement()
                .satisfies(e -> assertThat(e.attribute("text")).get(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                        .contains("stderr is cut here").contains("first 100 lines").contains("counts the rest"));
        assertThat(stderr.get(0).attribute("text")).get(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .as("a 1 MiB line, cut").hasSizeLessThan(ProcessChannel.STDERR_LINE_BYTES + 100)
                .endsWith("(cut: the line is longer than 4096 bytes)");
        long chars = stderr.stream().mapToLong(e -> e.attribute("text").orElse("").length()).sum();
        assertThat(chars).as("characters of stderr recorded").isLessThanOrEqualTo(StderrBudget.CHARS + 1_000);
    }
}
