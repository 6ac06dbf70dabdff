package dev.callflow.rules;

import dev.callflow.rules.audio.MediaOnlyAfterActivation;
import dev.callflow.rules.ending.EndRules;
import dev.callflow.testing.Golden;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The always-on monitor's failure text, pinned: what a QA engineer reads when a rule fails a scenario. */
class RuleReportGoldenTest {

    @Test
    void mediaStartedInsidePerformAnswerReadsAsAnR_AUD_2Violation() throws Exception {
        TraceBuilder t = new TraceBuilder();
        UUID a = t.call("A");
        t.app("handleIncomingCall", a, "via", "signalling")
                .app("reportNewIncomingCall", a, "handle", "alice", "handleType", "generic")
                .system("reportNewIncomingCallCompletion", a)
                .user("userTappedAnswer", a)
                .system("performAnswerCallAction", a, "action", "1", "origin", "systemCallUi")
                .sdk("configAudio", a, "result", "ok")
                .sdk("startAudio", a, "result", "failed", "error", "561145187")
                .app("fulfill", a, "action", "answer", "actionId", "1")
                .system("didActivateAudioSession", a);
        RuleVerdict v = new MediaOnlyAfterActivation().judge(t.trace(), Policy.DEFAULT);
        assertThat(v.failed()).isTrue();
        Golden.assertMatches("rule-aud2-violated.txt",
                RuleReport.explain(v, t.events(), Policy.DEFAULT, id -> id.equals(a) ? "call A" : "call ?"));
    }

    @Test
    void releaseBeforePerformEndReadsAsAnR_END_2Violation() throws Exception {
        TraceBuilder t = new TraceBuilder();
        UUID a = t.call("A");
        t.sdk("startAudio", a, "result", "ok")
                .user("userTappedHangUp", a)
                .sdk("releaseAudio", a)
                .sdk("unprepareSDK", a)
                .app("endCallWithCompletion", a)
                .app("requestTransaction", a, "actions", "end")
                .system("requestTransactionCompletion", a)
                .system("performEndCallAction", a, "action", "2", "origin", "transaction")
                .app("fulfill", a, "action", "end", "actionId", "2")
                .system("didDeactivateAudioSession", a);
        Rule endRule = EndRules.all().stream().filter(r -> r.id().equals("R-END-2")).findFirst().orElseThrow();
        RuleVerdict v = endRule.judge(t.trace(), Policy.DEFAULT);
        assertThat(v.failed()).isTrue();
        Golden.assertMatches("rule-end2-violated.txt",
                RuleReport.explain(v, t.events(), Policy.DEFAULT, id -> id.equals(a) ? "call A" : "call ?"));
    }
}
