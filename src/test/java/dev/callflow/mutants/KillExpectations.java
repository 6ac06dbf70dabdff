package dev.callflow.mutants;

import dev.callflow.harness.ScenarioOutcome;
import org.assertj.core.api.SoftAssertions;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The kill matrix, precisely, for the first three mutants: which scenarios must fail and what their failure messages
 * must say, so that a mutant killed for the wrong reason (a harness fault, a vague timeout) does not count. For every
 * other mutant the criterion is that its own rule fires ({@link dev.callflow.harness.KillMatrix.Row#ok()}).
 */
final class KillExpectations {
    private KillExpectations() { }

    /** A scenario that must fail, and fragments its failure message must contain. */
    record MustFail(String scenario, List<String> messageContains) {
        MustFail(String scenario, String... fragments) {
            this(scenario, List.of(fragments));
        }
    }

    /**
     * A scenario one would expect to kill the mutant but which passes against it, and why. Reported in the kill
     * matrix, not asserted: it is a gap in the suite, not in this test.
     */
    record KnownGap(String scenario, String why) { }

    record Expectation(List<MustFail> mustFail, List<KnownGap> gaps) { }

    private static final String ANSWER_UNLOCKED = "Answer on the system call UI with the phone unlocked";
    private static final String ANSWER_LOCKED =
            "Answer on the lock screen keeps the system call UI and still starts media after activation";
    private static final String OUTGOING_ANSWERED = "The callee answers an outgoing call";
    private static final String PUSH_ANSWER_LOCKED = "A killed app woken by a push lets the user answer on the lock screen";
    private static final String PUSH_COLD = "A killed app is cold-launched by a VoIP push and reports the call before returning";
    private static final String PUSH_SUSPENDED = "A suspended app in the background is woken by a VoIP push";
    private static final String SEED_SAMPLE = "Answer, then hang up in the app: the flow of the seed's sample log";
    private static final String HANG_UP_TX = "Hang up in the app goes through a transaction before anything is released";
    private static final String CANCEL_OUTGOING = "The user cancels an outgoing call before it connects";

    private static final Map<String, Expectation> BY_MUTANT = Map.of(
            "start-audio-in-answer", new Expectation(List.of(
                    // configAudio/startAudio run inside performAnswerCallAction, before didActivateAudioSession
                    new MustFail(ANSWER_UNLOCKED, "sdk configAudio call A", "happened out of order",
                            "came before it", "sdk startAudio call A"),
                    // startAudio before activation fails in the SDK: the message shows the SDK's own error
                    new MustFail(ANSWER_LOCKED, "every startAudio differed", "result=failed", "no active audio session"),
                    new MustFail(PUSH_ANSWER_LOCKED, "startAudio", "didActivateAudioSession"),
                    // the mutant's no-op startMedia also leaves outgoing calls without media: a second, collateral kill
                    new MustFail(OUTGOING_ANSWERED, "but no startAudio happened at all")),
                    List.of()),
            "release-before-perform-end", new Expectation(List.of(
                    // the seed's order, asked of every implementation through what a phone shows: no release before
                    // the system's performEndCallAction (the log-word order is the reference app's own diagnostic)
                    new MustFail(SEED_SAMPLE, "Expected no releaseAudio for call A before", "performEndCallAction",
                            "sdk releaseAudio"),
                    new MustFail(HANG_UP_TX, "Expected no releaseAudio for call A before", "performEndCallAction",
                            "sdk releaseAudio"),
                    new MustFail(CANCEL_OUTGOING, "Expected no releaseAudio for call B before", "performEndCallAction")),
                    List.of()),
            "skip-push-report", new Expectation(List.of(
                    new MustFail(PUSH_COLD, "Expected app reportNewIncomingCall call A", "no reportNewIncomingCall happened at all",
                            "Errors on the timeline:", "system pushNotReported call A",
                            "system appTerminated reason=pushNotReported exception=NSInternalInconsistencyException"),
                    new MustFail(PUSH_SUSPENDED, "Expected app reportNewIncomingCall call A", "no reportNewIncomingCall happened at all",
                            "Errors on the timeline:", "system pushNotReported call A",
                            "system appTerminated reason=pushNotReported exception=NSInternalInconsistencyException"),
                    new MustFail(PUSH_ANSWER_LOCKED, "incoming-call UI", "pushNotReported",
                            "appTerminated reason=pushNotReported exception=NSInternalInconsistencyException")),
                    List.of()));

    static Optional<Expectation> of(String mutant) {
        return Optional.ofNullable(BY_MUTANT.get(mutant));
    }

    /** Checks every must-fail scenario of the mutant, if it has precise expectations, reporting all misses at once. */
    static void check(String mutant, List<ScenarioOutcome> outcomes) {
        if (of(mutant).isEmpty()) {
            return;
        }
        SoftAssertions soft = new SoftAssertions();
        for (MustFail m : of(mutant).get().mustFail()) {
            Optional<ScenarioOutcome> o = outcomes.stream().filter(x -> x.name().equals(m.scenario())).findFirst();
            if (o.isEmpty()) {
                soft.fail("Scenario '%s' did not run against mutant %s (renamed, or outside its tags?); ran: %s",
                        m.scenario(), mutant, outcomes.stream().map(ScenarioOutcome::name).toList());
                continue;
            }
            soft.assertThat(o.get().status()).as("status of '%s' against mutant %s", m.scenario(), mutant).isEqualTo("FAILED");
            for (String fragment : m.messageContains()) {
                soft.assertThat(o.get().message())
                        .as("failure message of '%s' against mutant %s should contain %s", m.scenario(), mutant, fragment)
                        .contains(fragment);
            }
        }
        soft.assertAll();
    }
}
