package dev.callflow.mutants;

import dev.callflow.harness.HarnessSettings;
import dev.callflow.mutants.ScenarioOutcomePlugin.Outcome;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Runs the whole Gherkin suite in this JVM through Cucumber's CLI, as {@code ./callflow run} does, against one IUT
 * spec ({@code reference}, {@code mutant:<name>} or a command line), and returns every scenario's outcome.
 *
 * <p>The glue reads {@code callflow.*} system properties once per run in its {@code @BeforeAll} and stops its servers
 * in {@code @AfterAll}, so consecutive runs in this JVM each start fresh servers. Surefire runs test classes one after
 * another, so these runs never overlap with {@code RunCucumberTest}.
 */
public final class InProcessSuite {
    public static final Path HOME = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();

    private InProcessSuite() { }

    /** One run: the IUT, the tag filter ({@code null}: all), every scenario's outcome and the wall time. */
    public record Run(String iut, String tags, List<Outcome> outcomes, long millis) {
        public List<Outcome> failed() {
            return outcomes.stream().filter(Outcome::failed).toList();
        }
    }

    /** Runs the suite (restricted to {@code tags} when not null) against {@code iut}; reports go to {@code dir}. */
    public static Run run(String iut, Path dir, String tags) {
        Path outcomes = dir.resolve("outcomes.json");
        deleteRecursively(dir);
        List<String> argv = new ArrayList<>(List.of(
                "--glue", "dev.callflow.steps",
                "--threads", "2",
                "--plugin", ScenarioOutcomePlugin.class.getName() + ":" + outcomes,
                "--tags", "not @wip" + (tags == null ? "" : " and " + tags),
                "--monochrome",
                HOME.resolve("features").toString()));
        Map<String, String> saved = new LinkedHashMap<>();
        for (String key : List.of(HarnessSettings.IUT, HarnessSettings.REPORTS, HarnessSettings.HOME, "cucumber.publish.quiet")) {
            saved.put(key, System.getProperty(key));
        }
        long t0 = System.nanoTime();
        try {
            System.setProperty(HarnessSettings.IUT, iut);
            System.setProperty(HarnessSettings.REPORTS, dir.toString());
            System.setProperty(HarnessSettings.HOME, HOME.toString());
            System.setProperty("cucumber.publish.quiet", "true");
            io.cucumber.core.cli.Main.run(argv.toArray(String[]::new), Thread.currentThread().getContextClassLoader());
        } finally {
            saved.forEach((k, v) -> {
                if (v == null) {
                    System.clearProperty(k);
                } else {
                    System.setProperty(k, v);
                }
            });
        }
        long millis = (System.nanoTime() - t0) / 1_000_000;
        try {
            return new Run(iut, tags, ScenarioOutcomePlugin.read(outcomes), millis);
        } catch (IOException e) {
            throw new UncheckedIOException("The run against " + iut + " left no readable " + outcomes, e);
        }
    }

    public static String describe(List<Outcome> outcomes) {
        return outcomes.stream().map(o -> "--- " + o.status() + " " + o.name() + " (" + shortUri(o) + ":" + o.line() + ") "
                + o.errorClass() + "\n" + o.message()).collect(Collectors.joining("\n"));
    }

    public static String shortUri(Outcome o) {
        return o.uri().substring(o.uri().lastIndexOf('/') + 1);
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
