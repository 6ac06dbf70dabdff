package dev.callflow.iut.external;

import dev.callflow.iut.external.ExampleConformance.ExampleMutant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

/**
 * The "any implementation under test" proof: the whole suite, in this JVM, against the Python reference IUT
 * (examples/python-iut/app.py over callflow-iut/2) passes; each Python mutant (src/test/resources/python-mutants) is
 * killed, for the right reason. Each mutant runs only the scenarios tagged with the flows it breaks. The checks are
 * {@link ExampleConformance}'s, the same for every example.
 */
class PythonIutTest {
    /** The Python interpreter itself, not a shim in front of it; the fault IUTs use it too. */
    static final String PYTHON = ExampleRuns.PYTHON.runtime();

    static Stream<ExampleMutant> mutants() {
        return ExampleConformance.mutants();
    }

    @Test
    void thePythonReferencePassesTheWholeSuite() {
        ExampleConformance.passesTheWholeSuite(ExampleRuns.PYTHON);
    }

    @Test
    void everyPythonMutantFileIsListed() {
        ExampleConformance.hasEveryMutantAndNoOther(ExampleRuns.PYTHON);
    }

    @ParameterizedTest(name = "python mutant {0} is killed")
    @MethodSource("mutants")
    void everyPythonMutantIsKilled(ExampleMutant mutant) {
        ExampleConformance.isKilled(ExampleRuns.PYTHON, mutant);
    }
}
