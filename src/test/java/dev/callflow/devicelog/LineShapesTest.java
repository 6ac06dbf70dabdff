package dev.callflow.devicelog;

import dev.callflow.timeline.Event;
import dev.callflow.timeline.Level;
import dev.callflow.timeline.Source;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static dev.callflow.devicelog.Logs.names;
import static dev.callflow.devicelog.Logs.only;
import static dev.callflow.devicelog.Logs.read;
import static org.assertj.core.api.Assertions.assertThat;

/** Each line shape, mixed pastes, continuations, lines without time, localised exports and unreadable lines. */
class LineShapesTest {

    private static final UUID A = UUID.fromString("6f1c2a0e-8d5b-4c43-9e2a-3b7d1f0a9c11");

    @Test
    void harnessFormatKeepsNameSourceLevelThreadAttributesAndCall() {
        Event e = only(read("2026-11-24 20:53:58.352570+0000 CallApp[27405:83] [E][MediaSDK] startAudio call=" + A
                + " result=failed error=561145187 why=\"no active audio session: AUIOClient_StartIO failed\""));
        assertThat(e.name()).isEqualTo("startAudio");
        assertThat(e.source()).isEqualTo(Source.SDK);
        assertThat(e.level()).isEqualTo(Level.ERROR);
        assertThat(e.thread()).isEqualTo(83);
        assertThat(e.call()).isEqualTo(A);
        assertThat(e.attributes()).containsEntry("result", "failed").containsEntry("error", "561145187")
                .containsEntry("why", "no active audio session: AUIOClient_StartIO failed").containsEntry("line", "1");
    }

    @Test
    void nslogWithoutZoneReadsInTheLastZoneSeen() {
        DeviceLog log = read(
                "2018-05-10 20:06:02.327572+0800 BigoOfree[19394:8610627] [I][CallKit] performAnswerCallAction",
                "2018-05-10 20:06:02.892 BigoOfree[19394:8610627] CallKit: provider:didActivateAudioSession:");
        assertThat(log.shapes()).containsEntry("nslog", 1).containsEntry("nslog-no-zone", 1);
        assertThat(names(log)).containsExactly("performAnswerCallAction@1", "didActivateAudioSession@2");
        assertThat(log.events().get(1).micros()).isEqualTo(564_428);
    }

    @Test
    void nslogWithoutProcess() {
        DeviceLog log = read("2024-03-01T09:12:44.120Z [I][CallKit] performEndCallAction",
                "2024-03-01 09:12:44.500 CallKeep: provider(_:didDeactivate:)");
        assertThat(log.shapes()).containsEntry("nslog-no-process", 2);
        assertThat(names(log)).containsExactly("performEndCallAction@1", "didDeactivateAudioSession@2");
        assertThat(log.events().get(1).micros()).isEqualTo(380_000);
    }

    @Test
    void logShowCompactStyleSkipsItsHeader() {
        DeviceLog log = read(
                "Timestamp                       Thread     Type        Activity             PID    TTL  ",
                "2026-03-02 09:14:09.804021+0100 0x2a1f3    Default     0x0                  812    0    CallApp: provider:performAnswerCallAction:",
                "2026-03-02 09:14:10.100000+0100 0x3b0      Error       0x0                  112    0    callservicesd: something went wrong");
        assertThat(log.shapes()).containsEntry("log-show", 2);
        assertThat(log.events().get(0).thread()).isEqualTo(0x2a1f3);
        assertThat(log.events().get(1).level()).isEqualTo(Level.ERROR);
        assertThat(log.events().get(1).source()).as("a system daemon's unrecognised line").isEqualTo(Source.SYSTEM);
        assertThat(names(log)).containsExactly("performAnswerCallAction@2", "log@3");
    }

