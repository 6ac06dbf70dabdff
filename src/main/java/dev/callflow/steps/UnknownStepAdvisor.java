package dev.callflow.steps;

import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.SnippetsSuggestedEvent;
import io.cucumber.plugin.event.TestRunFinished;

import java.util.Map;
import java.util.TreeMap;

/**
 * For each step no glue defines, names where it is and the glossary steps closest to it, so a QA author can fix
 * the wording instead of writing Java. Printed to standard error at the end of the run.
 */
public final class UnknownStepAdvisor implements ConcurrentEventListener {
    private final Map<String, String> advice = new TreeMap<>();

    @Override
    public void setEventPublisher(EventPublisher publisher) {
        publisher.registerHandlerFor(SnippetsSuggestedEvent.class, this::undefined);
        publisher.registerHandlerFor(TestRunFinished.class, e -> print());
    }

    private synchronized void undefined(SnippetsSuggestedEvent e) {
        String step = e.getSuggestion().getStep();
        String where = e.getUri() + ":" + e.getStepLocation().getLine();
        StringBuilder b = new StringBuilder("Undefined step at ").append(where).append(": \"").append(step).append("\"\n");
        b.append("  Closest steps in the glossary (README.md, \"Step glossary\"):\n");
        StepGlossary.closest(step, 3).forEach(s -> b.append("    ").append(s).append('\n'));
        b.append("  Reword the step to one of these, or add a step definition to dev.callflow.steps.\n");
        advice.put(where, b.toString());
    }

    private synchronized void print() {
        advice.values().forEach(System.err::print);
    }
}
