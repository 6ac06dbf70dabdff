package dev.callflow.timeline;

import dev.callflow.testing.Golden;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.entry;

/** The ordered-subsequence matcher behind "the timeline shows in order:" and the failure messages it writes. */
class FlowMatchTest {

    private static final UUID A = UUID.fromString("0a7b0c53-3ff4-459b-9ca3-7aa6a6b38cc2");
    private static final UUID B = UUID.fromString("9b340542-9075-4a27-bd3a-66c97bc367d4");
    private static final Function<UUID, String> NAMES = id -> id.equals(A) ? "call A" : id.equals(B) ? "call B" : "call ?";
    private static final String HEADLINE = "The expected flow did not happen within 5000 ms (timing profile 'fast', implementation 'test').";

    /** Every clock read advances 1 ms, so event k (from 1) sits at +k ms: messages are byte-for-byte stable. */
    private static Timeline timeline() {
        AtomicLong nanos = new AtomicLong();
        return Timeline.withClock(() -> nanos.addAndGet(1_000_000), Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC,
                "CallApp", 4242);
    }

    private static ExpectedEvent row(Source source, String name, UUID call, String attributes) {
        Map<String, String> attrs = ExpectedEvent.parseAttributes(attributes);
        String label = source.label() + " " + name + (call == null ? "" : " " + NAMES.apply(call)) + (attrs.isEmpty() ? "" : " " + attrs);
        return new ExpectedEvent(source, name, call, attrs, label);
    }

    /** The answer flow the reference app produces, with unrelated events between the expected ones. */
    private static Timeline answerFlow() {
        Timeline t = timeline();
        t.record(Source.USER, "userTappedAnswer", A, "lockScreen", "false");
        t.record(Source.SDK, "prepareSDK", A);
        t.record(Source.SYSTEM, "performAnswerCallAction", A, "action", "1");
        t.record(Source.APP, "audioSessionSetCategory", null, "category", "playAndRecord");
        t.record(Source.SIGNALLING, "accept", A, "status", "200");
        t.record(Source.APP, "fulfill", A, "action", "answer");
        t.record(Source.SYSTEM, "didActivateAudioSession", A);
        t.record(Source.SDK, "configAudio", A, "result", "ok");
        t.record(Source.SDK, "startAudio", A, "result", "ok", "session", "callkit");
        return t;
    }

    private static List<ExpectedEvent> answerRows() {
        return List.of(
                row(Source.USER, "userTappedAnswer", A, "lockScreen=false"),
                row(Source.SYSTEM, "performAnswerCallAction", A, ""),
                row(Source.APP, "fulfill", A, "action=answer"),
                row(Source.SYSTEM, "didActivateAudioSession", A, ""),
                row(Source.SDK, "configAudio", A, "result=ok"),
                row(Source.SDK, "startAudio", A, "result=ok, session=callkit"));
    }

    @Test
    void aCompleteMatchMaySkipEventsBetweenTheRows() {
        FlowMatch m = FlowMatch.of(answerRows(), answerFlow().events());

        assertThat(m.complete()).isTrue();
        assertThat(m.firstMissing()).isEmpty();
        assertThat(m.matched()).extracting(Event::seq).containsExactly(1L, 3L, 6L, 7L, 8L, 9L);
        assertThatIllegalStateException().isThrownBy(() -> m.explain(HEADLINE, NAMES)).withMessage("the flow matched");
    }

    @Test
    void anEmptyFlowAlwaysMatchesAndRowsWithoutSourceOrCallMatchAny() {
        assertThat(FlowMatch.of(List.of(), List.of()).complete()).isTrue();
        assertThat(FlowMatch.of(List.of(ExpectedEvent.named("startAudio")), answerFlow().events()).matched())
                .extracting(Event::seq).containsExactly(9L);
    }