    @Test
    void consoleExportInEnglishWithSeveralProcesses() {
        DeviceLog log = read(
                "default\t20:05:58.640136+0800\tcallservicesd\tReporting incoming call",
                "error\t20:05:58.700000+0800\tBigoOfree[19394]\tcom.bigo.ofree\tsetActive:YES failed 561017449");
        assertThat(log.shapes()).containsEntry("console", 2);
        assertThat(log.events().get(1).name()).isEqualTo("audioSessionSetActive");
        assertThat(log.events().get(1).level()).isEqualTo(Level.ERROR);
        assertThat(log.events().get(1).micros()).isEqualTo(59_864);
    }

    @Test
    void germanConsoleExportWithLevelColumnAndCommaFraction() {
        DeviceLog log = read(
                "Standard\t10.05.2018 20:06:02,327572 +0200\tTalk\tprovider(_:perform:) CXAnswerCallAction",
                "Fehler\t10.05.2018 20:06:32,330000 +0200\tTalk\tprovider(_:timedOutPerforming:) CXAnswerCallAction",
                "Fehlersuche\t10.05.2018 20:06:32,331000 +0200\tTalk\tSignalling: warte auf Antwort");
        assertThat(names(log)).containsExactly("performAnswerCallAction@1", "timedOutPerformingAction@2", "log@3");
        assertThat(log.events()).extracting(Event::level).containsExactly(Level.INFO, Level.ERROR, Level.DEBUG);
        assertThat(log.events().get(1).micros()).isEqualTo(30_002_428);
    }

    @Test
    void chineseConsoleExportWithLevelColumn() {
        DeviceLog log = read(
                "默认\t2018-05-10 20:06:02.327572+0800\tBigoOfree\tprovider:performAnswerCallAction:",
                "错误\t2018-05-10 20:06:02.400000+0800\tBigoOfree\tError Domain=com.apple.CallKit.error.requesttransaction Code=4 \"(null)\" UserInfo={NSLocalizedDescription=操作无法完成。}");
        assertThat(names(log)).containsExactly("performAnswerCallAction@1", "requestTransactionCompletion@2");
        assertThat(log.events().get(1).level()).isEqualTo(Level.ERROR);
        assertThat(log.events().get(1).attributes()).containsEntry("error", "unknownCallUUID").containsEntry("code", "4");
    }

    @Test
    void linesWithoutTimestampTakeThePreviousTimeAndKeepTheirPlace() {
        DeviceLog log = read(
                "flutter: CallKeep reportNewIncomingCall uuid=" + A,
                "2018-05-10 20:06:02.327572+0800 BigoOfree[19394:8610627] [I][CallKit] performAnswerCallAction",
                "flutter: [CallKeep] provider(_:didActivate:)",
                "2018-05-10 20:06:03.000000+0800 BigoOfree[19394:8610627] [I][CallKit] startAudio");
        assertThat(names(log)).containsExactly("reportNewIncomingCall@1", "performAnswerCallAction@2",
                "didActivateAudioSession@3", "startAudio@4");
        assertThat(log.events()).extracting(Event::micros).containsExactly(0L, 0L, 0L, 672_428L);
        assertThat(log.shapes()).containsEntry("bare", 2).containsEntry("nslog", 2);
    }

    @Test
    void mixedPasteOfEveryShape() {
        DeviceLog log = read(
                "2018-05-10 20:06:02.327572+0800 BigoOfree[19394:8610627] [I][CallKit] performAnswerCallAction",
                "2018-05-10 20:06:02.600 BigoOfree[19394:8610627] fulfill CXAnswerCallAction",
                "2018-05-10 20:06:02.892451+0800 0x83616e   Default     0x0    19394  0    BigoOfree: provider:didActivateAudioSession:",
                "Default\t20:06:03.087589+0800\tBigoOfree\tconfigAudio",
                "2018-05-10 20:06:03.200 MediaSDK: startAudio",
                "[RTC] isAudioEnabled = true");
        assertThat(log.shapes()).containsOnlyKeys("nslog", "nslog-no-zone", "log-show", "console", "nslog-no-process",
                "bare");
        assertThat(names(log)).containsExactly("performAnswerCallAction@1", "fulfill@2", "didActivateAudioSession@3",
                "configAudio@4", "startAudio@5", "log@6");
    }

