package dev.callflow.rules;

import dev.callflow.monitor.RuleCatalog;
import dev.callflow.rules.audio.AudioRules;
import dev.callflow.rules.config.ConfigRules;
import dev.callflow.rules.ending.EndRules;
import dev.callflow.rules.multicall.MultiCallRules;
import dev.callflow.rules.outgoing.OutgoingRules;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Edge cases of the AUD/END/OUT/MULTI/CFG rules: timelines without call IDs, and timelines a rule cannot judge. */
class RuleEdgeCasesTest {
    private static final UUID NONE = null;

    private static RuleVerdict.Outcome judge(String id, Trace trace, Policy policy) {
        return RuleCatalog.require(id).judge(trace, policy).outcome();
    }

    private static List<Rule> theseGroups() {
        List<Rule> rules = new ArrayList<>();
        rules.addAll(AudioRules.all());
        rules.addAll(EndRules.all());
        rules.addAll(OutgoingRules.all());
        rules.addAll(MultiCallRules.all());
        rules.addAll(ConfigRules.all());
        return rules;
    }

    @Test
    void anEmptyTimelineIsNeverAVacuousPass() {
        Trace empty = new TraceBuilder().trace();
        for (Rule r : theseGroups()) {
            for (Policy p : Policy.values()) {
                assertThat(r.judge(empty, p).outcome()).as(r.id() + " under " + p).isEqualTo(RuleVerdict.Outcome.NOT_JUDGED);
            }
        }
    }

    /** The seed's log shape: no call IDs anywhere. */
    private static TraceBuilder seedShapedCall() {
        return new TraceBuilder()
                .app("handleIncomingCall", NONE)
                .sdk("unprepareSDK", NONE)
                .sdk("prepareSDK", NONE)
                .system("performAnswerCallAction", NONE)
                .system("didActivateAudioSession", NONE)
                .sdk("configAudio", NONE)
                .sdk("startAudio", NONE);
    }

    /**
     * In a device log the app logs the delegate callbacks itself, so its lines after didDeactivate run on into the next
     * callback's. A stop there belongs to that callback, not to the deactivation's handler (R-AUD-3).
     */
    @Test
    void theDeactivationHandlerEndsAtTheNextDelegateCallback() {
        TraceBuilder running = seedShapedCall()
                .app("didDeactivateAudioSession", NONE)
                .app("log", NONE, "text", "deactivated");
        Trace inHandler = seedShapedCall().app("didDeactivateAudioSession", NONE).sdk("stopAudio", NONE).trace();
        Trace inNextCallback = running.app("didActivateAudioSession", NONE).sdk("stopAudio", NONE).trace();

        assertThat(judge("R-AUD-3", inHandler, Policy.DEFAULT)).isEqualTo(RuleVerdict.Outcome.HOLDS);
        assertThat(judge("R-AUD-3", inNextCallback, Policy.DEFAULT)).isEqualTo(RuleVerdict.Outcome.VIOLATED);
    }

    /**
     * What others record while the app is still inside its didDeactivate handler (another call's incoming UI, a
     * completion recorded for an earlier message, a request the app sent) does not end the handler: a stop after it is
     * still in the handler (a false R-AUD-3 finding once fired here). The next turn of the main queue does end it.
     */
    @Test
    void otherSourcesEventsInsideTheDeactivationHandlerDoNotEndIt() {
        TraceBuilder t = new TraceBuilder();
        java.util.UUID a = t.call("A");
        java.util.UUID b = t.call("B");
        t.system("performAnswerCallAction", a).app("fulfill", a, "action", "answer")
                .system("didActivateAudioSession", a).sdk("configAudio", a, "result", "ok").sdk("startAudio", a, "result", "ok")
                .system("performEndCallAction", a).app("fulfill", a, "action", "end")
                .system("didDeactivateAudioSession", a)
                .system("incomingCallUiShown", b).signalling("hangUp", a, "status", "200").push("pushAccepted", b);
        Trace stopAfterOthers = copy(t).sdk("stopAudio", a).trace();
        Trace stopInNextTurn = copy(t).system("reportNewIncomingCallCompletion", b).sdk("stopAudio", a).trace();

        assertThat(judge("R-AUD-3", stopAfterOthers, Policy.DEFAULT)).isEqualTo(RuleVerdict.Outcome.HOLDS);
        assertThat(judge("R-AUD-3", stopAfterOthers, Policy.SEED_STRICT)).isEqualTo(RuleVerdict.Outcome.HOLDS);
        assertThat(judge("R-AUD-3", stopInNextTurn, Policy.DEFAULT)).isEqualTo(RuleVerdict.Outcome.VIOLATED);
    }

