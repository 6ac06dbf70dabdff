package dev.callflow.iut.external;

import dev.callflow.harness.InProcessSuite;
import dev.callflow.harness.ScenarioOutcomePlugin.Outcome;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The "any implementation under test" proof: the whole suite, in this JVM, against the Python reference IUT
 * (examples/python-iut/app.py over callflow-iut/2) passes; each Python mutant (src/test/resources/python-mutants) is
 * killed, for the right reason. Each mutant runs only the scenarios tagged with the flows it breaks.
 */
class PythonIutTest {
    private static final Path OUT = InProcessSuite.HOME.resolve("target/python-iut");
    static final String PYTHON = System.getProperty("callflow.python", interpreter("python3"));
    static final String REFERENCE = "\"" + PYTHON + "\" examples/python-iut/app.py";

    /**
     * The interpreter itself ({@code sys.executable}), not a version manager's shim in front of it: the harness starts
     * a process per scenario, and a shim costs a second of each start on a loaded machine. Falls back to the command.
     */
    static String interpreter(String command) {
        try {
            Process p = new ProcessBuilder(command, "-c", "import sys; print(sys.executable)").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
            if (p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS) && p.exitValue() == 0 && !out.contains("\n")
                    && java.nio.file.Files.isExecutable(Path.of(out))) {
                return out;
            }
        } catch (java.io.IOException e) {
            // no such command: the tests that start it say so
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return command;
    }

    /** A Python mutant, the tags of the flows it breaks, and per must-fail scenario the fragments its message names. */
    record PyMutant(String file, String rule, String tags, List<MustFail> mustFail) {
        @Override
        public String toString() {
            return file;
        }
    }

    record MustFail(String scenario, List<String> fragments) {
        static MustFail of(String scenario, String... fragments) {
            return new MustFail(scenario, List.of(fragments));
        }
    }

    private static final String ANSWER_UNLOCKED = "Answer on the system call UI with the phone unlocked";

    static Stream<PyMutant> mutants() {
        return Stream.of(
                new PyMutant("start_audio_in_answer", "R-AUD-2", "@R-AUD-2", List.of(
                        MustFail.of(ANSWER_UNLOCKED, "sdk configAudio call A", "happened out of order", "sdk startAudio call A"),
                        MustFail.of("Answer on the lock screen keeps the system call UI and still starts media after activation",
                                "every startAudio differed", "result=failed", "no active audio session"))),
                new PyMutant("release_before_perform_end", "R-END-2", "@R-END-2", List.of(
                        MustFail.of("Hang up in the app goes through a transaction before anything is released",
                                "Expected no releaseAudio for call A before", "performEndCallAction"),
                        MustFail.of("The user cancels an outgoing call before it connects",
                                "Expected no releaseAudio for call B before", "performEndCallAction"))),
                new PyMutant("skip_push_report", "R-PUSH-1", "@R-PUSH-1", List.of(
                        MustFail.of("A killed app is cold-launched by a VoIP push and reports the call before returning",
                                "no reportNewIncomingCall happened at all", "system pushNotReported call A",
                                "appTerminated reason=pushNotReported exception=NSInternalInconsistencyException"),
                        MustFail.of("A suspended app in the background is woken by a VoIP push",
                                "no reportNewIncomingCall happened at all", "system pushNotReported call A"))),
                new PyMutant("fulfill_twice", "R-TX-1", "@R-TX-1", List.of(
                        MustFail.of(ANSWER_UNLOCKED, "R-TX-1", "fulfill", "duplicate=true"))),
                new PyMutant("activate_audio_session", "R-AUD-1", "@flow-answer", List.of(
                        MustFail.of(ANSWER_UNLOCKED, "no didActivateAudioSession happened at all",
                                "the app activated the session itself", "(R-AUD-1)"))),
                new PyMutant("forget_remote_end_report", "R-END-1", "@R-END-1", List.of(
                        MustFail.of("The remote party hangs up a connected incoming call",
                                "Expected app reportCallEnded call A", "no reportCallEnded happened at all"),
                        MustFail.of("The caller cancels before the user answers",
                                "Expected app reportCallEnded call A", "no reportCallEnded happened at all"))));
    }

    /**
     * The whole suite, unchanged, against the Python reference: every scenario of every flow and fault family must pass
     * through the protocol, as it does against the embedded reference app.
     */
    @Test
    void thePythonReferencePassesTheWholeSuite() {
        InProcessSuite.Run run = ExampleRuns.whole(ExampleRuns.examples().get(0)).run(); // its traffic: ProtocolSchemaTest
        System.out.printf("Python reference IUT: %d scenarios in %.1f s%n", run.outcomes().size(), run.millis() / 1000.0);

        assertThat(run.outcomes()).as("scenarios run against the Python reference").hasSizeGreaterThan(100);
        assertThat(run.failed()).as("false alarms against the Python reference\n%s", InProcessSuite.describe(run.failed()))
                .isEmpty();
    }

    @ParameterizedTest(name = "python mutant {0} is killed")
    @MethodSource("mutants")
    void everyPythonMutantIsKilled(PyMutant mutant) {
        String iut = "\"" + PYTHON + "\" src/test/resources/python-mutants/" + mutant.file() + ".py";
        InProcessSuite.Run run = InProcessSuite.run(iut, OUT.resolve(mutant.file()), mutant.tags());
        System.out.printf("Python mutant %s: %d/%d scenarios failed (%s) in %.1f s%n", mutant, run.failed().size(),
                run.outcomes().size(), mutant.tags(), run.millis() / 1000.0);

        assertThat(run.failed()).as("scenarios that fail against python mutant %s", mutant).isNotEmpty();
        assertThat(run.failed()).as("every failure should be a conformance failure, not a harness fault\n%s",
                InProcessSuite.describe(run.failed())).allMatch(Outcome::conformanceFailure);
        assertThat(run.fired()).as("the always-on rule %s, which python mutant %s was written to break, fires undeclared",
                mutant.rule(), mutant).anyMatch(v -> v.rule().equals(mutant.rule()) && v.firedUndeclared());
        SoftAssertions soft = new SoftAssertions();
        for (MustFail m : mutant.mustFail()) {
            Optional<Outcome> o = run.outcomes().stream().filter(x -> x.name().equals(m.scenario())).findFirst();
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
}
