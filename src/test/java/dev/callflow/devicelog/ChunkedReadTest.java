package dev.callflow.devicelog;

import dev.callflow.timeline.LogParseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A large log is read in segments parsed on several cores; the result must be exactly what one pass line by line
 * gives: the same events (seq, time, source, level, name, call, thread, attributes), problems, line count and shape
 * counts. Segments are forced here on small logs (cut at every possible line, 2 to 7 threads) so every cut is exercised.
 */
class ChunkedReadTest {
    private static final Recogniser RECOGNISER = new Recogniser(Logs.SEED);
    private static final DeviceLogReader ONE_PASS = new DeviceLogReader(RECOGNISER, Integer.MAX_VALUE, 1);

    static Stream<Path> fixtureLogs() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("fixtures"))) {
            return files.filter(f -> f.toString().endsWith(".log")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtureLogs")
    void everyFixtureLogReadsTheSameInChunks(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        for (int threads : new int[] {2, 3, 7}) {
            assertSame(lines, threads, log.toString());
        }
    }

    /** Random pastes of every shape, continuations, stack frames, clocks that go back and days that change. */
    @Test
    void randomMixedPastesReadTheSameInChunks() {
        Random random = new Random(2026);
        String[] extra = {
                "2018-05-11 00:00:01.000000+0900 BigoOfree[19394:8610838] [I][CallKit] didActivateAudioSession",
                "2018-05-10 19:59:59.000000-0300 BigoOfree[19394:8610838] [I][CallKit] startAudio",
                "2018-05-10 20:05:01.000000+0800 BigoOfree[19394:8610838] Killing app because it never posted an incoming call to the system after receiving a PushKit VoIP push.",
                "2018-05-10 20:05:01.000001+0800 BigoOfree[19394:8610838] *** Terminating app due to uncaught exception 'NSInternalInconsistencyException', reason: 'Killing app because it never posted an incoming call'",
                "0   CoreFoundation   0x00000001a2b3c4d5 __exceptionPreprocess + 164",
                "2018-05-10 20:0",
                "   indented continuation",
                "",
                "20:05:59.000 [I][CallKit] performEndCallAction"};
        String[] pool = Stream.concat(Stream.of(CheckLogBenchmark.generate(21).toArray(String[]::new)), Stream.of(extra))
                .toArray(String[]::new);
        for (int round = 0; round < 60; round++) {
            List<String> lines = new ArrayList<>();
            for (int i = 20 + random.nextInt(200); i > 0; i--) {
                lines.add(pool[random.nextInt(pool.length)]);
            }
            for (int threads : new int[] {2, 3, 7}) {
                assertSame(lines, threads, "random paste " + round);
            }
        }
    }

    @Test
    void aLogWithoutCleanCutsReadsTheSame() {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            lines.add("flutter: CallScreen: startAudio");
        }
        assertSame(lines, 4, "bare lines only");
    }

    private static void assertSame(List<String> lines, int threads, String what) {
        DeviceLog expected = ONE_PASS.read(lines);
        DeviceLog actual = new DeviceLogReader(RECOGNISER, 1, threads).read(lines);
        assertThat(actual.events()).as("events of %s on %d threads", what, threads).isEqualTo(expected.events());
        assertThat(describe(actual.problems())).as("problems of %s on %d threads", what, threads)
                .isEqualTo(describe(expected.problems()));
        assertThat(actual.lines()).isEqualTo(expected.lines());
        assertThat(actual.shapes()).as("shapes of %s on %d threads", what, threads).isEqualTo(expected.shapes());
    }

    private static List<String> describe(List<LogParseException> problems) {
        return problems.stream().map(p -> p.lineNumber() + ":" + p.column() + ":" + p.expected()).toList();
    }
}
