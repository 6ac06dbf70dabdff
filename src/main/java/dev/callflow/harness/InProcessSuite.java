package dev.callflow.harness;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.callflow.harness.ScenarioOutcomePlugin.Outcome;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
 * Runs the Gherkin suite in this JVM through Cucumber's CLI, as {@code ./callflow run} does, against one IUT spec
 * ({@code reference}, {@code mutant:<name>} or a command line), and returns every scenario's outcome and every rule's
 * verdict ({@code rule-verdicts.jsonl}). Shared by the mutant kill test, the Python IUT test and
 * {@code ./callflow kill-matrix}.
 *
 * <p>The glue reads {@code callflow.*} system properties once per run in its {@code @BeforeAll} and stops its servers
 * in {@code @AfterAll}, so consecutive runs in this JVM each start fresh servers. Runs must not overlap: this class
 * sets system properties for the duration of a run.
 */
public final class InProcessSuite {
    /** The project home: {@code callflow.home} (the CLI), else Maven's {@code basedir} (Surefire), else the working directory. */
    public static final Path HOME = Path.of(System.getProperty(HarnessSettings.HOME, System.getProperty("basedir", ".")))
            .toAbsolutePath().normalize();

    private static final ObjectMapper JSON = new ObjectMapper();

    private InProcessSuite() { }

    /**
     * One row of {@code rule-verdicts.jsonl}: what one rule said about one scenario; {@code declared} when the scenario
     * breaks the rule on purpose ({@code Then rule R-… is violated}).
     */
    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
    public record Verdict(String feature, String scenario, int line, String rule, String outcome, int findings,
                          boolean declared, List<String> messages) {
        /** Violated or warning. */
        public boolean fired() {
            return outcome.equals("violated") || outcome.equals("warning");
        }

        /** Fired, and not because the scenario declared it breaks the rule on purpose. */
        public boolean firedUndeclared() {
            return fired() && !declared;
        }
    }

    /** One run: the IUT, the tag filter ({@code null}: all), every scenario's outcome, every rule verdict and the wall time. */
    public record Run(String iut, String tags, List<Outcome> outcomes, List<Verdict> verdicts, long millis) {
        public List<Outcome> failed() {
            return outcomes.stream().filter(Outcome::failed).toList();
        }

        /** The verdicts that fired (violated or warning). */
        public List<Verdict> fired() {
            return verdicts.stream().filter(Verdict::fired).toList();
        }
    }

    /** Runs the suite (restricted to {@code tags} when not null) against {@code iut} with 2 threads; reports go to {@code dir}. */
    public static Run run(String iut, Path dir, String tags) {
        return run(iut, dir, tags, 2);
    }

    /** Runs the suite (restricted to {@code tags} when not null) against {@code iut}; reports go to {@code dir}. */
    public static Run run(String iut, Path dir, String tags, int threads) {
        return run(iut, dir, tags, threads, HOME.resolve("features"));
    }

    /**
     * Runs the features under {@code features} (a directory or a file; the suite is {@code features/}) restricted to
     * {@code tags} when not null, against {@code iut}; reports go to {@code dir}.
     */
    public static Run run(String iut, Path dir, String tags, int threads, Path features) {
        Path outcomes = dir.resolve("outcomes.json");
        deleteRecursively(dir);
        List<String> argv = new ArrayList<>(List.of(
                "--glue", "dev.callflow.steps",
                "--threads", String.valueOf(threads),
                "--plugin", ScenarioOutcomePlugin.class.getName() + ":" + outcomes,
                "--tags", "not @wip" + (tags == null ? "" : " and (" + tags + ")"),
                "--monochrome",
                features.toString()));
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
            return new Run(iut, tags, ScenarioOutcomePlugin.read(outcomes), readVerdicts(dir.resolve("rule-verdicts.jsonl")), millis);
        } catch (IOException e) {
            throw new UncheckedIOException("The run against " + iut + " left no readable " + outcomes, e);
        }
    }

    /** Reads a run's {@code rule-verdicts.jsonl}; a run that judged nothing (no scenario ran) has none. */
    public static List<Verdict> readVerdicts(Path file) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<Verdict> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                rows.add(JSON.readValue(line, Verdict.class));
            }
        }
        return List.copyOf(rows);
    }

    public static String describe(List<Outcome> outcomes) {
        return outcomes.stream().map(o -> "--- " + o.status() + " " + o.name() + " (" + shortUri(o) + ":" + o.line() + ") "
                + o.errorClass() + "\n" + o.message()).collect(Collectors.joining("\n"));
    }

    public static String shortUri(Outcome o) {
        return o.uri().substring(o.uri().lastIndexOf('/') + 1);
    }

    /** Removes a reports folder and everything in it (nothing when it does not exist). */
    public static void deleteRecursively(Path dir) {
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
