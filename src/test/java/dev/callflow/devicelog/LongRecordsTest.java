package dev.callflow.devicelog;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A record whose bracket never closes swallows the lines after it as continuations. Reading must stay linear in the
 * log's size (it was quadratic: every line rescanned the whole record so far), and a record stops growing at a cap.
 * No timing here: the work is counted.
 */
class LongRecordsTest {
    private static final String OPEN = "2018-05-10 20:05:58.640136+0800 BigoOfree[19394:8610838] [I][CallKit] payload: (";

    private static List<String> openThen(int lines, String line) {
        List<String> log = new ArrayList<>(lines + 1);
        log.add(OPEN);
        for (int i = 0; i < lines; i++) {
            log.add(line);
        }
        return log;
    }

    @Test
    void followingAnOpenBracketReadsEachCharacterOnce() {
        List<String> log = openThen(20_000, "y");
        long chars = log.stream().mapToLong(String::length).sum();
        DeviceLogReader reader = new DeviceLogReader(new Recogniser(Logs.SEED), Integer.MAX_VALUE, 1);
        reader.read(log);
        assertThat(reader.bracketCharsScanned()).as("characters scanned for brackets, for %d characters of log", chars)
                .isLessThanOrEqualTo(2 * chars);
    }

    @Test
    void aRecordIsCutAtTheLineCapAndTheRestIsReadLineByLine() {
        int extra = 10;
        DeviceLog log = new DeviceLogReader(new Recogniser(Logs.SEED), Integer.MAX_VALUE, 1)
                .read(openThen(DeviceLogReader.MAX_RECORD_LINES - 1 + extra, "y"));
        int cut = DeviceLogReader.MAX_RECORD_LINES + 1;
        assertThat(log.problems()).hasSize(1);
        assertThat(log.problems().get(0).lineNumber()).isEqualTo(cut);
        assertThat(log.problems().get(0).expected()).contains("at most " + DeviceLogReader.MAX_RECORD_LINES + " lines")
                .contains("the record from line 1 was cut");
        assertThat(log.lines()).isEqualTo(DeviceLogReader.MAX_RECORD_LINES + extra);
        assertThat(log.keptAsLog()).as("the open record, then each line from the cut on").isEqualTo(1 + extra);
        assertThat(log.events().get(0).attributes().get("text").lines().count()).isEqualTo(DeviceLogReader.MAX_RECORD_LINES);
    }

    @Test
    void aRecordIsCutAtTheCharacterCap() {
        String wide = "x".repeat(1000);
        DeviceLog log = new DeviceLogReader(new Recogniser(Logs.SEED), Integer.MAX_VALUE, 1).read(openThen(100, wide));
        assertThat(log.problems()).hasSize(1);
        String first = log.events().get(0).attributes().get("text");
        assertThat(first.length()).isLessThanOrEqualTo(DeviceLogReader.MAX_RECORD_CHARS)
                .isGreaterThan(DeviceLogReader.MAX_RECORD_CHARS - wide.length() - 1);
        int lines = (int) first.lines().count();
        assertThat(log.problems().get(0).lineNumber()).isEqualTo(1 + lines);
        assertThat(log.keptAsLog()).isEqualTo(1 + 101 - 1 - lines + 1);
    }

    @Test
    void runsOfUnrecognisedCallLessRecordsAreOneCountedEventButCallsAndBaadCallsStayOnTheirOwn() {
        String t = "2018-05-10 20:06:02.%s+0800 BigoOfree[19394:8610627] ";
        DeviceLog log = Logs.read(t.formatted("100000") + "[I][CallKit] performAnswerCallAction",
                t.formatted("200000") + "UI: table view reloaded",
                "2018-05-10 20:06:02.300000+0800 kernel[0:1] AppleH10CamIn::setPowerStateGated: 0",
                t.formatted("400000") + "UI: scrolled",
                t.formatted("500000") + "Network: GET /rooms for call=6F1C2A0E-8D5B-4C43-9E2A-3B7D1F0A9C11",
                t.formatted("600000") + "watchdog: 0XBAADCA11-ish code seen",
                t.formatted("700000") + "UI: scrolled again",
                t.formatted("800000") + "[I][CallKit] didActivateAudioSession");
        assertThat(Logs.names(log)).containsExactly("performAnswerCallAction@1", "log@2", "log@5", "log@6", "log@7",
                "didActivateAudioSession@8");
        assertThat(log.events().get(1).attributes()).containsEntry("text", "UI: table view reloaded")
                .containsEntry(DeviceLog.RECORDS, "3");
        assertThat(log.events().get(1).source()).as("a run with an app record is the app's").isEqualTo(dev.callflow.timeline.Source.APP);
        assertThat(log.events().get(4).attributes()).doesNotContainKey(DeviceLog.RECORDS);
        assertThat(log.keptAsLog()).isEqualTo(6);
        assertThat(log.recognised()).isEqualTo(2);
    }
}
