package dev.callflow.devicelog;

import dev.callflow.timeline.Level;
import org.junit.jupiter.api.Test;

import static dev.callflow.devicelog.Logs.names;
import static dev.callflow.devicelog.Logs.read;
import static org.assertj.core.api.Assertions.assertThat;

/** The shapes of issue 13: NSLog without a process name, liblinphone's logger, and JS / Dart console prefixes. */
class PasteShapesTest {

    @Test
    void nslogWithoutProcessNameWithOrWithoutASpaceBeforePidAndThread() {
        DeviceLog log = read(
                "2024-06-11 21:40:50.798202+0300[3368:2280709] [RNCallKeep][CXProviderDelegate][provider:performAnswerCallAction]",
                "2024-06-11 21:40:51.344016+0300 [3368:0x22cc05] [RNCallKeep][CXProviderDelegate][provider:didActivateAudioSession]",
                "2024-06-11 21:40:51.344 [3368:2280709] [E][MediaSDK] startAudio result=failed");
        assertThat(log.problems()).isEmpty();
        assertThat(log.shapes()).containsOnly(java.util.Map.entry("nslog-no-name", 3));
        assertThat(names(log)).containsExactly("performAnswerCallAction@1", "didActivateAudioSession@2", "startAudio@3");
        assertThat(log.events().get(1).thread()).isEqualTo(0x22cc05);
        assertThat(log.events().get(1).micros()).isEqualTo(545_814);
        assertThat(log.events().get(2).level()).isEqualTo(Level.ERROR);
    }

    @Test
    void aTimestampGluedToSomethingElseIsStillUnreadable() {
        DeviceLog log = read("2024-06-11 21:40:50.798202+0300[not a pid] performAnswerCallAction");
        assertThat(log.problems()).hasSize(1);
        assertThat(log.events()).isEmpty();
    }

    @Test
    void liblinphoneLoggerByPositionWithLevelsLocationsAndTabbedDumps() {
        DeviceLog log = read(
                "[Message] (AppDelegate.m:541 ) [PushKit] Notification [0x282f1c3a0] received with payload : {",
                "[Message] \t    aps =     {",
                "[Message] \t        \"loc-key\" = \"IC_MSG\";",
                "[Message] \t    };",
                "[Message] \t}",
                "[Debug] CallKit : Answering Call",
                "[Warning] (ProviderDelegate.m:77 ) something odd",
                "[Error] CallKit : Audio session activated");
        assertThat(log.problems()).isEmpty();
        assertThat(log.shapes()).containsOnly(java.util.Map.entry("linphone", 4));
        assertThat(names(log)).containsExactly("didReceiveIncomingPush@1", "performAnswerCallAction@6", "log@7",
                "didActivateAudioSession@8");
        assertThat(log.events().get(0).attributes()).as("the dump is the push's record")
                .containsEntry("payloadType", "call").containsEntry("type", "voIP");
        assertThat(log.events().get(1).level()).isEqualTo(Level.DEBUG);
        assertThat(log.events().get(2).level()).isEqualTo(Level.WARNING);
        assertThat(log.events().get(2).attributes()).containsEntry("text", "something odd");
        assertThat(log.events().get(3).level()).isEqualTo(Level.ERROR);
    }

    @Test
    void nativeScriptConsoleLinesOldAndNewForms() {
        DeviceLog log = read(
                "CONSOLE LOG file:///app/bundle.js:4302:18: CallKit: performAnswerCallAction",
                "CONSOLE WARN file:///node_modules/@nativescript/core/ui/frame/index.ios.js:12:9: provider(_:didActivate:)",
                "CONSOLE ERROR: reportNewIncomingCall failed",
                "CONSOLE LOG: performEndCallAction call=3f2a6c1d-8b4e-4a9f-b2c7-1d5e9a3c6f08");
        assertThat(log.shapes()).containsOnly(java.util.Map.entry("console-prefix", 4));
        assertThat(names(log)).containsExactly("performAnswerCallAction@1", "didActivateAudioSession@2",
                "reportNewIncomingCall@3", "performEndCallAction@4");
        assertThat(log.events().get(1).level()).isEqualTo(Level.WARNING);
        assertThat(log.events().get(2).level()).isEqualTo(Level.ERROR);
        assertThat(log.events().get(3).call()).as("the harness's own form, once the prefix is off")
                .hasToString("3f2a6c1d-8b4e-4a9f-b2c7-1d5e9a3c6f08");
    }

    @Test
    void metroLinesAreRecordsOfTheirOwnThoughIndented() {
        DeviceLog log = read(
                " LOG  [CallService] provider:performAnswerCallAction: {",
                "  \"callUUID\": \"7d1e0c52-6b8a-4f3d-9e21-5a4c3b2d1f0e\"",
                "}",
                " WARN  [RNCallKeep] didActivateAudioSession",
                " INFO  requestTransaction CXEndCallAction");
        assertThat(log.shapes()).containsOnly(java.util.Map.entry("console-prefix", 3));
        assertThat(names(log)).containsExactly("performAnswerCallAction@1", "didActivateAudioSession@4",
                "requestTransaction@5");
        assertThat(log.events().get(0).call()).hasToString("7d1e0c52-6b8a-4f3d-9e21-5a4c3b2d1f0e");
        assertThat(log.events().get(1).level()).isEqualTo(Level.WARNING);
    }

    @Test
    void flutterPrefixIsNotPartOfTheMessage() {
        DeviceLog log = read("flutter: performAnswerCallAction call=5c1e8a2f-0b7d-4e63-9a14-c2f8d0b6e375 action=7",
                "flutter: CallScreen: hang up tapped");
        assertThat(log.shapes()).containsOnly(java.util.Map.entry("bare", 2));
        assertThat(names(log)).containsExactly("performAnswerCallAction@1", "log@2");
        assertThat(log.events().get(0).attributes()).containsEntry("action", "7");
        assertThat(log.events().get(1).attributes()).containsEntry("text", "CallScreen: hang up tapped");
    }
}