    @Test
    void anEventThatNeverHappenedIsNamedAsMissing() throws IOException {
        Timeline t = timeline();
        t.record(Source.PUSH, "pushAccepted", A);
        t.record(Source.SYSTEM, "appWokenForPush", A);
        t.record(Source.SYSTEM, "didReceiveIncomingPush", A);
        t.record(Source.APP, "handleIncomingCall", A, "via", "push", "deferred", "true");
        t.record(Source.APP, "pushCompletion", A);
        t.record(Source.SYSTEM, Level.ERROR, "pushNotReported", A, Timeline.attrs("failures", "1",
                "exception", "NSInternalInconsistencyException"));
        t.record(Source.SYSTEM, Level.ERROR, "appTerminated", null, Timeline.attrs("reason", "pushNotReported",
                "exception", "NSInternalInconsistencyException"));
        FlowMatch m = FlowMatch.of(List.of(
                row(Source.PUSH, "pushAccepted", A, ""),
                row(Source.SYSTEM, "appWokenForPush", A, ""),
                row(Source.SYSTEM, "didReceiveIncomingPush", A, ""),
                row(Source.APP, "reportNewIncomingCall", A, ""),
                row(Source.APP, "pushCompletion", A, "")), t.events());

        assertThat(m.complete()).isFalse();
        assertThat(m.firstMissing()).map(ExpectedEvent::name).contains("reportNewIncomingCall");
        String message = m.explain(HEADLINE, NAMES);
        assertThat(message).contains("Expected app reportNewIncomingCall call A after system didReceiveIncomingPush call A (#3), "
                + "but no reportNewIncomingCall happened at all.");
        // the cause the table does not mention, and rows after ✗ marked as never tried rather than unexpected
        assertThat(message).contains("Errors on the timeline:\n  #6 +6.000 ms system pushNotReported call A",
                "#7 +7.000 ms system appTerminated reason=pushNotReported", "(not reached: matching stopped at ✗)");
        Golden.assertMatches("flowmatch-missing.txt", message);
    }

    /** "Given the app has been killed" logs the kill at error level; it is the scenario's doing, not a cause. */
    @Test
    void aKillTheScenarioOrderedIsNoErrorOfTheFlow() {
        Timeline t = timeline();
        t.record(Source.SYSTEM, Level.ERROR, "appTerminated", null, Timeline.attrs("reason", "killed"));
        t.record(Source.SYSTEM, "didReceiveIncomingPush", A);
        FlowMatch m = FlowMatch.of(List.of(
                row(Source.SYSTEM, "didReceiveIncomingPush", A, ""),
                row(Source.APP, "reportNewIncomingCall", A, "")), t.events());

        assertThat(m.explain(HEADLINE, NAMES)).doesNotContain("Errors on the timeline").doesNotContain("reason=killed");

        t.record(Source.SYSTEM, Level.ERROR, "appTerminated", null, Timeline.attrs("reason", "pushNotReported"));
        assertThat(FlowMatch.of(List.of(
                row(Source.SYSTEM, "didReceiveIncomingPush", A, ""),
                row(Source.APP, "reportNewIncomingCall", A, "")), t.events()).explain(HEADLINE, NAMES))
                .contains("Errors on the timeline:").contains("reason=pushNotReported").doesNotContain("reason=killed");
    }

    @Test
    void anEventBeforeItsPredecessorIsNamedOutOfOrder() throws IOException {
        // what the start-audio-in-answer mutant does: media configured and started inside performAnswerCallAction
        Timeline t = timeline();
        t.record(Source.USER, "userTappedAnswer", A, "lockScreen", "false");
        t.record(Source.SYSTEM, "performAnswerCallAction", A, "action", "1");
        t.record(Source.SDK, "configAudio", A, "result", "ok");
        t.record(Source.SDK, "startAudio", A, "result", "failed", "error", "561145187");
        t.record(Source.SIGNALLING, "accept", A, "status", "200");
        t.record(Source.APP, "fulfill", A, "action", "answer");
        t.record(Source.SYSTEM, "didActivateAudioSession", A);
        FlowMatch m = FlowMatch.of(answerRows(), t.events());

        assertThat(m.matched()).extracting(Event::seq).containsExactly(1L, 2L, 6L, 7L);
        assertThat(m.firstMissing()).map(ExpectedEvent::name).contains("configAudio");
        String message = m.explain(HEADLINE, NAMES);
        assertThat(message).contains("Expected sdk configAudio call A {result=ok} after system didActivateAudioSession call A (#7), "
                + "but it happened out of order: #3 sdk configAudio call A came before it.");
        Golden.assertMatches("flowmatch-out-of-order.txt", message);
    }

