package dev.callflow.iut.external;

import dev.callflow.iut.external.ExampleConformance.ExampleMutant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

/**
 * The second language: the whole suite, in this JVM, against the JavaScript example IUT (examples/js-iut/app.js on
 * Node, over callflow-iut/2) passes with no undeclared violation; each JavaScript mutant (src/test/resources/js-mutants)
 * is killed by its own rule, with conformance failures only. The checks are {@link ExampleConformance}'s, the same as
 * {@link PythonIutTest}'s. Without {@code node} on the PATH (or {@code -Dcallflow.node}) every test here is skipped,
 * saying so.
 */
class JsIutTest {
    static Stream<ExampleMutant> mutants() {
        return ExampleConformance.mutants();
    }

    @Test
    void theJavaScriptExamplePassesTheWholeSuite() {
        ExampleConformance.passesTheWholeSuite(ExampleRuns.JS);
    }

    @Test
    void everyJavaScriptMutantFileIsListed() {
        ExampleConformance.hasEveryMutantAndNoOther(ExampleRuns.JS);
    }

    @ParameterizedTest(name = "js mutant {0} is killed")
    @MethodSource("mutants")
    void everyJavaScriptMutantIsKilled(ExampleMutant mutant) {
        ExampleConformance.isKilled(ExampleRuns.JS, mutant);
    }
}
