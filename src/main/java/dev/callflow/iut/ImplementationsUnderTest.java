package dev.callflow.iut;

import dev.callflow.iut.external.ExternalIuts;
import dev.callflow.iut.mutants.Mutant;
import dev.callflow.iut.mutants.Mutants;
import dev.callflow.iut.reference.ReferenceApp;
import dev.callflow.iut.variants.Variant;
import dev.callflow.iut.variants.Variants;
import dev.callflow.platform.AppFactory;

import java.util.stream.Collectors;

/**
 * Resolves an IUT spec: {@code reference} (the embedded app), {@code mutant:<name>}, {@code variant:<name>} (a correct
 * implementation that makes other allowed choices, see {@link Variants}), a command line for an external
 * process ({@code python3 examples/python-iut/app.py}) or {@code tcp-listen:HOST:PORT}; see docs/iut-protocol.md.
 */
public final class ImplementationsUnderTest {
    private ImplementationsUnderTest() { }

    /**
     * Checks a spec without starting anything: the in-JVM kinds resolve; an external one must name a program that
     * exists (relative to {@code workingDir} or on the PATH), or a loopback {@code tcp-listen:HOST:PORT}.
     */
    public static void validate(String spec, java.nio.file.Path workingDir) {
        if (spec != null && ExternalIuts.isExternal(spec.trim())) {
            ExternalIuts.validate(spec.trim(), workingDir);
            return;
        }
        resolve(spec, null);
    }

    public static AppFactory resolve(String spec, ExternalIuts externals) {
        String s = spec == null ? "reference" : spec.trim();
        if (ExternalIuts.isExternal(s)) {
            if (externals == null) {
                throw new IllegalStateException("External implementations need the run's ExternalIuts");
            }
            return externals.factory(s);
        }
        if (s.isEmpty() || s.equals("reference")) {
            return AppFactory.configurable(ReferenceApp::new);
        }
        if (s.startsWith("mutant:")) {
            String name = s.substring("mutant:".length());
            return Mutants.named(name).map(Mutant::factory).orElseThrow(() -> new IllegalArgumentException(
                    "Unknown mutant '" + name + "'; ./callflow mutants lists each with its rule and bug. Known mutants: "
                            + Mutants.all().stream().map(Mutant::name).collect(Collectors.joining(", "))));
        }
        if (s.startsWith("variant:")) {
            String name = s.substring("variant:".length());
            return Variants.named(name).map(Variant::factory).orElseThrow(() -> new IllegalArgumentException(
                    "Unknown variant '" + name + "'; ./callflow mutants --variants lists each with what it does differently. "
                            + "Known variants: " + variantNames()));
        }
        throw new IllegalArgumentException("Unknown implementation under test '" + spec
                + "'; use 'reference', 'mutant:<name>', 'variant:<name>' (" + variantNames() + "), a command line such as "
                + "\"python3 examples/python-iut/app.py\", or tcp-listen:127.0.0.1:PORT (see docs/iut-protocol.md)");
    }

    private static String variantNames() {
        return Variants.all().stream().map(Variant::name).collect(Collectors.joining(", "));
    }
}
