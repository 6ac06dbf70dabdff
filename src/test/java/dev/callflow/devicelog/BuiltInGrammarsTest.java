package dev.callflow.devicelog;

import dev.callflow.cli.CallflowCli;
import dev.callflow.timeline.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.callflow.devicelog.Logs.names;
import static org.assertj.core.api.Assertions.assertThat;

/** The wrappers' grammars every recogniser knows, and the word-gated regexes they are written in. */
class BuiltInGrammarsTest {

    private static Event one(String line) {
        return Logs.only(new DeviceLogReader(Recogniser.standard()).read(List.of(line)));
    }

    @Test
    void eachWrapperHasAGrammarOnTheClassPath() {
        assertThat(Grammar.BUILT_IN).containsExactly("rn-callkeep", "flutter-callkit-incoming", "twilio-voice",
                "linphone", "jitsi");
        for (String name : Grammar.BUILT_IN) {
            assertThat(Grammar.builtIn(name).size()).as(name).isPositive();
        }
        assertThat(Grammar.builtIn().size()).isEqualTo(Grammar.BUILT_IN.stream().mapToInt(n -> Grammar.builtIn(n).size()).sum());
    }

    @Test
    void noWrappersWordIsAnothersOrTheStandardVocabularys() {
        Map<String, String> owner = new HashMap<>();
        for (String name : Grammar.BUILT_IN) {
            Grammar g = Grammar.builtIn(name);
            for (String w : g.words().keySet()) {
                assertThat(owner.put(w, name)).as("%s's word %s", name, w).isNull();
            }
            for (String w : g.gated().keySet()) {
                String before = owner.put(w, name);
                assertThat(before == null || before.equals(name)).as("%s's gate word %s, also %s's", name, w, before).isTrue();
            }
            assertThat(g.regexes()).as("%s has no regex searched in every record", name).isEmpty();
        }
        assertThat(Recogniser.standard().regexesOnEveryRecord()).as("every gate word is free, so no regex runs on every record")
                .isEmpty();
        for (Map.Entry<String, Grammar.Mapping> w : Grammar.builtIn().words().entrySet()) {
            assertThat(one("flutter: " + w.getKey()).name()).as(w.getKey()).isEqualTo(w.getValue().event());
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "[RNCallKeep][reportEndCallWithUUID] uuidString = 7D1E0C52-6B8A-4F3D-9E21-5A4C3B2D1F0E reason = 2 | reportCallEnded | remoteEnded",
            "[RNCallKeep][reportEndCallWithUUID] uuidString = 7D1E0C52-6B8A-4F3D-9E21-5A4C3B2D1F0E reason = 3 | reportCallEnded | unanswered",
            "[RNCallKeep][reportEndCallWithUUID] uuidString = 7D1E0C52-6B8A-4F3D-9E21-5A4C3B2D1F0E reason = 5 | log |",
            "Sending `RNCallKeepPerformEndCallAction` with no listeners registered.     | performEndCallAction |",
            "CallKit event: Event.actionCallToggleAudioSession {isActivate: true}      | didActivateAudioSession |",
            "CallKit event: Event.actionCallToggleAudioSession {isActivate: false}     | didDeactivateAudioSession |",
            "com.hiennv.flutter_callkit_incoming.ACTION_CALL_DECLINE                   | performEndCallAction |",
            "Event.actionCallTimeout {id: 5c1e8a2f-0b7d-4e63-9a14-c2f8d0b6e375}         | reportCallEnded | unanswered",
            "cancelledCallInviteReceived:error: uuid=A4E1C7B9-2D3F-4C8A-9E6B-7F0D1A2B3C4E | serverEvent |",
            "audioDevice.isEnabled = true                                              | startAudio |",
            "TwilioVoiceSDK.audioEnabled = NO                                          | stopAudio |",
            "CallKit : Ending the Call                                                  | performEndCallAction |",
            "CallKit : Audio session deactivated                                       | didDeactivateAudioSession |",
            "Answering the phone                                                       | log |",
            "[CallKit] performSetMutedCall(UUID:isMuted:) true                          | performSetMutedCallAction |",
            "-[AppDelegate providerDidActivateAudioSessionWithSession:]                | didActivateAudioSession |"})
    void wrappersWords(String line, String event, String reason) {
        Event e = one("flutter: " + line.strip());
        assertThat(e.name()).isEqualTo(event);
        if (reason != null) {
            assertThat(e.attributes()).containsEntry("reason", reason);
        }
    }

    @Test
    void aGatedRegexIsSearchedOnlyInRecordsWithItsWord() {
        Grammar g = Grammar.parse("g", List.of("Hangup /Hangup\\s+(?<who>\\w+)/ -> hangUp", "/media up/ -> startAudio"));
        assertThat(g.gated()).containsOnlyKeys("Hangup");
        assertThat(g.regexes()).hasSize(1);
        DeviceLogReader reader = new DeviceLogReader(new Recogniser(g));
        DeviceLog log = reader.read(List.of("flutter: Hangup remote", "flutter: hangup remote", "flutter: xHangup remote",
                "flutter: media up"));
        assertThat(names(log)).as("lines 2 and 3 stay unrecognised, one run of chatter")
                .containsExactly("hangUp@1", "log@2", "startAudio@4");
        assertThat(log.events().get(1).attributes()).containsEntry(DeviceLog.RECORDS, "2");
        assertThat(log.events().get(0).attributes()).containsEntry("who", "remote");
    }

    @Test
    void aGateWordTheVocabularyAlreadyHasIsSearchedEverywhereInstead() {
        Grammar g = Grammar.parse("g", List.of("fulfill /fulfill\\(\\) late/ -> startAudio"));
        Recogniser r = new Recogniser(g);
        assertThat(r.regexesOnEveryRecord()).hasSize(1);
        DeviceLog log = new DeviceLogReader(r).read(List.of("flutter: fulfill() late", "flutter: fulfill() now"));
        assertThat(names(log)).containsExactly("startAudio@1", "fulfill@2");
    }

    @Test
    void builtInsStayOnWithAnAppGrammar() {
        Cli r = Cli.run("check-log", "--grammar", "fixtures/grammars/webrtc.grammar",
                "fixtures/logs/inc-flutter-callkit-incoming.log");
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(CallflowCli.PASS);
        assertThat(r.out()).contains("(6 recognised");
    }
}
