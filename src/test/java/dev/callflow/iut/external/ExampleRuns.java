package dev.callflow.iut.external;

import dev.callflow.harness.HarnessSettings;
import dev.callflow.harness.InProcessSuite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The whole suite against each example IUT, run once per test JVM with every session's traffic recorded
 * ({@link HarnessSettings#IUT_TRAFFIC}): {@link PythonIutTest} judges the run, {@link ProtocolSchemaTest} the traffic.
 * One run serves both, so the suite's longest job is not done twice.
 */
final class ExampleRuns {
    private static final Path OUT = InProcessSuite.HOME.resolve("target/example-iuts");
    private static final Map<String, Recorded> RUNS = new ConcurrentHashMap<>();

    /** An example implementation: a name for reports and the IUT spec that runs it. */
    record Example(String name, String iut) {
        @Override
        public String toString() {
            return name;
        }
    }

    record Recorded(InProcessSuite.Run run, Path traffic) { }

    private ExampleRuns() { }

    /** The Python example always; the JavaScript example once examples/js-iut/app.js exists. */
    static List<Example> examples() {
        List<Example> all = new ArrayList<>(List.of(new Example("python", PythonIutTest.REFERENCE)));
        if (Files.exists(InProcessSuite.HOME.resolve("examples/js-iut/app.js"))) {
            all.add(new Example("js", System.getProperty("callflow.node", "node") + " examples/js-iut/app.js"));
        }
        return all;
    }

    /** Runs the whole suite against {@code example} (once per JVM) and returns the run and its recorded traffic. */
    static synchronized Recorded whole(Example example) {
        Recorded done = RUNS.get(example.iut());
        if (done != null) {
            return done;
        }
        Path traffic = OUT.resolve(example.name()).resolve("traffic");
        deleteRecursively(traffic);
        System.setProperty(HarnessSettings.IUT_TRAFFIC, traffic.toString());
        InProcessSuite.Run run;
        try {
            run = InProcessSuite.run(example.iut(), OUT.resolve(example.name()).resolve("run"), null);
        } finally {
            System.clearProperty(HarnessSettings.IUT_TRAFFIC);
        }
        Recorded recorded = new Recorded(run, traffic);
        RUNS.put(example.iut(), recorded);
        return recorded;
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot clean " + dir, e);
        }
    }
}
