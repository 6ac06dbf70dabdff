package dev.callflow.devicelog;

import dev.callflow.monitor.RuleMonitor;
import dev.callflow.rules.Policy;
import dev.callflow.timeline.LogParseException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A log of millions of unreadable lines (a binary dump pasted into text, a terminal capture full of escape codes) costs
 * their count, not them: the first {@link DeviceLog#PROBLEMS_KEPT} are kept to list, each with its text cut, and the
 * rest are counted (it held every line's text and an exception each: 2M such lines took 2.2 GB).
 */
class ManyUnreadableLinesTest {
    private static final String CALL = "2018-05-10 20:05:58.640136+0800 BigoOfree[19394:8610838] [I][CallKit] handleIncomingCall";

    /** A recognised line, then {@code bad} lines with a control character at column 6, each line a clean record start. */
    private static List<String> log(int bad) {
        List<String> lines = new ArrayList<>();
        lines.add(CALL);
        for (int i = 0; i < bad; i++) {
            lines.add("junk \u0001 " + i);
            if (i % 100 == 0) {
                lines.add(CALL); // clean cuts, so that a segmented read splits the log
            }
        }
        return lines;
    }

    @Test
    void theFirstThousandAreKeptAndEveryOneIsCounted() {
        int bad = DeviceLog.PROBLEMS_KEPT + 1500;
        DeviceLog log = new DeviceLogReader(new Recogniser(Logs.SEED), Integer.MAX_VALUE, 1).read(log(bad));
        assertThat(log.unreadable()).isEqualTo(bad);
        assertThat(log.problems()).hasSize(DeviceLog.PROBLEMS_KEPT);
        assertThat(log.problems().get(0).lineNumber()).isEqualTo(2);
        assertThat(log.problems()).extracting(LogParseException::lineNumber).isSorted();

        String text = new CheckLogReport("many.log", log, RuleMonitor.allRules(Policy.DEFAULT).judge(log.events()),
                Policy.DEFAULT, null).text(20);
        assertThat(text).contains(bad + " unreadable")
                .contains("... and " + (bad - 20) + " more unreadable lines (the first " + DeviceLog.PROBLEMS_KEPT + " are kept");
        Map<String, Object> json = new CheckLogReport("many.log", log, List.of(), Policy.DEFAULT, null).json();
        assertThat(json.get("unreadable")).isEqualTo(bad);
        assertThat((List<?>) json.get("problems")).hasSize(DeviceLog.PROBLEMS_KEPT);
    }

    @Test
    void aSegmentedReadKeepsTheSameFirstOnesAndCountsTheSame() {
        List<String> lines = log(3 * DeviceLog.PROBLEMS_KEPT);
        DeviceLog one = new DeviceLogReader(new Recogniser(Logs.SEED), Integer.MAX_VALUE, 1).read(lines);
        DeviceLog segmented = new DeviceLogReader(new Recogniser(Logs.SEED), 250, 2).read(lines);
        assertThat(segmented.unreadable()).isEqualTo(one.unreadable()).isEqualTo(3 * DeviceLog.PROBLEMS_KEPT);
        assertThat(segmented.problems()).extracting(LogParseException::lineNumber)
                .isEqualTo(one.problems().stream().map(LogParseException::lineNumber).toList());
    }

    @Test
    void aKeptLineIsCutButNotBeforeWhereItBroke() {
        String late = "y".repeat(3000) + "\u0001" + "z".repeat(5000);
        String early = "\u0001" + "w".repeat(5000);
        DeviceLog log = new DeviceLogReader(new Recogniser(Logs.SEED), Integer.MAX_VALUE, 1).read(List.of(CALL, late, early));
        assertThat(log.problems()).hasSize(2);
        LogParseException first = log.problems().get(0);
        assertThat(first.column()).isEqualTo(3001);
        assertThat(first.line()).hasSize(3001 + 64).startsWith("yyy");
        assertThat(first.getMessage()).contains("at column 3001, found \"\u0001zzz");
        assertThat(log.problems().get(1).line()).hasSize(DeviceLog.PROBLEM_TEXT_KEPT);
    }
}
