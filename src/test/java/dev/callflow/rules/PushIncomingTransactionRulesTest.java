package dev.callflow.rules;

import dev.callflow.monitor.RuleCatalog;
import dev.callflow.rules.incoming.NothingAfterRefusedReport;
import dev.callflow.rules.incoming.RefusedUuidNotReused;
import dev.callflow.rules.push.DuplicateReportKeepsCall;
import dev.callflow.rules.push.PushCompletionAfterReport;
import dev.callflow.rules.push.ReportBeforePushHandlerReturns;
import dev.callflow.rules.transactions.CompleteActionsOnce;
import dev.callflow.rules.transactions.NoPendingEndAction;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Edge cases the log fixtures do not cover: logs without call IDs, and timelines that lack what a rule needs. */
class PushIncomingTransactionRulesTest {
    private static final UUID NONE = null;

    private static RuleVerdict judge(Rule rule, TraceBuilder b) {
        return rule.judge(b.trace(), Policy.DEFAULT);
    }

    @Test
    void everyNewRuleIsNotJudgedOnAnEmptyTimeline() {
        Trace empty = new TraceBuilder().trace();
        for (Rule r : RuleCatalog.all()) {
            if (r.id().startsWith("R-PUSH") || r.id().startsWith("R-INC") || r.id().startsWith("R-TX")) {
                RuleVerdict v = r.judge(empty, Policy.DEFAULT);
                assertThat(v.outcome()).as(r.id()).isEqualTo(RuleVerdict.Outcome.NOT_JUDGED);
                assertThat(v.note()).as(r.id() + " says why it could not judge").isNotBlank();
            }
        }
    }

    @Test
    void pushWithoutCallIdsIsStillPairedWithItsReport() {
        TraceBuilder b = new TraceBuilder();
        b.system("didReceiveIncomingPush", NONE).app("reportNewIncomingCall", NONE, "handle", "alice")
                .system("reportNewIncomingCallCompletion", NONE).app("pushCompletion", NONE);
        assertThat(judge(new ReportBeforePushHandlerReturns(), b).outcome()).isEqualTo(RuleVerdict.Outcome.HOLDS);
        assertThat(judge(new PushCompletionAfterReport(), b).outcome()).isEqualTo(RuleVerdict.Outcome.HOLDS);
    }

    @Test
    void aReportForAnotherCallStillSatisfiesPushKitButNoReportDoesNot() {
        // PushKit checks a flag that any report sets (DTS 817976): a phantom call under a fresh UUID counts.
        TraceBuilder b = new TraceBuilder();
        b.system("didReceiveIncomingPush", b.call("A")).app("reportNewIncomingCall", b.call("B"), "handle", "bob");
        assertThat(judge(new ReportBeforePushHandlerReturns(), b).outcome()).isEqualTo(RuleVerdict.Outcome.HOLDS);

        TraceBuilder none = new TraceBuilder();
        none.system("didReceiveIncomingPush", none.call("A")).app("handleIncomingCall", none.call("A"));
        RuleVerdict v = judge(new ReportBeforePushHandlerReturns(), none);
        assertThat(v.outcome()).isEqualTo(RuleVerdict.Outcome.VIOLATED);
        assertThat(v.findings().get(0).offending()).extracting(e -> e.name()).containsExactly("didReceiveIncomingPush");
    }

    @Test
    void refusalWithoutCallIdsStillCatchesMediaButCannotFollowTheUuid() {
        TraceBuilder b = new TraceBuilder();
        b.app("reportNewIncomingCall", NONE, "handle", "alice")
                .system("reportNewIncomingCallCompletion", NONE, "error", "unknown", "code", "0")
                .sdk("prepareSDK", NONE);
        RuleVerdict inc1 = judge(new NothingAfterRefusedReport(), b);
        assertThat(inc1.outcome()).isEqualTo(RuleVerdict.Outcome.VIOLATED);
        assertThat(inc1.findings().get(0).offending()).extracting(e -> e.name())
                .containsExactly("reportNewIncomingCallCompletion", "prepareSDK");
        assertThat(judge(new RefusedUuidNotReused(), b).outcome()).isEqualTo(RuleVerdict.Outcome.NOT_JUDGED);
    }

