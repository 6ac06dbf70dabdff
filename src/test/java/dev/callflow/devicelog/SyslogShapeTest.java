package dev.callflow.devicelog;

import dev.callflow.timeline.Event;
import dev.callflow.timeline.Level;
import dev.callflow.timeline.Source;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** idevicesyslog's shape: {@code Jan 14 18:03:11 Erins-iPhone MyPhone(PushKit)[2291] <Notice>: message}. */
class SyslogShapeTest {
    private static final String U = "4A7C9E21-3B5D-4F08-9C61-0E2D8B7A5F34";

    private static RawLine read(String line) {
        RawLine raw = new RawLine();
        return new SyslogShape(new Timestamps()).read(line, line.length(), raw) ? raw : null;
    }

    @Test
    void readsTheFields() {
        String line = "Jan  4 18:03:11.250 Erins-iPhone MyPhone(PushKit)[2291] <Error>: [I][CallKit] startAudio call=" + U;
        RawLine raw = read(line);
        assertThat(raw).isNotNull();
        assertThat(raw.process).isEqualTo("MyPhone");
        assertThat(raw.pid).isEqualTo(2291);
        assertThat(raw.level).isEqualTo(Level.INFO); // the [I] of the harness's block wins over <Error>
        assertThat(raw.tag).isEqualTo("CallKit");
        assertThat(line.substring(raw.messageStart)).startsWith("startAudio call=");
        assertThat(raw.hasTime).isTrue();
        assertThat(raw.hasOffset).isFalse();
        assertThat(raw.localMicros % 86_400_000_000L).isEqualTo((18 * 3600 + 3 * 60 + 11) * 1_000_000L + 250_000);

        RawLine plain = read("Dec 12 07:23:13 Johns-iPhone callservicesd[99] <Notice>: Received incoming VoIP push");
        assertThat(plain.process).isEqualTo("callservicesd");
        assertThat(plain.level).isEqualTo(Level.INFO);
        assertThat(read("Jan 14 18:03:11 iPhone backboardd[60] <Critical>: x").level).isEqualTo(Level.ERROR);
    }

    @Test
    void refusesWhatIsNotSyslog() {
        assertThat(read("Jan 14 18:03:11 Erins-iPhone MyPhone[2291]: no level")).isNull();
        assertThat(read("Jan 14 18:03:11 Erins-iPhone MyPhone <Notice>: no pid")).isNull();
        assertThat(read("Jan 14 18:03:11+0100 Erins-iPhone MyPhone[1] <Notice>: a zone is not syslog's")).isNull();
        assertThat(read("Janus 14 18:03:11 Erins-iPhone MyPhone[1] <Notice>: x")).isNull();
        assertThat(read("Jan 44 18:03:11 Erins-iPhone MyPhone[1] <Notice>: x")).isNull();
        assertThat(read("Jan 14 18:03:11 Erins-iPhone MyPhone[1] <Sometimes>: x")).isNull();
    }

    @Test
    void systemProcessesAreTheSystemsAndLevelsCount() {
        DeviceLog log = Logs.read(
                "Jan 14 18:03:11 Erins-iPhone callservicesd(CallKit)[112] <Notice>: CXEndCallAction for call " + U,
                "Jan 14 18:03:12 Erins-iPhone MyPhone[2291] <Error>: something failed badly");
        assertThat(log.shapes()).containsOnlyKeys("syslog");
        Event system = log.events().get(0);
        assertThat(system.source()).isEqualTo(Source.SYSTEM);
        assertThat(log.events().get(1).level()).isEqualTo(Level.ERROR);
        assertThat(log.events().get(1).micros() - system.micros()).isEqualTo(1_000_000);
    }

    @Test
    void timeRunsOnAcrossMidnightAndMonths() {
        DeviceLog log = Logs.read(
                "Jan 31 23:59:59 iPhone MyPhone[1] <Notice>: [I][CallKit] handleIncomingCall call=" + U,
                "Feb  1 00:00:01 iPhone MyPhone[1] <Notice>: [I][CallKit] performAnswerCallAction call=" + U);
        assertThat(log.events().get(1).micros() - log.events().get(0).micros()).isEqualTo(2_000_000);
    }

    /** A record left with an open bracket does not swallow the syslog line after it, as it would a plain line. */
    @Test
    void aSyslogLineAlwaysStartsARecord() {
        DeviceLog log = Logs.read(
                "Jan 14 18:03:11 iPhone MyPhone(PushKit)[2291] <Notice>: Delivering push to delegate {",
                "Jan 14 18:03:11 iPhone MyPhone[2291] <Notice>: [I][PushKit] didReceiveIncomingPush call=" + U + " type=voIP",
                "    aps = {",
                "    };");
        assertThat(Logs.names(log)).containsExactly("log@1", "didReceiveIncomingPush@2");
    }

    @Test
    void theFixtureReadsEveryLineAsSyslog() throws IOException {
        DeviceLog log = new DeviceLogReader(new Recogniser(Logs.SEED))
                .read(Path.of("fixtures/logs/aud2-idevicesyslog-media-before-activation.log"));
        assertThat(log.shapes()).containsOnly(java.util.Map.entry("syslog", 12));
        assertThat(Logs.names(log).stream().filter(n -> !n.startsWith("log@")).toList()).containsExactly(
                "didReceiveIncomingPush@8", "reportNewIncomingCall@9", "reportNewIncomingCallCompletion@11",
                "performAnswerCallAction@12", "fulfill@13", "startAudio@14", "didActivateAudioSession@16",
                "configAudio@17");
        assertThat(log.problems()).isEmpty();
    }
}
