package dev.callflow.rules;

import dev.callflow.monitor.RuleCatalog;
import dev.callflow.rules.outgoing.OutgoingReportsInOrder;
import dev.callflow.rules.transactions.RefusedTransactionNamed;
import dev.callflow.timeline.Event;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A finding that says some event never came stands only on a timeline that can show that event (issue 13 item 2):
 * always on a live run's ({@link Vocabulary#FULL}), on a device log's only if the log shows it somewhere or its
 * grammar declares it. And R-TX-3's unknownCallUUID end with nothing after it (item 4).
 */
class JudgeOnlyWhatTheLogShowsTest {
    private final TraceBuilder b = new TraceBuilder();
    private final UUID a = b.call("A");

    private static Vocabulary shown(List<Event> events) {
        Vocabulary.Builder v = Vocabulary.builder();
        events.forEach(v::add);
        return v.build();
    }

    private List<Event> outgoingWithoutFulfil() {
        b.app("requestTransaction", a, "actions", "start");
        b.system("performStartCallAction", a);
        b.app("reportOutgoingCallStartedConnecting", a);
        return b.events();
    }

    @Test
    void aLiveRunsTimelineShowsEverythingSoTheAbsenceIsAViolation() {
        RuleVerdict v = new OutgoingReportsInOrder().judge(new Trace(outgoingWithoutFulfil()), Policy.DEFAULT);

        assertThat(v.outcome()).as("R-OUT-1 on a live timeline").isEqualTo(RuleVerdict.Outcome.VIOLATED);
        assertThat(v.unjudged()).isEmpty();
    }

    @Test
    void aLogThatNeverShowsAStartFulfilLeavesTheCallNotJudgedNamingTheEvent() {
        List<Event> events = outgoingWithoutFulfil();
        RuleVerdict v = new OutgoingReportsInOrder().judge(new Trace(events, shown(events)), Policy.DEFAULT);

        assertThat(v.outcome()).as("R-OUT-1 on a log without fulfils").isEqualTo(RuleVerdict.Outcome.NOT_JUDGED);
        assertThat(v.unjudged()).singleElement().satisfies(u -> {
            assertThat(u.call()).isEqualTo(a);
            assertThat(u.reason()).isEqualTo("the log never shows a fulfil of a CXStartCallAction");
        });
        assertThat(v.note()).contains("the log never shows a fulfil of a CXStartCallAction");
    }

    @Test
    void fulfilsOfAnotherActionTypeDoNotShowStartFulfils() {
        List<Event> events = outgoingWithoutFulfil();
        Vocabulary v = Vocabulary.builder().add("fulfill", "answer").build();

        assertThat(new OutgoingReportsInOrder().judge(new Trace(events, v), Policy.DEFAULT).outcome())
                .isEqualTo(RuleVerdict.Outcome.NOT_JUDGED);
        assertThat(new OutgoingReportsInOrder().judge(new Trace(events, Vocabulary.builder().add("fulfill", "start").build()),
                Policy.DEFAULT).outcome()).as("a grammar that declares start fulfils").isEqualTo(RuleVerdict.Outcome.VIOLATED);
        assertThat(new OutgoingReportsInOrder().judge(new Trace(events, Vocabulary.builder().add("fulfill", null).build()),
                Policy.DEFAULT).outcome()).as("fulfils that do not say of which action count for all")
                .isEqualTo(RuleVerdict.Outcome.VIOLATED);
    }

    /**
     * R-AUD-6 on a capture stopped right after the answer was fulfilled: a log that never shows didActivate (a QA
     * engineer's Ctrl-C too soon) cannot say that it never came; a live run, or a log that shows one elsewhere, can.
     */
    @Test
    void anAnswerFulfilledAtTheEndOfACaptureThatNeverShowsAnActivationIsNotJudged() {
        b.app("reportNewIncomingCall", a);
        b.system("performAnswerCallAction", a);
        b.app("fulfill", a, "action", "answer");
        List<Event> events = b.events();
        var rule = new dev.callflow.rules.audio.FailCleanlyWithoutActivation();

        assertThat(rule.judge(new Trace(events), Policy.DEFAULT).outcome()).as("live").isEqualTo(RuleVerdict.Outcome.VIOLATED);
        RuleVerdict log = rule.judge(new Trace(events, shown(events)), Policy.DEFAULT);
        assertThat(log.outcome()).as("a log without activations").isEqualTo(RuleVerdict.Outcome.NOT_JUDGED);
        assertThat(log.unjudged()).singleElement().satisfies(u -> assertThat(u.reason())
                .isEqualTo("the log never shows didActivateAudioSession"));
        Vocabulary withActivations = Vocabulary.builder().add("didActivateAudioSession", null).build();
        assertThat(rule.judge(new Trace(events, withActivations), Policy.DEFAULT).outcome()).as("a log that shows them")
                .isEqualTo(RuleVerdict.Outcome.VIOLATED);
    }

