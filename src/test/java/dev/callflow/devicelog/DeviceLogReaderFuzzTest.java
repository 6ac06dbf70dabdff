package dev.callflow.devicelog;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.callflow.timeline.Event;
import dev.callflow.timeline.LogParseException;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The device-log reader alone, in one pass, fast enough for a million executions: arbitrary bytes, decoded as a file
 * is, are read and recognised. Unreadable lines are problems with their numbers, never thrown; every event and problem
 * points at a line of the input. {@link CheckLogFuzzTest} covers the whole check-log path (segmented reads, rules and
 * report) at a few hundred executions a second. Seeds:
 * {@code src/test/resources/dev/callflow/devicelog/DeviceLogReaderFuzzTestInputs/readLog/}. Long run:
 * {@code scripts/fuzz.sh 1000000 readLog}.
 */
class DeviceLogReaderFuzzTest {
    private static final Recogniser RECOGNISER = CheckLogFuzzTest.RECOGNISER;
    private static final DeviceLogReader ONE_PASS = new DeviceLogReader(RECOGNISER, DeviceLogReader.SEGMENT_LINES, 1);

    @FuzzTest(maxDuration = "5m", maxExecutions = 7000)
    void readLog(byte[] input) {
        List<String> lines = CheckLogFuzzTest.utf8(input).lines().toList();
        DeviceLog log = ONE_PASS.read(lines);
        assertThat(log.lines()).isEqualTo(lines.size());
        for (LogParseException p : log.problems()) {
            assertThat(p.lineNumber()).isBetween(1, lines.size());
        }
        for (Event e : log.events()) {
            DeviceLog.lineOf(e).ifPresent(n -> assertThat(n).isBetween(1, lines.size()));
        }
    }
}