    /** R-AUD-1 says why a refused self-activation failed, rather than calling it the iOS 10 pre-heat pattern. */
    @Test
    void aSelfActivationRefusedWithPriSaysSo() {
        TraceBuilder t = new TraceBuilder();
        java.util.UUID a = t.call("A");
        t.app("reportNewIncomingCall", a).app("audioSessionSetActive", null, "active", "true")
                .system("performAnswerCallAction", a)
                .app("audioSessionSetActive", null, "active", "true", "error", "561017449");
        RuleVerdict v = new dev.callflow.rules.audio.NoAppActivation().judge(t.trace(), Policy.DEFAULT);
        assertThat(v.findings()).extracting(Finding::message).containsExactly(
                "the app activated the audio session itself (setActive(true)); the legacy iOS 10 'pre-heat' pattern, "
                        + "refused or blocking CallKit's activation on iOS 13+",
                "the app activated the audio session itself (setActive(true)) and was refused: '!pri' 561017449 "
                        + "(insufficient priority), CallKit owns the activation");
    }

    private static TraceBuilder copy(TraceBuilder original) {
        TraceBuilder c = new TraceBuilder();
        original.events().forEach(e -> c.add(e.source(), e.name(), e.call(),
                e.attributes().entrySet().stream().flatMap(x -> java.util.stream.Stream.of(x.getKey(), x.getValue())).toArray(String[]::new)));
        return c;
    }

    @Test
    void stopPlacementIsJudgedWithoutCallIds() {
        Trace t = seedShapedCall()
                .app("endCallWithCompletion", NONE)
                .system("performEndCallAction", NONE)
                .sdk("releaseAudio", NONE)
                .sdk("unprepareSDK", NONE)
                .system("didDeactivateAudioSession", NONE).trace();
        assertThat(judge("R-AUD-3", t, Policy.DEFAULT)).isEqualTo(RuleVerdict.Outcome.HOLDS);
        assertThat(judge("R-AUD-3", t, Policy.APPLE)).isEqualTo(RuleVerdict.Outcome.HOLDS);
        assertThat(judge("R-AUD-3", t, Policy.SEED_STRICT)).isEqualTo(RuleVerdict.Outcome.WARNED);
        assertThat(judge("R-END-2", t, Policy.DEFAULT)).isEqualTo(RuleVerdict.Outcome.HOLDS);
    }

    @Test
    void mediaRunningAfterDeactivationIsAViolationUnderEveryPolicy() {
        Trace t = seedShapedCall()
                .system("performEndCallAction", NONE)
                .system("didDeactivateAudioSession", NONE)
                .system("performAnswerCallAction", NONE).trace();
        for (Policy p : Policy.values()) {
            assertThat(judge("R-AUD-3", t, p)).as(p.wireName()).isEqualTo(RuleVerdict.Outcome.VIOLATED);
        }
    }

    @Test
    void releaseBeforePerformEndIsCaughtWithoutCallIds() {
        Trace t = seedShapedCall()
                .app("endCallWithCompletion", NONE)
                .sdk("releaseAudio", NONE)
                .system("performEndCallAction", NONE).trace();
        assertThat(judge("R-END-2", t, Policy.DEFAULT)).isEqualTo(RuleVerdict.Outcome.VIOLATED);
    }

    @Test
    void aSecondPrepareWithoutReleaseIsCaughtWithoutCallIds() {
        Trace t = seedShapedCall().sdk("stopAudio", NONE).sdk("prepareSDK", NONE).trace();
        assertThat(judge("R-AUD-4", t, Policy.DEFAULT)).isEqualTo(RuleVerdict.Outcome.VIOLATED);
        Trace released = seedShapedCall().sdk("unprepareSDK", NONE).sdk("prepareSDK", NONE).trace();
        assertThat(judge("R-AUD-4", released, Policy.DEFAULT)).isEqualTo(RuleVerdict.Outcome.HOLDS);
    }

    @Test
    void heldMediaWithoutActivationIsCaughtWithoutCallIds() {
        Trace t = seedShapedCall()
                .system("performSetHeldCallAction", NONE, "onHold", "true")
                .sdk("stopAudio", NONE)
                .system("didDeactivateAudioSession", NONE)
                .sdk("startAudio", NONE, "result", "ok").trace();
        assertThat(judge("R-AUD-7", t, Policy.DEFAULT)).isEqualTo(RuleVerdict.Outcome.VIOLATED);
    }

