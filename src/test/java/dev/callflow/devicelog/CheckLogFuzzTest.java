package dev.callflow.devicelog;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.callflow.monitor.RuleMonitor;
import dev.callflow.rules.Policy;
import dev.callflow.timeline.Event;
import dev.callflow.timeline.LogParseException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./callflow check-log} minus the file: arbitrary bytes, decoded as {@link DeviceLogReader#read(Path)} decodes a
 * file, are read, recognised, judged by every rule (under a policy the first byte picks) and rendered as text and JSON. Unreadable lines
 * are collected as problems, never thrown; nothing else may throw. A log read in segments on two threads must read as
 * one pass does. Seeds: {@code src/test/resources/dev/callflow/devicelog/CheckLogFuzzTestInputs/checkLog/} (the
 * fixture logs and the shapes of the README). Long run: {@code scripts/fuzz.sh}.
 */
class CheckLogFuzzTest {
    static final Recogniser RECOGNISER = new Recogniser(grammar());
    private static final DeviceLogReader ONE_PASS = new DeviceLogReader(RECOGNISER, DeviceLogReader.SEGMENT_LINES, 1);
    /** Segments of a few lines on two threads, so short inputs take the joining path too. */
    private static final DeviceLogReader SEGMENTED = new DeviceLogReader(RECOGNISER, 3, 2);
    private static final List<Policy> POLICIES = List.of(Policy.named("default"), Policy.named("seed-strict"),
            Policy.named("apple"));
    private static final List<RuleMonitor> MONITORS = POLICIES.stream().map(RuleMonitor::allRules).toList();

    private static Grammar grammar() {
        try {
            Path grammars = Path.of("fixtures", "grammars");
            return Grammar.load(grammars.resolve("seed.grammar")).and(Grammar.load(grammars.resolve("webrtc.grammar")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FuzzTest(maxDuration = "5m", maxExecutions = 1000)
    void checkLog(byte[] input) {
        List<String> lines = utf8(input).lines().toList();
        DeviceLog log = ONE_PASS.read(lines);
        assertThat(log.lines()).isEqualTo(lines.size());
        for (LogParseException p : log.problems()) {
            assertThat(p.lineNumber()).isBetween(1, lines.size());
        }
        if (lines.size() > 3) {
            DeviceLog segmented = SEGMENTED.read(lines);
            assertThat(segmented.events()).as("segmented read = one pass").isEqualTo(log.events());
            assertThat(segmented.problems().stream().map(LogParseException::lineNumber).toList())
                    .isEqualTo(log.problems().stream().map(LogParseException::lineNumber).toList());
        }
        int rule = Byte.toUnsignedInt(input.length == 0 ? 0 : input[0]) % MONITORS.size();
        CheckLogReport report = log.recognised() == 0
                ? new CheckLogReport("fuzz.log", log, List.of(), POLICIES.get(rule), "no recognisable event")
                : new CheckLogReport("fuzz.log", log, MONITORS.get(rule).judge(log.events()), POLICIES.get(rule), null);
        for (Event e : log.events()) {
            DeviceLog.lineOf(e).ifPresent(n -> assertThat(n).isBetween(1, lines.size()));
        }
        assertThat(report.text()).startsWith("== fuzz.log");
        assertThat(report.text(0)).isNotEmpty();
        assertThat(report.json()).isNotEmpty();
    }

    /** As {@link DeviceLogReader#read(Path)}: bytes that are not UTF-8 become U+FFFD (and cost their line). */
    static String utf8(byte[] input) {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try {
            return d.decode(ByteBuffer.wrap(input)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("a replacing decoder does not throw", e);
        }
    }
}
