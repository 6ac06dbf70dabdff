package dev.callflow.devicelog;

import dev.callflow.cli.CallflowCli;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fixtures of issue 13's unreadable rows and of the wrappers' built-in grammars: what each reads into, and its
 * verdict end to end. (Fixtures with an {@code // expect:} header are also checked by {@link FixtureLogsTest}.)
 */
class ShapeFixturesTest {

    private static DeviceLog read(String file) throws IOException {
        return new DeviceLogReader(new Recogniser(Logs.SEED)).read(Path.of("fixtures/logs", file));
    }

    private static List<String> recognised(DeviceLog log) {
        return Logs.names(log).stream().filter(n -> !n.startsWith("log@")).toList();
    }

    private static dev.callflow.timeline.Event at(DeviceLog log, String name, int line) {
        return log.events().stream().filter(e -> e.name().equals(name) && DeviceLog.lineOf(e).orElse(0) == line)
                .findFirst().orElseThrow(() -> new AssertionError("no " + name + " at line " + line + " in " + Logs.names(log)));
    }

    private static Cli check(String file) {
        return Cli.run("check-log", "fixtures/logs/" + file);
    }

    @Test
    void reactNativeCallKeepInNslogWithoutProcessName() throws IOException {
        DeviceLog log = read("aud1-rn-callkeep-nslog-no-name.log");
        assertThat(log.problems()).isEmpty();
        assertThat(log.shapes()).containsOnlyKeys("nslog-no-name");
        assertThat(recognised(log)).containsExactly("reportNewIncomingCall@6", "performAnswerCallAction@8",
                "audioSessionSetActive@9", "performAnswerCallAction@10", "didActivateAudioSession@11",
                "reportCallEnded@13", "didDeactivateAudioSession@14");
        assertThat(at(log, "reportCallEnded", 13).attributes()).containsEntry("reason", "remoteEnded");
        Cli r = check("aud1-rn-callkeep-nslog-no-name.log");
        assertThat(r.exit()).as(r.out()).isEqualTo(CallflowCli.CONFORMANCE_FAILURE);
        assertThat(r.out()).contains("VIOLATED R-AUD-1 ").containsPattern("line 9: the app activated the audio session itself");
    }

    @Test
    void linphoneLoggerWithAChatMessageInAVoipPush() throws IOException {
        DeviceLog log = read("push1-linphone-chat-push.log");
        assertThat(log.problems()).isEmpty();
        assertThat(log.shapes()).containsOnly(java.util.Map.entry("linphone", 6));
        assertThat(recognised(log)).containsExactly("didReceiveIncomingPush@9");
        assertThat(at(log, "didReceiveIncomingPush", 9).attributes()).containsEntry("payloadType", "message").containsEntry("type", "voIP");
        Cli r = check("push1-linphone-chat-push.log");
        assertThat(r.exit()).as(r.out()).isEqualTo(CallflowCli.CONFORMANCE_FAILURE);
        assertThat(r.out()).contains("VIOLATED R-PUSH-1, R-PUSH-4 ");
    }

    @Test
    void nativeScriptPasteOfALocalEndIsConformant() throws IOException {
        DeviceLog log = read("end-nativescript-local-end.log");
        assertThat(log.problems()).isEmpty();
        assertThat(log.shapes()).containsOnly(java.util.Map.entry("console-prefix", 8), java.util.Map.entry("bare", 3));
        assertThat(recognised(log)).containsExactly("reportNewIncomingCall@8", "performAnswerCallAction@9",
                "didActivateAudioSession@10", "requestTransaction@13", "performEndCallAction@14", "fulfill@16",
                "didDeactivateAudioSession@17");
        assertThat(at(log, "requestTransaction", 13).attributes()).containsEntry("actions", "end");
        Cli r = check("end-nativescript-local-end.log");
        assertThat(r.exit()).as(r.out()).isEqualTo(CallflowCli.PASS);
        assertThat(r.out()).contains("CONFORMANT").containsPattern("R-END-2 +holds");
    }

    @Test
    void daemonsOnlyCaptureOfACallKitGrantedActivationIsConformant() throws IOException {
        DeviceLog log = read("aud-daemons-callkit-granted-activation.log");
        assertThat(log.shapes()).containsOnly(java.util.Map.entry("console", 7));
        assertThat(recognised(log)).containsExactly("didActivateAudioSession@9");
        assertThat(log.events()).allMatch(e -> e.source() == dev.callflow.timeline.Source.SYSTEM);
        Cli r = check("aud-daemons-callkit-granted-activation.log");
        assertThat(r.exit()).as("judged, not unreadable: the log has audio vocabulary\n" + r.out()).isEqualTo(CallflowCli.PASS);
        assertThat(r.out()).contains("CONFORMANT").containsPattern("R-AUD-1 +holds");
    }

    @Test
    void theAppsOwnActivationAtDaemonLevelIsStillR_AUD_1() throws IOException {
        DeviceLog log = read("aud1-app-activation-at-daemon-level.log");
        assertThat(recognised(log)).containsExactly("audioSessionSetActive@8", "didActivateAudioSession@10");
        Cli r = check("aud1-app-activation-at-daemon-level.log");
        assertThat(r.exit()).as(r.out()).isEqualTo(CallflowCli.CONFORMANCE_FAILURE);
        assertThat(r.out()).contains("VIOLATED R-AUD-1 ").contains("line 8: ");
    }

    @Test
    void flutterCallKitIncomingEventsBetweenNslogLines() throws IOException {
        DeviceLog log = read("inc-flutter-callkit-incoming.log");
        assertThat(log.shapes()).containsOnly(java.util.Map.entry("nslog", 2), java.util.Map.entry("bare", 7));
        assertThat(recognised(log)).containsExactly("reportNewIncomingCall@6", "reportNewIncomingCallCompletion@7",
                "performAnswerCallAction@8", "didActivateAudioSession@9", "performEndCallAction@11",
                "didDeactivateAudioSession@13");
        Cli r = check("inc-flutter-callkit-incoming.log");
        assertThat(r.exit()).as(r.out()).isEqualTo(CallflowCli.PASS);
    }

    @Test
    void twilioVoiceCancelledInviteNeverReported() throws IOException {
        DeviceLog log = read("end1-twilio-cancelled-invite.log");
        assertThat(recognised(log)).containsExactly("didReceiveIncomingPush@7", "serverEvent@8", "reportNewIncomingCall@9",
                "serverEvent@11", "reportCallEnded@12", "didReceiveIncomingPush@13", "serverEvent@14",
                "reportNewIncomingCall@15", "serverEvent@17");
        assertThat(at(log, "serverEvent", 14).attributes()).containsEntry("type", "offer");
        assertThat(at(log, "serverEvent", 17).attributes()).containsEntry("type", "cancel");
        Cli r = check("end1-twilio-cancelled-invite.log");
        assertThat(r.exit()).as(r.out()).isEqualTo(CallflowCli.CONFORMANCE_FAILURE);
        assertThat(r.out()).contains("VIOLATED R-END-1 ");
    }

    @Test
    void jitsiSdkListenerCallbacksAreConformant() throws IOException {
        DeviceLog log = read("inc-jitsi-sdk-listener.log");
        assertThat(recognised(log)).containsExactly("reportNewIncomingCall@4", "performAnswerCallAction@6",
                "didActivateAudioSession@7", "performEndCallAction@9", "didDeactivateAudioSession@11");
        Cli r = check("inc-jitsi-sdk-listener.log");
        assertThat(r.exit()).as(r.out()).isEqualTo(CallflowCli.PASS);
    }

    @Test
    void withoutAnyCallKitOrAudioVocabularyALogIsUnreadable() {
        Cli r = Cli.run("check-log", "src/test/resources/devicelog/no-vocabulary.log");
        assertThat(r.exit()).as(r.out()).isEqualTo(CallflowCli.USAGE);
        assertThat(r.out()).contains("UNREADABLE: no recognisable");
    }
}
