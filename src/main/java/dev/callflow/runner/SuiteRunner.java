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

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

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

    public static RunResult run(RunConfig config) {
        config.reportsDir().ifPresent(RunReports::clean);
        try (RunContext run = RunContext.open(config)) {
            List<Plugin> plugins = new ArrayList<>(List.of(new RunBinding(run)));
            config.reportsDir().ifPresent(dir -> {
                plugins.add(new AllureReport(dir.resolve("allure-results"), run));
                run.reportWork().warmUp(DiagramSvg::warmUp);
            });
            Runtime runtime = Runtime.builder()
                    .withRuntimeOptions(options(config))
                    .withClassLoader(SuiteRunner::classLoader)
                    .withAdditionalPlugins(plugins.toArray(Plugin[]::new))
                    .build();
            runtime.run();
            run.reportWork().finish(REPORT_WORK_BOUND);
            RunResult result = run.result();
            config.reportsDir().ifPresent(dir -> RunReports.write(result, dir));
            return result;
        }
    }

    static RuntimeOptions options(RunConfig config) {
        RuntimeOptionsBuilder o = new RuntimeOptionsBuilder()
                .addGlue(GluePath.parse(GLUE))
                .setThreads(config.threads())
                .addTagFilter(TagExpressionParser.parse(config.tagExpression()))
                .setMonochrome(config.monochrome());
        config.name().ifPresent(o::addNameFilter);
        config.features().forEach(p -> o.addFeature(FeatureWithLines.parse(p.toString())));
        if (config.progress()) {
            o.addPluginName("progress").addPluginName("summary");
        }
        config.reportsDir().ifPresent(dir -> {
            o.addPluginName("junit:" + dir.resolve(Path.of("junit", "cucumber.xml")));
            o.addPluginName("html:" + dir.resolve("cucumber.html"));
        });
        return o.build();
    }

    private static ClassLoader classLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : SuiteRunner.class.getClassLoader();
    }
}
