package dev.callflow.runner;

import dev.callflow.harness.RunConfig;
import dev.callflow.harness.RunContext;
import dev.callflow.harness.RunResult;
import dev.callflow.report.AllureReport;
import dev.callflow.report.DiagramSvg;
import dev.callflow.report.RunReports;
import io.cucumber.core.feature.FeatureWithLines;
import io.cucumber.core.feature.GluePath;
import io.cucumber.core.options.RuntimeOptions;
import io.cucumber.core.options.RuntimeOptionsBuilder;
import io.cucumber.core.runtime.Runtime;
import io.cucumber.plugin.Plugin;
import io.cucumber.tagexpressions.TagExpressionParser;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Runs the Gherkin suite against one implementation under test, as {@link RunConfig} says, and returns what it found
 * as a {@link RunResult}. The one way a suite runs: {@code ./callflow run}, the kill matrix, and the tests all come
 * here.
 *
 * <p>Cucumber is configured from the config alone: no {@code cucumber.properties}, environment variable or system
 * property is read, and nothing is written to one. The run's servers and collectors live in a {@link RunContext} that
 * Cucumber's glue finds through the run's own {@link RunBinding} plugin (see {@link dev.callflow.harness.RunRegistry}),
 * so any number of runs can go on in one JVM at the same time. With a reports directory, the run writes its reports
 * there ({@link RunReports}, timelines, JUnit XML, Cucumber HTML, Allure results); without one it writes nothing.
 */
public final class SuiteRunner {
    /** The glue package: step definitions, hooks and parameter types. */
    public static final String GLUE = "dev.callflow.steps";
    /** How long a run waits, once its scenarios are done, for the sequence diagrams still being drawn. */
    static final Duration REPORT_WORK_BOUND = Duration.ofSeconds(120);

    private SuiteRunner() { }

    /**
     * @throws FeatureFiles.Unusable before anything starts, when a selected feature file does not parse or is in a
     *                               dialect this Cucumber cannot run: the input is wrong, so the CLI exits 2
     */
    public static RunResult run(RunConfig config) {
        FeatureFiles features = FeatureFiles.of(config.home(), config.features());
        features.check();
        List<FeatureFiles.Selected> selected = select(config, features);
        config.reportsDir().ifPresent(RunReports::clean);
        try (RunContext run = RunContext.open(config);
             InterruptHook interrupt = config.reportsDir().map(dir -> InterruptHook.arm(run, selected, dir)).orElse(null)) {
            List<Plugin> plugins = new ArrayList<>(List.of(new RunBinding(run)));
            config.reportsDir().ifPresent(dir -> {
                plugins.add(new AllureReport(dir.resolve("allure-results"), run));
                run.reportWork().warmUp(DiagramSvg::warmUp);
            });
            Runtime runtime = Runtime.builder()
                    .withRuntimeOptions(options(config, selected))
                    .withClassLoader(SuiteRunner::classLoader)
                    .withAdditionalPlugins(plugins.toArray(Plugin[]::new))
                    .build();
            RuntimeException crash = null;
            try {
                runtime.run();
            } catch (RuntimeException e) {
                crash = e;
            }
            run.reportWork().finish(REPORT_WORK_BOUND);
            if (interrupt != null && !interrupt.beginNormalEnd()) {
                return interrupt.interruptedResult();
            }
            reportUnfinished(run, selected, crash);
            RunResult result = run.result();
            config.reportsDir().ifPresent(dir -> {
                RunReports.publishCucumberReports(dir);
                RunReports.write(result, dir);
            });
            return result;
        }
    }

