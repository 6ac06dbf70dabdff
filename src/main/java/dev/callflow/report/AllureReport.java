package dev.callflow.report;

import dev.callflow.harness.RunContext;
import dev.callflow.harness.RunRegistry;
import dev.callflow.harness.ScenarioVerdicts;
import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.Result;
import io.cucumber.plugin.event.TestCase;
import io.cucumber.plugin.event.TestCaseFinished;
import io.cucumber.plugin.event.TestStepStarted;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.AllureResultsWriter;
import io.qameta.allure.cucumber7jvm.AllureCucumber7Jvm;
import io.qameta.allure.model.TestResult;
import io.qameta.allure.model.TestResultContainer;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Allure results, one per scenario, into the directory given as the plugin argument
 * ({@code dev.callflow.report.AllureReport:reports/allure-results}). Allure's own plugin writes through a JVM-wide
 * lifecycle configured by the {@code allure.results.directory} system property; this one gives each run a lifecycle
 * of its own, so two runs in one JVM write to their own directories.
 *
 * <p>Each result also carries what the run knows of its scenario ({@link AllureExtras}): labels epic (flow), feature
 * (rule family) and story (rule ID), a step per rule verdict, the sequence diagram, and a status that says failed
 * for a conformance failure (Allure's plugin calls every failure in an {@code @After} hook, such as the always-on
 * rules', broken).
 */
public final class AllureReport implements ConcurrentEventListener {
    private final AllureResultsWriter files;
    private final AllureCucumber7Jvm allure;
    private final Function<String, Optional<RunContext>> runs;
    private final Map<String, RunContext> runOf = new ConcurrentHashMap<>();
    /** Set by this plugin's TestCaseFinished handler, which runs before Allure's, then read as Allure writes it. */
    private final ThreadLocal<AllureExtras> finishing = new ThreadLocal<>();

    /** As a plugin listed by name: the scenarios' run is the one {@link RunRegistry} binds them to. */
    public AllureReport(String resultsDir) {
        this(Path.of(resultsDir), RunRegistry::find);
    }

    /** For one run's scenarios. */
    public AllureReport(Path resultsDir, RunContext run) {
        this(resultsDir, id -> Optional.of(run));
    }

    private AllureReport(Path resultsDir, Function<String, Optional<RunContext>> runs) {
        this.files = new AtomicAllureWriter(resultsDir);
        this.runs = runs;
        this.allure = new AllureCucumber7Jvm(new AllureLifecycle(new Writer()));
    }

    @Override
    public void setEventPublisher(EventPublisher publisher) {
        // A scenario is bound to its run when it starts; by its first step the binding is there whatever the plugin order.
        publisher.registerHandlerFor(TestStepStarted.class, e -> {
            String id = e.getTestCase().getId().toString();
            if (!runOf.containsKey(id)) {
                runs.apply(id).ifPresent(run -> runOf.put(id, run));
            }
        });
        publisher.registerHandlerFor(TestCaseFinished.class, this::finishing);
        allure.setEventPublisher(publisher);
    }

    private void finishing(TestCaseFinished e) {
        TestCase tc = e.getTestCase();
        String id = tc.getId().toString();
        Result result = e.getResult();
        RunContext run = runOf.remove(id);
        Optional<ScenarioVerdicts> verdicts = run == null ? Optional.empty() : run.takeVerdicts(id);
        Optional<CompletableFuture<byte[]>> diagram = run == null ? Optional.empty() : run.reportWork().take(id);
        finishing.set(new AllureExtras(tc.getUri().toString(), tc.getTags(), result.getStatus().name(), result.getError(),
                verdicts, diagram.map(this::attachLater)));
    }

    /** The attachment's file name in the results; the file follows once the diagram is rendered. */
    private String attachLater(CompletableFuture<byte[]> svg) {
        String source = UUID.randomUUID() + "-attachment.svg";
        svg.whenComplete((bytes, error) -> {
            if (error == null) {
                files.write(source, new java.io.ByteArrayInputStream(bytes));
            } else {
                System.err.println("callflow: a sequence diagram could not be rendered: " + error);
            }
        });
        return source;
    }

    private final class Writer implements AllureResultsWriter {
        @Override
        public void write(TestResult result) {
            AllureExtras extras = finishing.get();
            if (extras != null) {
                finishing.remove();
                extras.applyTo(result);
            }
            files.write(result);
        }

        @Override
        public void write(TestResultContainer container) {
            files.write(container);
        }

        @Override
        public void write(String source, InputStream attachment) {
            files.write(source, attachment);
        }
    }
}