    @Test
    void anEventOfTheRightKindWithOtherAttributesIsShownAsDiffering() {
        Timeline t = timeline();
        t.record(Source.SYSTEM, "didActivateAudioSession", A);
        t.record(Source.SDK, "startAudio", A, "result", "failed", "why", "no active audio session");
        FlowMatch m = FlowMatch.of(List.of(
                row(Source.SYSTEM, "didActivateAudioSession", A, ""),
                row(Source.SDK, "startAudio", A, "result=ok")), t.events());

        assertThat(m.complete()).isFalse();
        assertThat(m.explain(HEADLINE, NAMES)).contains("Expected sdk startAudio call A {result=ok} after system "
                + "didActivateAudioSession call A (#1), but every startAudio differed: "
                + "[#2 +2.000 ms sdk startAudio call A result=failed why=no active audio session].");
    }

    @Test
    void aRowOfTheWrongSourceDoesNotMatch() {
        Timeline t = timeline();
        t.record(Source.APP, "fulfill", A, "action", "answer");
        assertThat(FlowMatch.of(List.of(row(Source.SYSTEM, "fulfill", A, "")), t.events()).complete()).isFalse();
    }

    private static FlowMatch.Group group(String order, ExpectedEvent... rows) {
        return new FlowMatch.Group(order, List.of(rows));
    }

    @Nested
    class Groups {
        /** A local hang-up: the app's HTTP hang-up and its fulfil of the end action race on a real phone. */
        private Timeline hangUp(boolean serverFirst) {
            Timeline t = timeline();
            t.record(Source.USER, "userTappedHangUp", A);
            t.record(Source.SYSTEM, "performEndCallAction", A, "action", "2");
            if (serverFirst) {
                t.record(Source.SIGNALLING, "hangUp", A, "status", "200");
                t.record(Source.APP, "fulfill", A, "action", "end");
            } else {
                t.record(Source.APP, "fulfill", A, "action", "end");
                t.record(Source.SIGNALLING, "hangUp", A, "status", "200");
            }
            t.record(Source.SYSTEM, "didDeactivateAudioSession", A);
            return t;
        }

        private List<FlowMatch.Group> hangUpRows() {
            return List.of(
                    group("1", row(Source.SYSTEM, "performEndCallAction", A, "")),
                    group("2", row(Source.SIGNALLING, "hangUp", A, "status=200"), row(Source.APP, "fulfill", A, "action=end")),
                    group("3", row(Source.SYSTEM, "didDeactivateAudioSession", A, "")));
        }

        @Test
        void rowsOfOneGroupMatchInEitherOrder() {
            FlowMatch serverFirst = FlowMatch.inGroups(hangUpRows(), hangUp(true).events());
            FlowMatch fulfilFirst = FlowMatch.inGroups(hangUpRows(), hangUp(false).events());

            assertThat(serverFirst.complete()).isTrue();
            assertThat(fulfilFirst.complete()).isTrue();
            // matched() keeps row order: hangUp then fulfill, whatever order they happened in
            assertThat(serverFirst.matched()).extracting(Event::seq).containsExactly(2L, 3L, 4L, 5L);
            assertThat(fulfilFirst.matched()).extracting(Event::seq).containsExactly(2L, 4L, 3L, 5L);
        }

        @Test
        void theSameRowsWithoutAGroupStillPinTheirOrder() {
            List<ExpectedEvent> plain = hangUpRows().stream().flatMap(g -> g.rows().stream()).toList();
            assertThat(FlowMatch.of(plain, hangUp(true).events()).complete()).isTrue();
            assertThat(FlowMatch.of(plain, hangUp(false).events()).complete()).isFalse();
        }

        @Test
        void aGroupComesAfterEveryEventOfTheGroupBeforeIt() {
            Timeline t = timeline();
            t.record(Source.APP, "fulfill", A, "action", "end");
            t.record(Source.SYSTEM, "performEndCallAction", A);
            t.record(Source.SIGNALLING, "hangUp", A, "status", "200");
            t.record(Source.SYSTEM, "didDeactivateAudioSession", A);
            FlowMatch m = FlowMatch.inGroups(hangUpRows(), t.events());

            assertThat(m.complete()).isFalse();
            assertThat(m.firstMissing()).map(ExpectedEvent::name).contains("fulfill");
            assertThat(m.matched()).extracting(Event::seq).containsExactly(2L, 3L);
        }

