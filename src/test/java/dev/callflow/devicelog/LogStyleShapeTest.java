package dev.callflow.devicelog;

import dev.callflow.timeline.Event;
import dev.callflow.timeline.Level;
import dev.callflow.timeline.Source;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code log stream --style compact} and {@code --style syslog}, as simulator captures in CI write them. */
class LogStyleShapeTest {
    private static final String U = "4A7C9E21-3B5D-4F08-9C61-0E2D8B7A5F34";

    private static RawLine read(LogStyleShape shape, String line) {
        RawLine raw = new RawLine();
        return shape.read(line, line.length(), raw) ? raw : null;
    }

    private static RawLine compact(String line) {
        return read(LogStyleShape.compact(new Timestamps()), line);
    }

    private static RawLine syslog(String line) {
        return read(LogStyleShape.syslog(new Timestamps()), line);
    }

    @Test
    void compactStyle() {
        String line = "2024-03-17 10:23:45.130 E  MyPhone[2291:2f4a3d] (AVFAudio) [com.apple.avfaudio:session] setActive failed";
        RawLine raw = compact(line);
        assertThat(raw).isNotNull();
        assertThat(raw.process).isEqualTo("MyPhone");
        assertThat(raw.pid).isEqualTo(2291);
        assertThat(raw.thread).isEqualTo(0x2f4a3d);
        assertThat(raw.level).isEqualTo(Level.ERROR);
        assertThat(raw.hasOffset).isFalse();
        assertThat(line.substring(raw.messageStart)).isEqualTo("setActive failed");

        String harness = "2024-03-17 10:23:45.140 Df MyPhone[2291:2f4a3d] [I][MediaSDK] startAudio call=" + U;
        RawLine h = compact(harness);
        assertThat(h.tag).isEqualTo("MediaSDK");
        assertThat(harness.substring(h.messageStart)).startsWith("startAudio");
        assertThat(compact("2024-03-17 10:23:45.140 Db kernel[0:7a6d] x").level).isEqualTo(Level.DEBUG);
    }

    @Test
    void syslogStyle() {
        String line = "2024-03-17 10:23:45.150345-0700  localhost callservicesd[112]: (CallKit) [com.apple.calls:Default] Request to end";
        RawLine raw = syslog(line);
        assertThat(raw).isNotNull();
        assertThat(raw.process).isEqualTo("callservicesd");
        assertThat(raw.pid).isEqualTo(112);
        assertThat(raw.hasOffset).isTrue();
        assertThat(raw.offsetSeconds).isEqualTo(-7 * 3600);
        assertThat(line.substring(raw.messageStart)).isEqualTo("Request to end");
    }

    @Test
    void refusesOtherShapes() {
        assertThat(compact("2018-05-10 20:05:58.640136+0800 BigoOfree[19394:8610838] [I][CallKit] x")).as("NSLog").isNull();
        assertThat(compact("2018-05-10 20:05:58.640 BigoOfree[19394:8610838] [I][CallKit] x")).as("NSLog, no zone").isNull();
        assertThat(compact("2024-03-17 10:23:45.130 Zz MyPhone[2291:2f4a3d] x")).as("no type").isNull();
        assertThat(compact("2024-03-17 10:23:45.130 Df My Phone[2291:2f4a3d] x")).as("a space in the process").isNull();
        assertThat(syslog("2018-05-10 20:05:58.640136+0800 BigoOfree[19394:8610838] [I][CallKit] x")).as("NSLog").isNull();
        assertThat(syslog("2024-03-17 10:23:45.150345  localhost callservicesd[112]: x")).as("no zone").isNull();
        assertThat(syslog("2024-03-17 10:23:45.150345-0700  localhost callservicesd[112] x")).as("no colon").isNull();
    }

    @Test
    void theSystemsLinesAreTheSystemsAndTheHeaderIsSkipped() {
        DeviceLog log = Logs.read(
                "Timestamp               Ty Process[PID:TID]",
                "2024-03-17 10:23:45.101 Df callservicesd[112:1f3a] [com.apple.calls.callservicesd:Default] Received VoIP push",
                "2024-03-17 10:23:45.120 Df MyPhone[2291:2f4a3d] [I][CallKit] handleIncomingCall call=" + U,
                "2024-03-17 10:23:45.150345-0700  localhost callservicesd[112]: (CallKit) Decreasing priority of other AVAudioSession interruption provider",
                "2024-03-17 10:23:45.160345-0700  localhost MyPhone[2291]: [I][CallKit] didActivateAudioSession call=" + U);
        assertThat(log.shapes()).isEqualTo(Map.of("log-compact", 2, "log-syslog", 2));
        assertThat(Logs.names(log)).containsExactly("log@2", "handleIncomingCall@3", "didActivateAudioSession@4",
                "didActivateAudioSession@5");
        Event received = log.events().get(0);
        assertThat(received.source()).isEqualTo(Source.SYSTEM);
        assertThat(log.events().get(2).attribute("via")).contains("callservicesd");
        assertThat(log.events().get(1).thread()).isEqualTo(0x2f4a3d);
    }

    @Test
    void theFixtureReadsEveryLineAsCompact() throws java.io.IOException {
        DeviceLog log = new DeviceLogReader(new Recogniser(Logs.SEED))
                .read(java.nio.file.Path.of("fixtures/logs/push1-simulator-log-stream-compact.log"));
        assertThat(log.shapes()).isEqualTo(Map.of("log-compact", 6));
        assertThat(Logs.names(log).stream().filter(n -> !n.startsWith("log@")).toList())
                .containsExactly("didReceiveIncomingPush@7", "pushNotReported@11");
        assertThat(log.events().get(1).attribute(DeviceLog.RECORDS)).as("lines 8 to 10, no call named").contains("3");
    }
}