    @Test
    void rulesThatNeedCallIdsDoNotGuess() {
        Trace t = seedShapedCall()
                .signalling("serverEvent", NONE, "type", "remoteHangup")
                .system("performEndCallAction", NONE).trace();
        assertThat(judge("R-END-1", t, Policy.DEFAULT)).as("a remote end not tied to a call")
                .isEqualTo(RuleVerdict.Outcome.NOT_JUDGED);
        assertThat(judge("R-MULTI-1", t, Policy.DEFAULT)).as("one call, or none told apart")
                .isEqualTo(RuleVerdict.Outcome.NOT_JUDGED);
        assertThat(judge("R-MULTI-2", t, Policy.DEFAULT)).isEqualTo(RuleVerdict.Outcome.NOT_JUDGED);
        assertThat(judge("R-OUT-2", t, Policy.DEFAULT)).isEqualTo(RuleVerdict.Outcome.NOT_JUDGED);
    }

    @Test
    void activationRuleIsNotJudgedWhenEveryCallWasActivated() {
        TraceBuilder b = new TraceBuilder();
        UUID a = b.call("A");
        Trace t = b.system("performAnswerCallAction", a, "action", "1")
                .app("fulfill", a, "action", "answer", "actionId", "1")
                .system("didActivateAudioSession", a).trace();
        assertThat(judge("R-AUD-6", t, Policy.DEFAULT)).isEqualTo(RuleVerdict.Outcome.NOT_JUDGED);
        Trace hung = new TraceBuilder().system("performAnswerCallAction", a, "action", "1")
                .app("fulfill", a, "action", "answer", "actionId", "1")
                .system("activationSuppressed", a).trace();
        assertThat(judge("R-AUD-6", hung, Policy.DEFAULT)).isEqualTo(RuleVerdict.Outcome.VIOLATED);
    }

    /** R-END-1's reasons are docs/iut-protocol.md section 6's table: each one it gives holds, any other is violated. */
    @Test
    void aRemoteEndIsReportedWithAReasonTheProtocolTableGives() {
        assertThat(remoteEnd("declined", "remoteEnded")).isEqualTo(RuleVerdict.Outcome.HOLDS);
        assertThat(remoteEnd("declined", "failed")).isEqualTo(RuleVerdict.Outcome.HOLDS);
        assertThat(remoteEnd("declined", "declinedElsewhere")).as("the user's other device did not decline it")
                .isEqualTo(RuleVerdict.Outcome.VIOLATED);
        assertThat(remoteEnd("declinedElsewhere", "declinedElsewhere")).isEqualTo(RuleVerdict.Outcome.HOLDS);
        assertThat(remoteEnd("declinedElsewhere", "remoteEnded")).isEqualTo(RuleVerdict.Outcome.VIOLATED);
        assertThat(remoteEnd("declinedElsewhere", null)).as("declined elsewhere, and the call left ringing")
                .isEqualTo(RuleVerdict.Outcome.VIOLATED);
        assertThat(remoteEnd("busy", "unanswered")).isEqualTo(RuleVerdict.Outcome.HOLDS);
    }

    private static RuleVerdict.Outcome remoteEnd(String type, String reportedReason) {
        TraceBuilder b = new TraceBuilder();
        UUID a = b.call("A");
        b.app("reportNewIncomingCall", a, "handleType", "generic")
                .system("incomingCallUiShown", a)
                .signalling("serverEvent", a, "type", type);
        if (reportedReason != null) {
            b.app("reportCallEnded", a, "reason", reportedReason).system("callEnded", a);
        }
        return judge("R-END-1", b.trace(), Policy.DEFAULT);
    }

    @Test
    void findingsCarryTheOffendingEvents() {
        TraceBuilder b = new TraceBuilder();
        UUID a = b.call("A");
        Trace t = b.app("reportNewIncomingCall", a, "handleType", "generic")
                .system("incomingCallUiShown", a)
                .signalling("serverEvent", a, "type", "cancel").trace();
        RuleVerdict v = RuleCatalog.require("R-END-1").judge(t, Policy.DEFAULT);
        assertThat(v.outcome()).isEqualTo(RuleVerdict.Outcome.VIOLATED);
        assertThat(v.findings()).singleElement().satisfies(f -> assertThat(f.offending())
                .extracting(e -> e.name()).containsExactly("serverEvent"));
    }
}