        @Test
        void rowsThatCouldMatchTheSameEventGetDistinctEvents() {
            // "any fulfil" first in the table would take #1 greedily and leave "the end's fulfil" nothing
            Timeline t = timeline();
            t.record(Source.APP, "fulfill", A, "action", "end");
            t.record(Source.APP, "fulfill", A, "action", "answer");
            FlowMatch m = FlowMatch.inGroups(List.of(group("1",
                    row(Source.APP, "fulfill", A, ""), row(Source.APP, "fulfill", A, "action=end"))), t.events());

            assertThat(m.complete()).isTrue();
            assertThat(m.matched()).extracting(Event::seq).containsExactly(2L, 1L);
        }

        @Test
        void oneEventNeverSatisfiesTwoRows() {
            Timeline t = timeline();
            t.record(Source.APP, "fulfill", A, "action", "end");
            FlowMatch m = FlowMatch.inGroups(List.of(group("1",
                    row(Source.APP, "fulfill", A, ""), row(Source.APP, "fulfill", A, "action=end"))), t.events());

            assertThat(m.complete()).isFalse();
            assertThat(m.explain(HEADLINE, NAMES)).contains("every event it matches went to another row of the group: "
                    + "[#1 +1.000 ms app fulfill call A action=end]");
        }

        @Test
        void theGroupEndsAsEarlyAsPossibleSoThatTheNextGroupStillFits() {
            // row by row in table order, "answer or end" takes #1 and "end" #4, which ends the group after #3
            Timeline t = timeline();
            t.record(Source.APP, "fulfill", A, "action", "end");
            t.record(Source.APP, "fulfill", A, "action", "answer");
            t.record(Source.SYSTEM, "didActivateAudioSession", A);
            t.record(Source.APP, "fulfill", A, "action", "end");
            FlowMatch m = FlowMatch.inGroups(List.of(
                    group("1", row(Source.APP, "fulfill", A, "action=answer|end"), row(Source.APP, "fulfill", A, "action=end")),
                    group("2", row(Source.SYSTEM, "didActivateAudioSession", A, ""))), t.events());

            assertThat(m.complete()).isTrue();
            assertThat(m.matched()).extracting(Event::seq).containsExactly(2L, 1L, 3L);
        }

        @Test
        void aGroupFailureNamesWhatWasFoundAndWhatIsMissing() throws IOException {
            // the app fulfils the end, but never tells its server, and the session is deactivated
            Timeline t = timeline();
            t.record(Source.USER, "userTappedHangUp", A);
            t.record(Source.SYSTEM, "performEndCallAction", A, "action", "2");
            t.record(Source.SDK, "releaseAudio", A);
            t.record(Source.APP, "fulfill", A, "action", "end");
            t.record(Source.SYSTEM, "callEnded", A);
            t.record(Source.SYSTEM, "didDeactivateAudioSession", A);
            FlowMatch m = FlowMatch.inGroups(List.of(
                    group("1", row(Source.USER, "userTappedHangUp", A, "")),
                    group("2", row(Source.SYSTEM, "performEndCallAction", A, "")),
                    group("3", row(Source.SIGNALLING, "hangUp", A, "status=200"), row(Source.APP, "fulfill", A, "action=end"),
                            row(Source.SYSTEM, "callEnded", A, "")),
                    group("4", row(Source.SYSTEM, "didDeactivateAudioSession", A, ""))), t.events());

            assertThat(m.complete()).isFalse();
            assertThat(m.firstMissing()).map(ExpectedEvent::name).contains("hangUp");
            String message = m.explain(HEADLINE, NAMES);
            assertThat(message).contains("Expected in any order (order 3) after system performEndCallAction call A (#2): "
                    + "signalling hangUp call A {status=200}, app fulfill call A {action=end}, system callEnded call A.\n"
                    + "Found app fulfill call A {action=end} at #4, system callEnded call A at #5; "
                    + "missing signalling hangUp call A {status=200}: no hangUp happened at all.");
            Golden.assertMatches("flowmatch-group-missing.txt", message);
        }

