package dev.callflow.devicelog;

import dev.callflow.cli.CallflowCli;
import dev.callflow.rules.Logged;
import dev.callflow.timeline.Event;
import dev.callflow.timeline.EventKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.callflow.devicelog.Logs.only;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13 item 3: the teardown signatures of common SDKs read as releases ({@code unprepareSDK} with the SDK and the
 * signature), and an app's standard words for fulfilling an action name the action.
 */
class SdkTeardownAndFulfilWordsTest {

    private static Event one(String message) {
        return only(Logs.read("2026-01-01 10:00:00.000000+0000 CallApp[1:2] " + message));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "DEBUG:Twilio:[Core](0x10317b8c0): ~CallImpl                                  | twilio   | ~CallImpl",
            "DEBUG:Twilio:[Platform](0x10317b8c0): -[TVOMediaFactory dealloc]             | twilio   | -[TVOMediaFactory dealloc]",
            "INFO:Twilio:[Core]:~AudioMediaFactoryImpl                                    | twilio   | ~AudioMediaFactoryImpl",
            "(peer_connection.cc:1021): ~PeerConnection                                   | webrtc   | ~PeerConnection",
            "-[RTCPeerConnection close]                                                   | webrtc   | RTCPeerConnection close",
            "[INFO] MeetingModel - API/DefaultAudioVideoFacade/stop                      | chime    | DefaultAudioVideoFacade stop",
            "[INFO] ViewController - AudioClient State: finishDisconnecting Status: ok  | chime    | AudioClient finishDisconnecting",
            "[Agora] leaveChannel uid=10007                                               | agora    | leaveChannel",
            "callStateChanged, state: Released, message: Call released                    | linphone | Call released",
            "[Core] call state LinphoneCallReleased                                       | linphone | LinphoneCallReleased"})
    void aKnownSdkTeardownIsARelease(String message, String sdk, String signature) {
        Event e = one(message.strip());
        assertThat(e.name()).as(message).isEqualTo("unprepareSDK");
        assertThat(e.attributes()).containsEntry("sdk", sdk).containsEntry("signature", signature);
    }

    @ParameterizedTest(name = "{0} stays a log line")
    @CsvSource(delimiter = '|', value = {
            "DEBUG:Twilio:[Core](0x103a1c8f0): CallImpl::accept",
            "DEBUG:Twilio:[Platform]: -[TVOMediaFactory init]",
            "DEBUG:Twilio:[Core]: Peer connection is closed or deleted or call is disconnected",
            "RTCPeerConnection created",
            "[INFO] MeetingModel - API/DefaultAudioVideoFacade/start",
            "audio unit released"})
    void theSameWordsInAnotherContextAreNoRelease(String message) {
        assertThat(one(message.strip()).name()).as(message).isEqualTo("log");
    }

    @ParameterizedTest(name = "{0} -> fulfill action={1}")
    @CsvSource(delimiter = '|', value = {
            "[ProviderDelegate] start action fulfilled                | start",
            "[CallKit] outgoing call action fulfilled                 | start",
            "[CallKit] Answer action fulfilled                        | answer",
            "[RNCallKeep] accept call: action.fulfill()               | answer",
            "[CallKit] end action fulfilled                           | end",
            "[CallKit] CXAnswerCallAction fulfilled                   | answer",
            "[CallKit] hold action fulfil                             | setHeld"})
    void anAppsOwnWordsForAFulfilNameTheAction(String message, String action) {
        Event e = one(message.strip());
        assertThat(e.name()).as(message).isEqualTo("fulfill");
        assertThat(e.attributes()).containsEntry("action", action);
    }

    @Test
    void aGrammarAddsAnotherSdksTeardown(@TempDir Path dir) throws IOException {
        Path grammar = Files.writeString(dir.resolve("acme.grammar"),
                "/AcmeEngine destroyed/ -> unprepareSDK source=sdk sdk=acme signature=AcmeEngineDestroyed\n");
        String t = "2026-01-01 10:00:0%d.000000+0000 CallApp[1:2] ";
        Path log = Files.writeString(dir.resolve("acme.log"), String.join("\n",
                t.formatted(1) + "provider:performAnswerCallAction:",
                t.formatted(2) + "provider:didActivateAudioSession:",
                t.formatted(3) + "[acme] AcmeEngine destroyed",
                t.formatted(4) + "requestTransaction:completion: CXEndCallAction",
                t.formatted(5) + "provider:performEndCallAction:"));

        Cli r = Cli.run("check-log", "--grammar", grammar.toString(), log.toString());

        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(CallflowCli.CONFORMANCE_FAILURE);
        assertThat(r.out()).contains("lines 3, 5: AcmeEngineDestroyed (acme teardown) before performEndCallAction");
    }

    @Test
    void aGrammarDeclaresTheEventsItMapsSoTheLogsVocabularyHasThem() {
        Grammar g = Grammar.parse("g", List.of("/call is up/ -> fulfill action=start"));
        DeviceLog log = new DeviceLogReader(new Recogniser(g)).read(List.of(
                "2026-01-01 10:00:00.000000+0000 CallApp[1:2] provider:performStartCallAction:"));

        assertThat(LogVocabulary.of(log, g).shows(Logged.ofAction("start fulfil", "start", EventKind.FULFILL))).isTrue();
        assertThat(LogVocabulary.of(log, g).shows(Logged.ofAction("end fulfil", "end", EventKind.FULFILL))).isFalse();
        assertThat(LogVocabulary.of(log, Grammar.empty()).shows(Logged.ofAction("start fulfil", "start", EventKind.FULFILL)))
                .isFalse();
    }
}
