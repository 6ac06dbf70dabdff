package dev.callflow.runner;

import dev.callflow.harness.RunContext;
import dev.callflow.harness.RunRegistry;
import dev.callflow.steps.UnknownStepAdvisor;
import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.Result;
import io.cucumber.plugin.event.SnippetsSuggestedEvent;
import io.cucumber.plugin.event.TestCase;
import io.cucumber.plugin.event.TestCaseFinished;
import io.cucumber.plugin.event.TestCaseStarted;

import java.util.function.Supplier;

/**
 * The Cucumber plugin that ties a Cucumber execution to one callflow run: when a test case starts (on its own thread,
 * before its hooks run), it binds the test case to the run in {@link RunRegistry}, where the glue finds it; when the
 * test case finishes, it hands the run the outcome and unbinds it. Undefined steps reach the run with advice.
 * A {@link ConcurrentEventListener}, so events arrive as they happen, also with several threads.
 */
final class RunBinding implements ConcurrentEventListener {
    private final Supplier<RunContext> run;

    RunBinding(RunContext run) {
        this(() -> run);
    }

    /** For a run opened once the test run has started. */
    RunBinding(Supplier<RunContext> run) {
        this.run = run;
    }

    @Override
    public void setEventPublisher(EventPublisher publisher) {
        publisher.registerHandlerFor(TestCaseStarted.class, e -> RunRegistry.bind(e.getTestCase().getId(), run.get()));
        publisher.registerHandlerFor(TestCaseFinished.class, this::finished);
        publisher.registerHandlerFor(SnippetsSuggestedEvent.class, e -> run.get().undefinedStep(UnknownStepAdvisor.advice(
                e.getSuggestion().getStep(), e.getUri() + ":" + e.getStepLocation().getLine())));
    }

    private void finished(TestCaseFinished e) {
        TestCase tc = e.getTestCase();
        try {
            Result r = e.getResult();
            run.get().scenarioFinished(tc.getId().toString(), tc.getUri().toString(), tc.getLocation().getLine(),
                    tc.getName(), tc.getTags(), r.getStatus().name(), r.getError(), r.getDuration().toNanos() / 1e6);
        } finally {
            RunRegistry.unbind(tc.getId());
        }
    }
}