    @Test
    void aLaterSuccessfulReportOfTheSameUuidClosesTheRefusalWindow() {
        TraceBuilder b = new TraceBuilder();
        UUID a = b.call("A");
        b.app("reportNewIncomingCall", a, "handle", "alice")
                .system("reportNewIncomingCallCompletion", a, "error", "filteredByDoNotDisturb", "code", "3")
                .app("reportNewIncomingCall", a, "handle", "alice").system("reportNewIncomingCallCompletion", a)
                .sdk("prepareSDK", a);
        assertThat(judge(new NothingAfterRefusedReport(), b).outcome()).isEqualTo(RuleVerdict.Outcome.HOLDS);
    }

    @Test
    void aDuplicateIsJudgedOnlyUntilSomethingElseEndsTheCall() {
        TraceBuilder b = new TraceBuilder();
        UUID a = b.call("A");
        b.app("reportNewIncomingCall", a, "handle", "alice").system("reportNewIncomingCallCompletion", a)
                .app("reportNewIncomingCall", a, "handle", "alice")
                .system("reportNewIncomingCallCompletion", a, "error", "callUUIDAlreadyExists", "code", "2")
                .signalling("serverEvent", a, "type", "cancel")
                .app("reportCallEnded", a, "reason", "remoteEnded");
        assertThat(judge(new DuplicateReportKeepsCall(), b).outcome()).isEqualTo(RuleVerdict.Outcome.HOLDS);
    }

    @Test
    void theDefensiveUnprepareBeforeANewCallIsNotATeardown() {
        TraceBuilder b = new TraceBuilder();
        UUID a = b.call("A");
        b.app("reportNewIncomingCall", a, "handle", "alice").system("reportNewIncomingCallCompletion", a)
                .app("reportNewIncomingCall", a, "handle", "alice")
                .system("reportNewIncomingCallCompletion", a, "error", "callUUIDAlreadyExists", "code", "2")
                .sdk("unprepareSDK", NONE, "wasPrepared", "false");
        assertThat(judge(new DuplicateReportKeepsCall(), b).outcome()).isEqualTo(RuleVerdict.Outcome.HOLDS);
    }

    @Test
    void actionsWithoutIdsAreNotJudgedButCompletionsByCallAndTypeCount() {
        TraceBuilder b = new TraceBuilder();
        b.system("performAnswerCallAction", NONE).system("performEndCallAction", NONE);
        assertThat(judge(new CompleteActionsOnce(), b).outcome()).isEqualTo(RuleVerdict.Outcome.NOT_JUDGED);
        assertThat(judge(new NoPendingEndAction(), b).outcome()).isEqualTo(RuleVerdict.Outcome.NOT_JUDGED);
        b.app("fulfill", NONE, "action", "end");
        assertThat(judge(new NoPendingEndAction(), b).outcome()).isEqualTo(RuleVerdict.Outcome.HOLDS);
    }

    @Test
    void anEndPendingWhenTheAppDiesIsExcused() {
        TraceBuilder b = new TraceBuilder();
        UUID a = b.call("A");
        b.system("performAnswerCallAction", a, "action", "1").app("fulfill", a, "action", "answer", "actionId", "1")
                .system("performEndCallAction", a, "action", "2", "origin", "sideButton")
                .system("appTerminated", NONE, "reason", "crash");
        assertThat(judge(new NoPendingEndAction(), b).outcome()).isEqualTo(RuleVerdict.Outcome.HOLDS);
        assertThat(judge(new CompleteActionsOnce(), b).outcome()).isEqualTo(RuleVerdict.Outcome.HOLDS);
    }

    @Test
    void everyRuleOfTheseGroupsNamesItsSourceAndAnImperativeStatement() {
        for (Rule r : RuleCatalog.all()) {
            if (r.id().startsWith("R-PUSH") || r.id().startsWith("R-INC") || r.id().startsWith("R-TX")) {
                assertThat(r.source()).as(r.id()).isNotBlank();
                assertThat(r.statement()).as(r.id()).doesNotContain("\n").isNotBlank();
            }
        }
    }
}