        @Test
        void aRowOfAGroupThatCameBeforeTheGroupBeforeItIsOutOfOrder() {
            Timeline t = timeline();
            t.record(Source.SIGNALLING, "hangUp", A, "status", "200");
            t.record(Source.SYSTEM, "performEndCallAction", A);
            t.record(Source.APP, "fulfill", A, "action", "end");
            t.record(Source.SYSTEM, "didDeactivateAudioSession", A);
            String message = FlowMatch.inGroups(hangUpRows(), t.events()).explain(HEADLINE, NAMES);

            assertThat(message).contains("missing signalling hangUp call A {status=200}: it happened out of order: "
                    + "#1 signalling hangUp call A came before system performEndCallAction call A (#2).");
            assertThat(message).contains("#1    +    1.000 ms  signalling hangUp call A {status=200}   <<<<< out of order");
            assertThat(message).contains("✗ 2 signalling hangUp call A {status=200}");
        }

        @Test
        void severalMissingRowsAreListedOnePerLine() {
            Timeline t = timeline();
            t.record(Source.SYSTEM, "performEndCallAction", A);
            FlowMatch m = FlowMatch.inGroups(hangUpRows(), t.events());

            assertThat(m.explain(HEADLINE, NAMES)).contains("Found none of them; missing:\n"
                    + "  signalling hangUp call A {status=200}: no hangUp happened at all\n"
                    + "  app fulfill call A {action=end}: no fulfill happened at all\n");
        }

        @Test
        void aGroupMayNotBeEmpty() {
            assertThatIllegalArgumentException().isThrownBy(() -> new FlowMatch.Group("1", List.of()));
        }
    }

    @Nested
    class Alternatives {
        @Test
        void anAttributeValueMayListAlternatives() {
            Timeline t = timeline();
            t.record(Source.APP, "reportCallEnded", A, "reason", "unanswered");
            t.record(Source.APP, "reportCallEnded", B, "reason", "failed");

            assertThat(FlowMatch.of(List.of(row(Source.APP, "reportCallEnded", A, "reason=remoteEnded|unanswered")),
                    t.events()).complete()).isTrue();
            assertThat(FlowMatch.of(List.of(row(Source.APP, "reportCallEnded", B, "reason=remoteEnded|unanswered")),
                    t.events()).complete()).isFalse();
            assertThat(FlowMatch.of(List.of(row(Source.APP, "reportCallEnded", B, "reason=failed | remoteEnded")),
                    t.events()).complete()).isTrue();
        }

        @Test
        void anEventNameMayListAlternatives() {
            // the SDK is released with releaseAudio or unprepareSDK: the rules accept either
            Timeline t = timeline();
            t.record(Source.SYSTEM, "performEndCallAction", A);
            t.record(Source.SDK, "unprepareSDK", A);
            List<ExpectedEvent> rows = List.of(row(Source.SYSTEM, "performEndCallAction", A, ""),
                    row(Source.SDK, "releaseAudio|unprepareSDK", A, ""));
            assertThat(FlowMatch.of(rows, t.events()).matched()).extracting(Event::seq).containsExactly(1L, 2L);

            Timeline none = timeline();
            none.record(Source.SYSTEM, "performEndCallAction", A);
            none.record(Source.SDK, "stopAudio", A);
            FlowMatch m = FlowMatch.of(rows, none.events());
            assertThat(m.complete()).isFalse();
            assertThat(m.explain(HEADLINE, NAMES)).contains("Expected sdk releaseAudio|unprepareSDK call A after system "
                    + "performEndCallAction call A (#1), but no releaseAudio|unprepareSDK happened at all.");
        }

        @Test
        void anAlternativeIsAWholeValueNotAPart() {
            Timeline t = timeline();
            t.record(Source.APP, "reportCallEnded", A, "reason", "remoteEnded");
            assertThat(FlowMatch.of(List.of(row(Source.APP, "reportCallEnded", A, "reason=remote|Ended")), t.events())
                    .complete()).isFalse();
            assertThat(FlowMatch.of(List.of(row(Source.APP, "reportCallEnded", A, "reason=failed")), t.events())
                    .complete()).isFalse();
        }

        @Test
        void aMissingAttributeMatchesNoAlternative() {
            Timeline t = timeline();
            t.record(Source.APP, "reportCallEnded", A);
            assertThat(FlowMatch.of(List.of(row(Source.APP, "reportCallEnded", A, "reason=failed|unanswered")), t.events())
                    .complete()).isFalse();
        }

