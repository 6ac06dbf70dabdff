package dev.callflow.iut.external;

import dev.callflow.harness.RunResult;
import dev.callflow.harness.ScenarioOutcome;
import dev.callflow.harness.VerdictRow;
import dev.callflow.testing.Runs;
import org.assertj.core.api.SoftAssertions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@link PythonIutTest} and {@link JsIutTest} prove of their example, in one place: the whole suite passes
 * against the example app with no undeclared rule violation, and each of the example's mutants is killed for the right
 * reason. Every example has the same mutants, one file each in its own language ({@link #MUTANTS}).
 */
final class ExampleConformance {
    private ExampleConformance() { }

    /** A mutant every example has: its file's name (no extension), the rule it breaks, the tags of the flows it breaks. */
    record ExampleMutant(String file, String rule, String tags, List<MustFail> mustFail) {
        @Override
        public String toString() {
            return file;
        }
    }

    /** A scenario the mutant must fail, and fragments its failure message must name. */
    record MustFail(String scenario, List<String> fragments) {
        static MustFail of(String scenario, String... fragments) {
            return new MustFail(scenario, List.of(fragments));
        }
    }

    private static final String ANSWER_UNLOCKED = "Answer on the system call UI with the phone unlocked";

    /**
     * The mutants of every example, each a minimal change of the app drawn from a real bug of CALLKIT-RULES.md section
     * 3. The last three close escapes the suite once had: two pushes in flight (R-PUSH-3), an end for a call of an
     * earlier launch (R-TX-6), and an end handler that also ends the other calls (R-MULTI-1).
     */
    static final List<ExampleMutant> MUTANTS = List.of(
            new ExampleMutant("start_audio_in_answer", "R-AUD-2", "@R-AUD-2", List.of(
                    MustFail.of(ANSWER_UNLOCKED, "sdk configAudio call A", "happened out of order", "sdk startAudio call A"),
                    MustFail.of("Answer on the lock screen keeps the system call UI and still starts media after activation",
                            "every startAudio differed", "result=failed", "no active audio session"))),
            new ExampleMutant("release_before_perform_end", "R-END-2", "@R-END-2", List.of(
                    MustFail.of("Hang up in the app goes through a transaction before anything is released",
                            "Expected no releaseAudio for call A before", "performEndCallAction"),
                    MustFail.of("The user cancels an outgoing call before it connects",
                            "Expected no releaseAudio for call B before", "performEndCallAction"))),
            new ExampleMutant("skip_push_report", "R-PUSH-1", "@R-PUSH-1", List.of(
                    MustFail.of("A killed app is cold-launched by a VoIP push and reports the call before returning",
                            "no reportNewIncomingCall happened at all", "system pushNotReported call A",
                            "appTerminated reason=pushNotReported exception=NSInternalInconsistencyException"),
                    MustFail.of("A suspended app in the background is woken by a VoIP push",
                            "no reportNewIncomingCall happened at all", "system pushNotReported call A"))),
            new ExampleMutant("fulfill_twice", "R-TX-1", "@R-TX-1", List.of(
                    MustFail.of(ANSWER_UNLOCKED, "R-TX-1", "fulfill", "duplicate=true"))),
            new ExampleMutant("activate_audio_session", "R-AUD-1", "@flow-answer", List.of(
                    MustFail.of(ANSWER_UNLOCKED, "no didActivateAudioSession happened at all",
                            "the app activated the session itself", "(R-AUD-1)"))),
            new ExampleMutant("forget_remote_end_report", "R-END-1", "@R-END-1", List.of(
                    MustFail.of("The remote party hangs up a connected incoming call",
                            "Expected system callEnded call A", "no callEnded happened at all",
                            "R-END-1 violated", "remote remoteHangup never reported to CallKit"),
                    MustFail.of("The caller cancels before the user answers",
                            "Expected system callEnded call A", "no callEnded happened at all",
                            "R-END-1 violated", "remote cancel never reported to CallKit"))),
            new ExampleMutant("shared_push_completion_slot", "R-PUSH-3", "@R-PUSH-3", List.of(
                    MustFail.of("Two VoIP pushes for different calls reach the phone together: each push's completion is called "
                                    + "for its own call",
                            "Expected app pushCompletion call A", "every pushCompletion differed", "app pushCompletion call B"))),
            new ExampleMutant("ignore_end_for_unknown_call", "R-TX-6", "@R-TX-6", List.of(
                    MustFail.of("The system ends a call left over from an earlier launch, which the app does not know: it still "
                                    + "completes the end action",
                            "R-TX-6 violated", "was left pending until it timed out"))),
            new ExampleMutant("end_others_after_fulfil", "R-MULTI-1", "@R-MULTI-1", List.of(
                    MustFail.of("Declining the second call leaves the connected call's audio untouched",
                            "Expected no stopAudio", "sdk stopAudio"),
                    MustFail.of("Hold & Accept holds A and hands the SDK to B; ending B on this phone resumes A",
                            "Expected system performSetHeldCallAction call A {onHold=false, origin=otherCallEnded}"))));

    static Stream<ExampleMutant> mutants() {
        return MUTANTS.stream();
    }

    /**
     * The whole suite, unchanged, against the example app: every scenario of every flow and fault family passes through
     * the protocol, as it does against the embedded reference app, and no rule fires a violation no scenario declared.
     */
    static void passesTheWholeSuite(ExampleRuns.Example example) {
        RunResult run = ExampleRuns.whole(example).run(); // its traffic: ProtocolSchemaTest
        System.out.printf("%s example IUT: %d scenarios in %.1f s%n", example, run.scenarios().size(), run.wallMillis() / 1000.0);

        assertThat(run.scenarios()).as("scenarios run against the %s example", example).hasSizeGreaterThan(100);
        assertThat(run.failed()).as("false alarms against the %s example\n%s", example, ScenarioOutcome.describe(run.failed()))
                .isEmpty();
        assertThat(run.verdicts()).as("rule violations no scenario declared, against the %s example", example)
                .filteredOn(v -> v.outcome().equals("violated") && !v.declared()).isEmpty();
    }

    /**
     * The mutant, run on the scenarios of its tags: some fail, all with conformance failures (never a harness fault),
     * its own rule fires undeclared, and each must-fail scenario fails naming what it should.
     */
    static void isKilled(ExampleRuns.Example example, ExampleMutant mutant) {
        example.assumeRunnable();
        RunResult run = Runs.run(example.mutantIut(mutant.file()), null, mutant.tags());
        System.out.printf("%s mutant %s: %d/%d scenarios failed (%s) in %.1f s; rules fired undeclared: %s%n", example, mutant,
                run.failed().size(), run.scenarios().size(), mutant.tags(), run.wallMillis() / 1000.0,
                run.fired().stream().filter(VerdictRow::firedUndeclared).map(VerdictRow::rule)
                        .collect(Collectors.toCollection(TreeSet::new)));

        assertThat(run.failed()).as("scenarios that fail against %s mutant %s", example, mutant).isNotEmpty();
        assertThat(run.failed()).as("every failure should be a conformance failure, not a harness fault\n%s",
                ScenarioOutcome.describe(run.failed())).allMatch(ScenarioOutcome::conformanceFailure);
        assertThat(run.fired()).as("the always-on rule %s, which %s mutant %s was written to break, fires undeclared",
                mutant.rule(), example, mutant).anyMatch(v -> v.rule().equals(mutant.rule()) && v.firedUndeclared());
        SoftAssertions soft = new SoftAssertions();
        for (MustFail m : mutant.mustFail()) {
            Optional<ScenarioOutcome> o = run.scenarios().stream().filter(x -> x.name().equals(m.scenario())).findFirst();
            if (o.isEmpty()) {
                soft.fail("'%s' did not run against %s (tags %s)", m.scenario(), mutant, mutant.tags());
                continue;
            }
            soft.assertThat(o.get().status()).as("status of '%s' against %s", m.scenario(), mutant).isEqualTo("FAILED");
            for (String f : m.fragments()) {
                soft.assertThat(o.get().message()).as("failure of '%s' against %s should name %s", m.scenario(), mutant, f)
                        .contains(f);
            }
        }
        soft.assertAll();
    }

    /** The example's mutant folder holds exactly the listed mutants, so a new mutant file cannot go unchecked. */
    static void hasEveryMutantAndNoOther(ExampleRuns.Example example) {
        TreeSet<String> files = new TreeSet<>();
        try (Stream<Path> list = Files.list(Runs.HOME.resolve(example.mutants()))) {
            list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith("." + example.extension()) && !n.startsWith("_"))
                    .map(n -> n.substring(0, n.length() - example.extension().length() - 1)).forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(files).as("mutants in %s", example.mutants())
                .isEqualTo(MUTANTS.stream().map(ExampleMutant::file).collect(Collectors.toCollection(TreeSet::new)));
    }
}