    @Test
    void continuationsAttachToTheRecordAbove() {
        DeviceLog log = read(
                "2026-01-19 23:41:02.551873+0000 Ringo[2231:88412] pushRegistry:didReceiveIncomingPushWithPayload:forType:withCompletionHandler: payload: {",
                "    aps = {",
                "    };",
                "callId = \"D1B5C6E2-3F4A-4B8C-9D0E-1F2A3B4C5D6E\";",
                "}",
                "2026-01-19 23:41:02.561902+0000 Ringo[2231:88412] *** Terminating app due to uncaught exception 'NSGenericException', reason: 'boom'",
                "*** First throw call stack:",
                "(0x1a0b5a86c 0x1b9b74c50)",
                "0   CoreFoundation   0x00000001a2b3c4d5 __exceptionPreprocess + 164",
                "libc++abi: terminating due to uncaught exception of type NSException");
        assertThat(names(log)).containsExactly("didReceiveIncomingPush@1", "appTerminated@6", "log@10");
        assertThat(log.events().get(0).call()).isEqualTo(UUID.fromString("d1b5c6e2-3f4a-4b8c-9d0e-1f2a3b4c5d6e"));
        assertThat(log.events().get(1).attributes()).containsEntry("exception", "NSGenericException")
                .containsEntry("reason", "crash");
    }

    @Test
    void unreadableLinesAreReportedWithTheirNumberAndSkipped() {
        DeviceLog log = read(
                "2018-05-10 20:06:02.327572+0800 BigoOfree[19394:8610627] [I][CallKit] performAnswerCallAction",
                "2018-13-10 20:06:02.400000+0800 BigoOfree[19394:8610627] [I][CallKit] didActivateAudioSession",
                "2018-05-10 20:0",
                "binary \u0001\u0002 garbage",
                "2018-05-10 20:06:03.240767+0800 BigoOfree[19394:8610627] [I][CallKit] startAudio");
        assertThat(names(log)).containsExactly("performAnswerCallAction@1", "startAudio@5");
        assertThat(log.problems()).extracting(p -> p.lineNumber()).containsExactly(2, 3, 4);
        assertThat(log.problems().get(0).expected()).startsWith("a valid timestamp like 2018-05-10 20:05:58.640136+0800");
        assertThat(log.problems().get(1).expected()).startsWith("a timestamp like 2018-05-10 20:05:58.640136+0800");
        assertThat(log.problems().get(2).getMessage()).startsWith("line 4: expected printable text").contains("column 8");
    }

    @Test
    void blankLinesCommentsAndByteOrderMarkAreSkipped() {
        DeviceLog log = read("\uFEFF// a comment", "", "2018-05-10 20:06:02.327572+0800 BigoOfree[1:2] [I][CallKit] startAudio");
        assertThat(names(log)).containsExactly("startAudio@3");
        assertThat(log.lines()).isEqualTo(3);
    }

    /** Found by CheckLogFuzzTest: a pid or thread id past a long's range threw out of the reader. */
    @Test
    void numbersPastALongAreNotReadAsPidOrThread() {
        String pid = "8".repeat(62);
        DeviceLog log = read(
                "2026-03-02 09:14:09.804021+0100 0x2a1f3    Default     0x0        " + pid + "    0    CallApp: provider:performAnswerCallAction:",
                "2026-03-02 09:14:10.100\tDefault\t0xffffffffffffffff\t812\tCallApp\tprovider:performEndCallAction:");
        assertThat(log.lines()).isEqualTo(2);
        assertThat(log.events()).hasSize(2);
        assertThat(log.events()).noneMatch(e -> e.thread() < 0);
    }
}