    @Test
    void aFindingThatReliesOnAnUndeclaredAbsenceIsAProgrammingError() {
        Logged undeclared = Logged.anyOf("something", dev.callflow.timeline.EventKind.CALL_ENDED);
        BaseRule rule = new BaseRule("R-END-9", Severity.VIOLATION, "s", "src") {
            @Override
            public RuleVerdict judge(Trace trace, Policy policy) {
                return verdict(trace, List.of(Finding.of("never").unlessLogged(undeclared)));
            }
        };
        assertThatThrownBy(() -> rule.judge(new Trace(List.of()), Policy.DEFAULT))
                .hasMessageContaining("R-END-9 relies on the absence of something without declaring it");
    }

    @Test
    void everyRuleDeclaresItsAbsencesAndAtLeastTheseRelyOnSome() {
        List<String> relying = RuleCatalog.all().stream().filter(r -> !r.reliesOnAbsenceOf().isEmpty()).map(Rule::id).toList();
        assertThat(relying).contains("R-OUT-1", "R-TX-1", "R-TX-3", "R-END-1", "R-END-3");
    }

    // ---- R-TX-3: an end refused with unknownCallUUID, and nothing after it

    private void answeredThenEndRefused() {
        b.app("reportNewIncomingCall", a);
        b.system("performAnswerCallAction", a);
        b.app("requestTransaction", b.call("wrong"), "actions", "end");
        b.system("requestTransactionCompletion", b.call("wrong"), "error", "unknownCallUUID", "code", "4");
    }

    @Test
    void anEndRefusedWithUnknownCallUuidAndNothingAfterIsAViolation() {
        answeredThenEndRefused();
        RuleVerdict v = new RefusedTransactionNamed().judge(b.trace(), Policy.DEFAULT);

        assertThat(v.outcome()).as("R-TX-3").isEqualTo(RuleVerdict.Outcome.VIOLATED);
        assertThat(v.findings()).extracting(Finding::message).anyMatch(m -> m.contains("nothing later in the log ends or "
                + "cleans up the call: the system call UI stays up"));
    }

    @Test
    void anEndReportOrCleanupAfterTheRefusalLeavesAWarning() {
        answeredThenEndRefused();
        b.app("reportCallEnded", a, "reason", "remoteEnded");

        assertThat(new RefusedTransactionNamed().judge(b.trace(), Policy.DEFAULT).outcome())
                .isEqualTo(RuleVerdict.Outcome.WARNED);
    }

    @Test
    void aRefusedEndForACallThatAlreadyEndedLeavesAWarning() {
        b.app("reportNewIncomingCall", a);
        b.system("performAnswerCallAction", a);
        b.app("reportCallEnded", a, "reason", "remoteEnded");
        b.app("requestTransaction", a, "actions", "end");
        b.system("requestTransactionCompletion", a, "error", "unknownCallUUID", "code", "4");

        assertThat(new RefusedTransactionNamed().judge(b.trace(), Policy.DEFAULT).outcome())
                .isEqualTo(RuleVerdict.Outcome.WARNED);
    }

    @Test
    void aLogThatNeverShowsAnEndOrCleanupCannotSayNoneCame() {
        answeredThenEndRefused();
        List<Event> events = b.events();
        RuleVerdict v = new RefusedTransactionNamed().judge(new Trace(events, shown(events)), Policy.DEFAULT);

        assertThat(v.outcome()).isEqualTo(RuleVerdict.Outcome.WARNED);
        assertThat(v.unjudged()).singleElement().extracting(RuleVerdict.Unjudged::reason).asString()
                .startsWith("the log never shows an end report or cleanup");
    }
}
