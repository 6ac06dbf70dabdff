package dev.callflow.report;

import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.FileSystemResultsWriter;
import io.qameta.allure.cucumber7jvm.AllureCucumber7Jvm;
import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EventPublisher;

import java.nio.file.Path;

/**
 * Allure results, one per scenario with its timeline attached, into the directory given as the plugin argument
 * ({@code dev.callflow.report.AllureReport:reports/allure-results}). Allure's own plugin writes through a JVM-wide
 * lifecycle configured by the {@code allure.results.directory} system property; this one gives each run a lifecycle
 * of its own, so two runs in one JVM write to their own directories.
 */
public final class AllureReport implements ConcurrentEventListener {
    private final AllureCucumber7Jvm allure;

    public AllureReport(String resultsDir) {
        this(Path.of(resultsDir));
    }

    public AllureReport(Path resultsDir) {
        this.allure = new AllureCucumber7Jvm(new AllureLifecycle(new FileSystemResultsWriter(resultsDir)));
    }

    @Override
    public void setEventPublisher(EventPublisher publisher) {
        allure.setEventPublisher(publisher);
    }
}
