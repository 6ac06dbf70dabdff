package dev.callflow.devicelog;

import dev.callflow.timeline.Event;
import dev.callflow.timeline.Level;
import dev.callflow.timeline.Source;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.callflow.devicelog.Logs.names;
import static dev.callflow.devicelog.Logs.read;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The daemons' view of the audio session (mediaserverd's JSON, callservicesd) and CallKit's own client lines in the
 * app's process, mapped onto the one event vocabulary.
 */
class DaemonLinesTest {
    private static final String ACTIVATE = "default\t09:12:08.101529+0200\tmediaserverd\tAudioSessionServerImp.cpp:3231:"
            + "Sub_AudioSessionSetActiveWithFlags: { \"action\":\"activate\", \"session\":{\"ID\":\"0x4a21c\",\"PID\":1874,"
            + "\"name\":\"Ringo\"}, \"details\":{\"controlling_PID\":97} }";
    private static final String ENTRY = "default\t09:12:08.101376+0200\tmediaserverd\tAudioSessionServerImp.cpp:3170:"
            + "Sub_AudioSessionSetActiveWithFlags: { \"action\":\"activate\", \"session\":{\"ID\":\"0x4a21c\",\"PID\":1874,"
            + "\"name\":\"Ringo\"}, \"details\":\"entry\" }";
    private static final String DECREASING = "default\t09:12:08.102044+0200\tcallservicesd\tDecreasing priority of other "
            + "AVAudioSession interruption provider <private> to Default";

    @Test
    void anActivationAnotherProcessControlsIsTheSystemsDidActivate() {
        DeviceLog log = read(ENTRY, ACTIVATE);
        assertThat(names(log)).containsExactly("log@1", "didActivateAudioSession@2");
        Event e = log.events().get(1);
        assertThat(e.source()).isEqualTo(Source.SYSTEM);
        assertThat(e.attributes()).containsEntry("via", "mediaserverd").containsEntry("controllingPid", "97");
        assertThat(log.events().get(0).source()).as("a daemon's other lines are system log lines").isEqualTo(Source.SYSTEM);
    }

    @Test
    void callservicesdLoweringTheOthersPriorityIsTheSameActivationNotASecondOne() {
        assertThat(names(read(ACTIVATE, DECREASING))).containsExactly("didActivateAudioSession@1", "log@2");
        assertThat(names(read(DECREASING))).as("a capture of callservicesd alone").containsExactly("didActivateAudioSession@1");
        assertThat(names(read(ACTIVATE, DECREASING, ENTRY, ACTIVATE, DECREASING)))
                .as("a second activation, after the first one's echo").containsExactly("didActivateAudioSession@1",
                        "log@2", "didActivateAudioSession@4", "log@5");
        assertThat(names(read(DECREASING, "2026-01-01 10:00:00.000000+0000 CallApp[1:2] provider:didDeactivateAudioSession:",
                DECREASING))).as("an event between them: two activations")
                .containsExactly("didActivateAudioSession@1", "didDeactivateAudioSession@2", "didActivateAudioSession@3");
    }

    @Test
    void theAppsOwnActivationIsNoGrant() {
        String own = ACTIVATE.replace("\"controlling_PID\":97", "\"controlling_PID\":1874");
        assertThat(names(read(own))).as("controlled by the session's own process").containsExactly("log@1");
        String refused = "error\t09:12:07.905402+0200\tmediaserverd\tAudioSessionServerImp.cpp:3262:"
                + "Sub_AudioSessionSetActiveWithFlags: { \"action\":\"activate\", \"session\":{\"ID\":\"0x4a21c\",\"PID\":1874,"
                + "\"name\":\"Ringo\"}, \"details\":{\"error\":\"-12983 Insufficient priority\"} }";
        Event e = Logs.only(read(refused));
        assertThat(e.name()).isEqualTo("audioSessionSetActive");
        assertThat(e.attributes()).containsEntry("active", "true").containsEntry("error", "561017449");
        assertThat(e.level()).isEqualTo(Level.ERROR);
    }

    @Test
    void aDeactivationAnotherProcessControlsIsTheSystemsDidDeactivate() {
        assertThat(names(read(ACTIVATE.replace("\"activate\"", "\"deactivate\""))))
                .containsExactly("didDeactivateAudioSession@1");
    }

    @Test
    void callKitsClientLinesInTheAppsProcess() {
        String call = "3F2A6C1D-8B4E-4A9F-B2C7-1D5E9A3C6F08";
        DeviceLog log = read(
                "Received request to commit transaction <CXTransaction 0x2803f1d40 UUID=C1B2A3D4-E5F6-4A7B-8C9D-0E1F2A3B4C5D "
                        + "actions=(<CXEndCallAction 0x283e5c0c0 UUID=9A8B7C6D-5E4F-4D3C-2B1A-0F9E8D7C6B5A callUUID=" + call + ">)>",
                "Asking delegate to perform action: <CXEndCallAction 0x283e5c0c0 UUID=9A8B7C6D-5E4F-4D3C-2B1A-0F9E8D7C6B5A callUUID="
                        + call + ">",
                "Provider <CXProvider 0x2822c4d80> was notified that action <CXEndCallAction 0x283e5c0c0 callUUID=" + call
                        + "> completed",
                "Provider <CXProvider 0x2822c4d80> was notified that action <CXAnswerCallAction 0x1 callUUID=" + call
                        + "> failed");
        assertThat(names(log)).containsExactly("requestTransaction@1", "performEndCallAction@2", "fulfill@3", "fail@4");
        assertThat(log.events()).allMatch(e -> call.equalsIgnoreCase(String.valueOf(e.call())));
        assertThat(log.events().get(0).attributes()).containsEntry("actions", "end");
        assertThat(log.events().get(2).attributes()).containsEntry("action", "end");
        assertThat(log.events().get(3).attributes()).containsEntry("action", "answer");
    }

    @Test
    void wordsOfTheseLinesElsewhereStayLogLines() {
        DeviceLog log = read("flutter: user notified", "flutter: commit the draft", "flutter: please activate the plan",
                "flutter: controlling_PID missing");
        assertThat(names(log)).as("one run of unrecognised lines").containsExactly("log@1");
        assertThat(log.events().get(0).attributes()).containsEntry(DeviceLog.RECORDS, "4");
    }

    @Test
    void jsonScans() {
        String t = "{ \"action\" : \"activate\", \"session\":{\"PID\": 12}, \"details\":{\"controlling_PID\":97} }";
        assertThat(Recogniser.jsonNumber(t, "\"PID\"")).isEqualTo(12);
        assertThat(Recogniser.jsonNumber(t, "\"controlling_PID\"")).isEqualTo(97);
        assertThat(Recogniser.jsonNumber(t, "\"ID\"")).isEqualTo(-1);
        assertThat(Recogniser.jsonValue(t, "\"action\"", "activate")).isTrue();
        assertThat(Recogniser.jsonValue(t, "\"action\"", "deactivate")).isFalse();
        assertThat(List.of(Recogniser.jsonValue("\"action\":\"set_play_state\"", "\"action\"", "activate"))).containsOnly(false);
    }
}