        @Test
        void aBlankAlternativeIsRejected() {
            assertThatIllegalArgumentException().isThrownBy(() -> ExpectedEvent.parseAttributes("reason=failed|"))
                    .withMessageContaining("blank alternative");
            assertThatIllegalArgumentException().isThrownBy(() -> ExpectedEvent.parseAttributes("reason=|failed"))
                    .withMessageContaining("blank alternative");
        }
    }

    @Nested
    class CallScopedRows {
        private Timeline twoCalls() {
            Timeline t = timeline();
            t.record(Source.SYSTEM, "performEndCallAction", B);
            t.record(Source.SDK, "releaseAudio", B);
            t.record(Source.SYSTEM, "performEndCallAction", A);
            t.record(Source.SDK, "releaseAudio", A);
            return t;
        }

        @Test
        void aRowForOneCallSkipsTheSameEventOfAnotherCall() {
            FlowMatch m = FlowMatch.of(List.of(
                    row(Source.SYSTEM, "performEndCallAction", A, ""),
                    row(Source.SDK, "releaseAudio", A, "")), twoCalls().events());

            assertThat(m.complete()).isTrue();
            assertThat(m.matched()).extracting(Event::seq).containsExactly(3L, 4L);
            assertThat(m.matched()).extracting(Event::call).containsOnly(A);
        }

        @Test
        void aRowWithoutACallMatchesTheFirstEventOfAnyCall() {
            FlowMatch m = FlowMatch.of(List.of(ExpectedEvent.named("releaseAudio")), twoCalls().events());
            assertThat(m.matched()).extracting(Event::call).containsExactly(B);
        }

        @Test
        void onlyAnotherCallsEventIsReportedAsDiffering() {
            Timeline t = timeline();
            t.record(Source.SYSTEM, "performEndCallAction", A);
            t.record(Source.SDK, "releaseAudio", B);
            FlowMatch m = FlowMatch.of(List.of(
                    row(Source.SYSTEM, "performEndCallAction", A, ""),
                    row(Source.SDK, "releaseAudio", A, "")), t.events());

            assertThat(m.complete()).isFalse();
            // the differing event names its call: without it, "every releaseAudio differed" would not say why
            assertThat(m.explain(HEADLINE, NAMES)).contains("but every releaseAudio differed: [#2 +2.000 ms sdk releaseAudio call B].");
        }
    }

    @Nested
    class ParseAttributes {
        @Test
        void blankOrMissingCellsHaveNoAttributes() {
            assertThat(ExpectedEvent.parseAttributes(null)).isEmpty();
            assertThat(ExpectedEvent.parseAttributes("   ")).isEmpty();
        }

        @Test
        void pairsAreSplitOnCommasAndKeepTheirOrder() {
            assertThat(ExpectedEvent.parseAttributes("reason=remoteEnded, result=ok"))
                    .containsExactly(entry("reason", "remoteEnded"), entry("result", "ok"));
            assertThat(ExpectedEvent.parseAttributes("topic=com.example.callapp.voip,pushType=voip"))
                    .containsExactly(entry("topic", "com.example.callapp.voip"), entry("pushType", "voip"));
        }

        @Test
        void aValueMayHoldCommasWhenNoKeyFollowsThem() {
            assertThat(ExpectedEvent.parseAttributes("options=answer,decline, lockScreen=true"))
                    .containsExactly(entry("options", "answer,decline"), entry("lockScreen", "true"));
            assertThat(ExpectedEvent.parseAttributes("options=answer, decline"))
                    .containsExactly(entry("options", "answer, decline"));
        }

        @Test
        void spacesAroundKeysAndValuesAreTrimmedAndValuesMayHoldEquals() {
            assertThat(ExpectedEvent.parseAttributes("  why = a=b ,result=ok "))
                    .containsExactly(entry("why", "a=b"), entry("result", "ok"));
        }