    /**
     * A selected scenario Cucumber never finished (it crashed before the scenario started, or stopped) becomes a
     * harness fault of its own, so no scenario can vanish from the run's result and reports.
     */
    static void reportUnfinished(RunContext run, List<FeatureFiles.Selected> selected, RuntimeException crash) {
        Set<String> finished = new HashSet<>();
        run.result().scenarios().forEach(o -> finished.add(key(o.uri(), o.line())));
        Throwable root = crash;
        while (root != null) {
            Throwable next = root.getCause() != null ? root.getCause()
                    : root.getSuppressed().length > 0 ? root.getSuppressed()[0] : null;
            if (next == null || next == root) {
                break;
            }
            root = next;
        }
        String cause = root == null ? "Cucumber ended the run without running it"
                : "Cucumber stopped with " + root.getClass().getName() + ": " + root.getMessage();
        for (FeatureFiles.Selected s : selected) {
            if (!finished.contains(key(s.file().toUri().toString(), s.line()))) {
                run.scenarioNeverFinished(s.file().toUri().toString(), s.line(), s.name(), s.tags(), cause);
            }
        }
    }

    static String key(String uri, int line) {
        String path;
        try {
            path = uri.startsWith("file:") ? Path.of(URI.create(uri)).toAbsolutePath().normalize().toString() : uri;
        } catch (IllegalArgumentException notAPath) {
            path = uri;
        }
        return path + ":" + line;
    }

    /**
     * The scenarios the run's tags and name select, narrowed to the lines its feature paths give and then to its
     * shard.
     */
    public static List<FeatureFiles.Selected> select(RunConfig config, FeatureFiles features) {
        List<FeatureFiles.Selected> selected = features.selected(config.tagExpression(), config.name()).stream()
                .filter(s -> !config.lines().containsKey(s.file()) || config.lines().get(s.file()).contains(s.line()))
                .toList();
        return config.shard().map(shard -> shard.of(selected, s -> shardKey(config, s), FeatureFiles.Selected::line))
                .orElse(selected);
    }

    /** The feature's path relative to the project home, with '/': the same on every machine. */
    private static String shardKey(RunConfig config, FeatureFiles.Selected s) {
        Path file = s.file().startsWith(config.home()) ? config.home().relativize(s.file()) : s.file();
        return file.toString().replace('\\', '/');
    }

    static RuntimeOptions options(RunConfig config, List<FeatureFiles.Selected> selected) {
        RuntimeOptionsBuilder o = new RuntimeOptionsBuilder()
                .addGlue(GluePath.parse(GLUE))
                .setThreads(config.threads())
                .addTagFilter(TagExpressionParser.parse(config.tagExpression()))
                .setMonochrome(config.monochrome());
        config.name().ifPresent(o::addNameFilter);
        if (config.shard().isEmpty() && config.lines().isEmpty()) {
            config.features().forEach(p -> o.addFeature(FeatureWithLines.parse(p.toString())));
        } else {
            // Exactly the selected scenarios, by line; a file none of whose scenarios is selected runs by a line
            // that holds none (0), so that an empty shard runs nothing rather than Cucumber's default of everything.
            Map<Path, Set<Integer>> lines = new LinkedHashMap<>();
            config.features().forEach(p -> FeatureFiles.of(config.home(), List.of(p)).files()
                    .forEach(f -> lines.put(f.toAbsolutePath().normalize(), new TreeSet<>(Set.of(0)))));
            selected.forEach(s -> lines.computeIfAbsent(s.file(), f -> new TreeSet<>()).add(s.line()));
            lines.forEach((file, at) -> {
                if (at.size() > 1) {
                    at.remove(0);
                }
                o.addFeature(FeatureWithLines.create(file.toUri(), at));
            });
        }
        if (config.progress()) {
            // Not Cucumber's "summary": it prints Java snippets for undefined steps and counts hooks as steps. The run
            // prints its own summary, failures first cause first, and the closest defined steps for an undefined one.
            o.addPluginName("progress");
        }
        config.reportsDir().ifPresent(dir -> {
            // Under partial names until the run's end (RunReports.publishCucumberReports): Cucumber writes them only
            // when the run finishes, and a run stopped before that must not leave them truncated under the real names.
            o.addPluginName("junit:" + dir.resolve(RunReports.JUNIT_PARTIAL));
            o.addPluginName("html:" + dir.resolve(RunReports.HTML_PARTIAL));
        });
        return o.build();
    }

    private static ClassLoader classLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : SuiteRunner.class.getClassLoader();
    }
}
