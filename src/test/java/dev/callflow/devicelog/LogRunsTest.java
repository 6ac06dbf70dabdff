package dev.callflow.devicelog;

import dev.callflow.timeline.Event;
import dev.callflow.timeline.Source;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Unrecognised records in a row are one {@code log} event that counts them (so memory holds what the rules read): those
 * naming no call, and, since an app's per-call chatter (stats every 100 ms, say) can be most of a long log, those of
 * one call from one source. A record of another call, or of the same call from another source, starts a new event, and
 * one mentioning 0xbaadca11 is always its own.
 */
class LogRunsTest {
    private static final String A = "6F1C2A0E-8D5B-4C43-9E2A-3B7D1F0A9C11";
    private static final String B = "0B3E55A1-77C2-4F0B-8E43-C0A9D2B1E7F4";

    private static String app(int second, String message) {
        return String.format("2018-05-10 20:05:%02d.640136+0800 BigoOfree[19394:8610838] %s", second % 60, message);
    }

    private static String system(int second, String message) {
        return String.format("2018-05-10 20:05:%02d.640136+0800 mediaserverd[99:100] %s", second % 60, message);
    }

    @Test
    void aCallsChatterInARowIsOneEventOfThatCall() {
        DeviceLog log = Logs.read(
                app(1, "[I][CallKit] handleIncomingCall call=" + A),
                app(2, "[Stats] call=" + A + " rtt=41ms"),
                app(3, "[Stats] call=" + A + " rtt=43ms"),
                app(4, "[Stats] call=" + A + " rtt=40ms"),
                app(5, "[Stats] call=" + B + " rtt=90ms"),
                system(6, "session for call " + B + " ducked"),
                app(7, "[Stats] call=" + B + " rtt=91ms"),
                app(8, "[Net] reachability changed: wifi"),
                app(9, "[Net] reachability changed: cell"),
                app(10, "[Stats] call=" + A + " rtt=44ms 0xBAADCA11 seen"),
                app(11, "[Stats] call=" + A + " rtt=45ms"));
        List<Event> logs = log.events().stream().filter(e -> e.is(Recogniser.LOG)).toList();
        assertThat(logs).extracting(e -> e.call() == null ? "-" : e.call().toString().toUpperCase().substring(0, 4),
                        e -> e.source(), e -> e.attribute(DeviceLog.RECORDS).orElse("1"), e -> e.attribute(DeviceLog.LINE).orElseThrow())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("6F1C", Source.APP, "3", "2"),
                        org.assertj.core.groups.Tuple.tuple("0B3E", Source.APP, "1", "5"),
                        org.assertj.core.groups.Tuple.tuple("0B3E", Source.SYSTEM, "1", "6"),
                        org.assertj.core.groups.Tuple.tuple("0B3E", Source.APP, "1", "7"),
                        org.assertj.core.groups.Tuple.tuple("-", Source.APP, "2", "8"),
                        org.assertj.core.groups.Tuple.tuple("6F1C", Source.APP, "1", "10"),
                        org.assertj.core.groups.Tuple.tuple("6F1C", Source.APP, "1", "11"));
        assertThat(logs.get(0).attribute("text").orElseThrow()).contains("rtt=41ms");
        assertThat(log.keptAsLog()).isEqualTo(10);
    }

    /** An hour of stats lines for one call is a handful of events, not one per line; a segmented read joins the runs. */
    @Test
    void longPerCallChatterStaysSmallInOnePassAndInSegments() {
        List<String> lines = new ArrayList<>();
        lines.add(app(0, "[I][CallKit] handleIncomingCall call=" + A));
        for (int i = 0; i < 36_000; i++) {
            lines.add(app(i, "[Stats] call=" + A + " seq=" + i + " rtt=41ms loss=0.0"));
        }
        lines.add(app(1, "[I][CallKit] didDeactivateAudioSession call=" + A));
        DeviceLog one = new DeviceLogReader(new Recogniser(Logs.SEED), Integer.MAX_VALUE, 1).read(lines);
        DeviceLog segmented = new DeviceLogReader(new Recogniser(Logs.SEED), 1000, 2).read(lines);
        for (DeviceLog log : List.of(one, segmented)) {
            assertThat(Logs.names(log)).containsExactly("handleIncomingCall@1", "log@2", "didDeactivateAudioSession@36002");
            assertThat(log.events().get(1).call()).isEqualTo(UUID.fromString(A));
            assertThat(log.events().get(1).attribute(DeviceLog.RECORDS)).contains("36000");
        }
    }

    /**
     * {@code records} on a {@code log} event is the reader's count; a line in the harness's own form that writes its own
     * (here not even a number) must not become it (fuzzing found it: check-log died with a NumberFormatException).
     */
    @Test
    void aLinesOwnRecordsAttributeIsNotTheReadersCount() {
        DeviceLog log = Logs.read(
                app(1, "[I][CallKit] handleIncomingCall call=" + A),
                app(2, "[I][App] log text=0xbaadca11 records=alice"),
                app(3, "[I][App] log call=" + A + " records=7 handle=alice"));
        assertThat(log.events().get(1).attributes()).doesNotContainKey(DeviceLog.RECORDS).containsEntry("text", "0xbaadca11");
        assertThat(log.keptAsLog()).isEqualTo(2);
        assertThat(new CheckLogReport("records.log", log, List.of(), dev.callflow.rules.Policy.DEFAULT, null).text())
                .contains("2 kept as log");
    }
}