        @Test
        void aCellThatIsNotKeyEqualsValueIsRejectedWithAnExample() {
            assertThatIllegalArgumentException().isThrownBy(() -> ExpectedEvent.parseAttributes("remoteEnded"))
                    .withMessage("Attribute 'remoteEnded' must read key=value, e.g. reason=remoteEnded");
            assertThatIllegalArgumentException().isThrownBy(() -> ExpectedEvent.parseAttributes("result=ok, reason="))
                    .withMessage("Attribute 'reason=' must read key=value, e.g. reason=remoteEnded");
            assertThatIllegalArgumentException().isThrownBy(() -> ExpectedEvent.parseAttributes("=ok"))
                    .withMessage("Attribute '=ok' must read key=value, e.g. reason=remoteEnded");
        }
    }

    /** What a failed flow leads with, and what its observed column shows. */
    @Nested
    class Causes {
        @Test
        void theObservedColumnShowsAttributesSoEventsOfOneNameAreToldApart() {
            Timeline t = timeline();
            t.record(Source.SIGNALLING, "serverEvent", A, "type", "offer", "caller", "alice");
            t.record(Source.SIGNALLING, "serverEvent", A, "type", "remoteHangup", "note", "x".repeat(200));
            String text = FlowMatch.of(List.of(row(Source.SIGNALLING, "serverEvent", A, "type=offer"),
                    row(Source.SIGNALLING, "serverEvent", A, "type=cancel")), t.events()).explain(HEADLINE, NAMES);
            assertThat(text).contains("| #1    +    1.000 ms  signalling serverEvent call A {type=offer, caller=alice}\n")
                    .contains("| #2    +    2.000 ms  signalling serverEvent call A {type=remoteHangup, note=" + "x".repeat(31) + "…}");
            assertThat(text.lines().filter(l -> l.contains("| #"))).allMatch(l -> l.length() < 200, "no row longer than 200 characters");
        }

        @Test
        void aKillTheScenarioOrderedIsNoCause() {
            Timeline t = timeline();
            t.record(Source.SYSTEM, Level.ERROR, "appTerminated", null, Timeline.attrs("reason", "killed"));
            t.record(Source.SYSTEM, Level.ERROR, "appTerminated", null, Timeline.attrs("reason", "userForceQuit"));
            t.record(Source.SDK, "startAudio", A, "result", "failed", "error", "561145187");
            assertThat(FailureCauses.firstFailure(t.events(), A)).map(Event::name).contains("startAudio");
            assertThat(FailureCauses.isFailure(t.events().get(0))).as("a kill by the scenario's own step").isFalse();
        }

        @Test
        void theFirstFailureOfAnExpectedKindLeadsTheMessage() {
            Timeline t = answerFlow();
            t.record(Source.SDK, "startAudio", B, "result", "failed", "error", "561145187");
            List<ExpectedEvent> rows = new ArrayList<>(answerRows());
            rows.add(row(Source.SDK, "startAudio", B, "result=ok"));
            String text = FlowMatch.of(rows, t.events()).explain(HEADLINE, NAMES);
            assertThat(text).startsWith("First failure: #10 +10.000 ms sdk startAudio call B result=failed error=561145187\n"
                    + HEADLINE + "\n");
        }

        @Test
        void theImplementationsVerdictLeadsTheMessage() {
            Timeline t = timeline();
            t.record(Source.USER, "userTappedAnswer", A, "lockScreen", "false");
            t.record(Source.APP, "iutHung", null, "detail", "no done", "where", "provider(_:perform:) (performAnswerCallAction)",
                    "waited", "10000ms");
            t.record(Source.SYSTEM, "appTerminated", null, "reason", "crash", "exception", "iutHung", "detail", "iutHung: …");
            String text = FlowMatch.of(List.of(row(Source.USER, "userTappedAnswer", A, ""),
                    row(Source.APP, "fulfill", A, "action=answer")), t.events()).explain(HEADLINE, NAMES);
            assertThat(text).startsWith("The implementation hung in its handler for provider(_:perform:) "
                    + "(performAnswerCallAction) for 10000 ms (--hang-guard) at +2.000 ms, so the wait for the expected flow "
                    + "failed.\n" + HEADLINE + "\n");
        }

        @Test
        void withoutAFailureTheHeadlineComesFirst() {
            Timeline t = answerFlow();
            List<ExpectedEvent> rows = new ArrayList<>(answerRows());
            rows.add(row(Source.SDK, "stopAudio", A, ""));
            assertThat(FlowMatch.of(rows, t.events()).explain(HEADLINE, NAMES)).startsWith(HEADLINE + "\n");
        }
    }
}
