package dev.callflow.iut;

import dev.callflow.iut.mutants.Mutant;
import dev.callflow.iut.mutants.Mutants;
import dev.callflow.iut.reference.ReferenceApp;

import java.util.stream.Collectors;

/** Resolves an IUT spec: {@code reference} (the embedded app) or {@code mutant:<name>}. */
public final class ImplementationsUnderTest {
    private ImplementationsUnderTest() { }

    public static AppFactory resolve(String spec) {
        String s = spec == null ? "reference" : spec.trim();
        if (s.isEmpty() || s.equals("reference")) {
            return AppFactory.configurable(ReferenceApp::new);
        }
        if (s.startsWith("mutant:")) {
            String name = s.substring("mutant:".length());
            return Mutants.named(name).map(Mutant::factory).orElseThrow(() -> new IllegalArgumentException(
                    "Unknown mutant '" + name + "'; known mutants: "
                            + Mutants.all().stream().map(Mutant::name).collect(Collectors.joining(", "))));
        }
        throw new IllegalArgumentException("Unknown implementation under test '" + spec
                + "'; use 'reference' or 'mutant:<name>' (external processes come with the IUT protocol)");
    }
}
