package dev.callflow.devicelog;

import dev.callflow.timeline.Event;
import dev.callflow.timeline.Level;
import dev.callflow.timeline.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.UUID;

import static dev.callflow.devicelog.Logs.only;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The standard vocabulary in ObjC and Swift spellings, the failure signatures and the grammar mapping. */
class RecogniserTest {

    private static Event one(String message) {
        return only(Logs.read("2026-01-01 10:00:00.000000+0000 CallApp[1:2] " + message));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "provider:performAnswerCallAction: <CXAnswerCallAction 0x281e4c0a0>      | performAnswerCallAction",
            "provider(_:perform:) CXAnswerCallAction                                 | performAnswerCallAction",
            "func provider(_ provider: CXProvider, perform action: CXStartCallAction) | performStartCallAction",
            "provider(_:perform:) CXEndCallAction                                    | performEndCallAction",
            "provider(_:perform:) CXSetHeldCallAction onHold=true                    | performSetHeldCallAction",
            "-[ProviderDelegate provider:didActivateAudioSession:]                   | didActivateAudioSession",
            "provider(_:didActivate:)                                                | didActivateAudioSession",
            "provider(_:didDeactivate:)                                              | didDeactivateAudioSession",
            "providerDidReset(_:)                                                    | providerDidReset",
            "reportNewIncomingCallWithUUID:update:completion:                        | reportNewIncomingCall",
            "reportNewIncomingCall(with:update:completion:)                          | reportNewIncomingCall",
            "pushRegistry(_:didReceiveIncomingPushWith:for:completion:)              | didReceiveIncomingPush",
            "pushRegistry:didReceiveIncomingPushWithPayload:forType:withCompletionHandler: | didReceiveIncomingPush",
            "reportCall(with:endedAt:reason:) .remoteEnded                           | reportCallEnded",
            "reportCallWithUUID:endedAtDate:reason: CXCallEndedReasonUnanswered      | reportCallEnded",
            "reportOutgoingCall(with:connectedAt:)                                   | reportOutgoingCallConnected",
            "reportOutgoingCallWithUUID:startedConnectingAtDate:                     | reportOutgoingCallStartedConnecting",
            "requestTransactionWithAction:completion: CXEndCallAction                | requestTransaction",
            "Requested transaction successfully                                      | requestTransactionCompletion",
            "action.fulfill(withDateConnected: Date())  CXAnswerCallAction           | fulfill",
            "[action fail] CXEndCallAction                                           | fail",
            "setCategory(.playAndRecord, mode: .voiceChat)                           | audioSessionSetCategory",
            "try AVAudioSession.sharedInstance().setActive(true)                     | audioSessionSetActive",
            "[RNCallKeep][configureAudioSession] Activating audio session            | audioSessionSetActive",
            "provider(_:timedOutPerforming:) CXAnswerCallAction                      | timedOutPerformingAction",
            "provider:timedOutPerformingAction: <CXEndCallAction 0x1>                | timedOutPerformingAction",
            "hello world                                                             | log"})
    void standardVocabulary(String message, String event) {
        assertThat(one(message.strip()).name()).isEqualTo(event);
    }

    @Test
    void sourcesFollowTheSimulatorsConvention() {
        assertThat(one("provider:performAnswerCallAction:").source()).isEqualTo(Source.SYSTEM);
        assertThat(one("reportNewIncomingCall(with:update:completion:)").source()).isEqualTo(Source.APP);
        assertThat(one("MediaSDK: startAudio").source()).isEqualTo(Source.SDK);
    }

    @Test
    void actionAndCallCarryOver() {
        Event e = one("provider:timedOutPerformingAction: <CXAnswerCallAction 0x281e4c0a0 UUID=0B3E55A1-77C2-4F0B-8E43-C0A9D2B1E7F4 "
                + "state=0 callUUID=6F1C2A0E-8D5B-4C43-9E2A-3B7D1F0A9C11>");
        assertThat(e.attributes()).containsEntry("action", "answer");
        assertThat(e.call()).as("the call's UUID, not the action's").isEqualTo(UUID.fromString("6f1c2a0e-8d5b-4c43-9e2a-3b7d1f0a9c11"));
        assertThat(e.level()).isEqualTo(Level.WARNING);
        assertThat(one("setActive(false)").attributes()).containsEntry("active", "false");
        assertThat(one("reportCall(with:endedAt:reason:) .remoteEnded").attributes()).containsEntry("reason", "remoteEnded");
        assertThat(one("requestTransaction CXEndCallAction").attributes()).containsEntry("actions", "end");
    }

    @Test
    void pushKitKillSignatures() {
        Event kill = one("Killing app because it never posted an incoming call to the system after receiving a PushKit VoIP push.");
        assertThat(kill.name()).isEqualTo("pushNotReported");
        assertThat(kill.level()).isEqualTo(Level.ERROR);
        assertThat(kill.attributes()).containsEntry("exception", "NSInternalInconsistencyException")
                .containsEntry("where", "-[PKPushRegistry _terminateAppIfThereAreUnhandledVoIPPushes]");
        assertThat(one("Apps receving VoIP pushes must post an incoming call (via CallKit or IncomingCallNotifications) "
                + "in the same run loop as pushRegistry:didReceiveIncomingPushWithPayload:forType:").name())
                .isEqualTo("pushNotReported");
        DeviceLog baadcall = Logs.read("2026-01-01 10:00:07.000000+0000 callservicesd[112:3] Terminating CallApp with "
                + "exception code 0xbaadca11 because it failed to report an incoming call");
        assertThat(Logs.names(baadcall)).containsExactly("pushNotReported@1", "appTerminated@1");
        assertThat(baadcall.events().get(1).attributes()).containsEntry("reason", "pushNotReported");
        assertThat(one("Application <private> will not be launched because it failed to report an incoming call too "
                + "many times (or repeatedly crashed.)").name()).isEqualTo("pushNotDelivered");
    }

    @Test
    void theExceptionThatRepeatsPushKitsMessageIsOneKillAndATermination() {
        DeviceLog log = Logs.read(
                "2026-01-01 10:00:00.000000+0000 CallApp[1:2] Killing app because it never posted an incoming call to the system after receiving a PushKit VoIP push.",
                "2026-01-01 10:00:00.001000+0000 CallApp[1:2] *** Terminating app due to uncaught exception 'NSInternalInconsistencyException', reason: 'Killing app because it never posted an incoming call to the system after receiving a PushKit VoIP push.'");
        assertThat(Logs.names(log)).containsExactly("pushNotReported@1", "appTerminated@2");
        assertThat(log.events().get(1).attributes()).containsEntry("exception", "NSInternalInconsistencyException");
    }

    @Test
    void audioSessionErrorSignatures() {
        for (String line : List.of(
                "setActive:YES error: Error Domain=NSOSStatusErrorDomain Code=561017449 \"(null)\"",
                "Session activation failed: 561017449",
                "AVAudioSession error '!pri'",
                "-CMSessionMgr- CMSessionActivate: Insufficient priority -12983")) {
            Event e = one(line);
            assertThat(e.name()).as(line).isEqualTo("audioSessionSetActive");
            assertThat(e.attributes()).as(line).containsEntry("active", "true").containsEntry("error", "561017449");
            assertThat(e.level()).isEqualTo(Level.ERROR);
        }
        Event rec = one("AUIOClient_StartIO failed (561145187)");
        assertThat(rec.name()).isEqualTo("startAudio");
        assertThat(rec.attributes()).containsEntry("result", "failed").containsEntry("error", "561145187");
        Event remoteIo = one("AURemoteIO.cpp:1086:Initialize: failed: 561017449 (enable 3, outf< 1 ch,  48000 Hz>)");
        assertThat(remoteIo.name()).isEqualTo("startAudio");
        assertThat(remoteIo.attributes()).containsEntry("error", "561017449");
        assertThat(one("private static let priority = 3").name()).as("a word that merely contains 'pri'").isEqualTo("log");
    }

    @Test
    void transactionAndIncomingCallErrorDomainsAndCodes() {
        Event tx = one("requestTransaction error: Error Domain=com.apple.CallKit.error.requesttransaction Code=4 \"(null)\"");
        assertThat(tx.name()).isEqualTo("requestTransactionCompletion");
        assertThat(tx.attributes()).containsEntry("error", "unknownCallUUID").containsEntry("code", "4");
        assertThat(one("requesttransaction error 4").attributes()).containsEntry("error", "unknownCallUUID");
        assertThat(one("end failed: CXErrorCodeRequestTransactionErrorUnknownCallUUID").attributes())
                .containsEntry("code", "4");
        assertThat(one("ERROR_UNKNOWN_CALLUUID").name()).isEqualTo("requestTransactionCompletion");
        assertThat(one("Error Domain=com.apple.CallKit.error.requesttransaction Code=7").attributes())
                .containsEntry("error", "maximumCallGroupsReached");
        Event inc = one("reportNewIncomingCall failed: Error Domain=com.apple.CallKit.error.incomingcall Code=3 \"(null)\"");
        assertThat(inc.name()).isEqualTo("reportNewIncomingCallCompletion");
        assertThat(inc.attributes()).containsEntry("error", "filteredByDoNotDisturb").containsEntry("code", "3");
        assertThat(one("CXErrorCodeIncomingCallErrorFilteredByBlockList").attributes())
                .containsEntry("error", "filteredByBlockList").containsEntry("code", "4");
    }

    @Test
    void seedGrammarMapsTheSeedAppsWords() {
        assertThat(one("CallKit: configAudio done").name()).isEqualTo("configAudio");
        assertThat(one("CallKit: configAudio done").source()).isEqualTo(Source.SDK);
        assertThat(one("[ProviderDelegate] startAudio called in performAnswerCallAction").name())
                .as("the app's word wins over the delegate name in the same line").isEqualTo("startAudio");
        DeviceLog plain = new DeviceLogReader(Recogniser.standard()).read(List.of(
                "2026-01-01 10:00:00.000000+0000 CallApp[1:2] CallKit: configAudio done"));
        assertThat(only(plain).name()).as("without the grammar the word is unknown").isEqualTo("log");
    }

    @Test
    void grammarFileWithRegexAndNamedGroups() {
        Grammar g = Grammar.parse("test", List.of(
                "# comment",
                "joinRoom -> startAudio source=sdk via=join",
                "/media (?<verb>start|stop)ed for room/ -> startAudio source=sdk"));
        DeviceLogReader reader = new DeviceLogReader(new Recogniser(g));
        DeviceLog log = reader.read(List.of("flutter: joinRoom 42", "flutter: media started for room 42"));
        assertThat(Logs.names(log)).containsExactly("startAudio@1", "startAudio@2");
        assertThat(log.events().get(0).attributes()).containsEntry("via", "join");
        assertThat(log.events().get(1).attributes()).containsEntry("verb", "start");
        assertThat(log.events()).allMatch(e -> e.source() == Source.SDK);
    }

    @Test
    void webrtcGrammarFromTheFixtures() {
        DeviceLogReader reader = new DeviceLogReader(new Recogniser(Logs.load("fixtures/grammars/webrtc.grammar")));
        DeviceLog log = reader.read(List.of("RTCAudioSession: useManualAudio = YES", "provider(_:didActivate:)",
                "RTCAudioSession: isAudioEnabled = true"));
        assertThat(Logs.names(log)).containsExactly("configAudio@1", "didActivateAudioSession@2", "startAudio@3");
    }

    @Test
    void badGrammarLinesNameTheLineAndWhatWasExpected() {
        assertThatThrownBy(() -> Grammar.parse("g", List.of("configAudio configAudio")))
                .hasMessage("Grammar g line 1: expected '<word or /regex/> -> <event> [key=value ...]', found \"configAudio configAudio\"");
        assertThatThrownBy(() -> Grammar.parse("g", List.of("", "/[/ -> startAudio")))
                .hasMessageStartingWith("Grammar g line 2: expected a valid Java regex between slashes");
        assertThatThrownBy(() -> Grammar.parse("g", List.of("x -> startAudio source=server")))
                .hasMessageContaining("expected a source: system, app, sdk, push, signalling or user");
    }

    /** The scan finds what the regex it replaced found, on real spellings and on random text made of their pieces. */
    @Test
    void errorCodeScanAgreesWithTheRegexItReplaced() {
        java.util.regex.Pattern regex = java.util.regex.Pattern.compile("(?i)(?:\\bcode\\s*[=:]?\\s*|\\berror\\s+)(\\d{1,2})\\b");
        String[] pieces = {"code", "Code", "CODE", "error", "Error", "=", ":", " ", "\t", "4", "12", "123", "x", "_",
                "Domain=com.apple.CallKit.error.requesttransaction", "\"", "(", ")", "errorcode", "codec"};
        java.util.Random random = new java.util.Random(42);
        List<String> samples = new java.util.ArrayList<>(List.of(
                "Error Domain=com.apple.CallKit.error.requesttransaction Code=4 \"(null)\"",
                "error 2", "code: 7 and code 9", "errorcode 3", "code=123", "code = 12x", "CXErrorCodeRequestTransactionError code 6"));
        for (int i = 0; i < 5000; i++) {
            StringBuilder b = new StringBuilder();
            for (int k = random.nextInt(8); k >= 0; k--) {
                b.append(pieces[random.nextInt(pieces.length)]);
            }
            samples.add(b.toString());
        }
        for (String s : samples) {
            java.util.regex.Matcher m = regex.matcher(s);
            int expected = m.find() ? Integer.parseInt(m.group(1)) : -1;
            assertThat(Recogniser.errorCode(s)).as("error code in '%s'", s).isEqualTo(expected);
        }
    }
}
