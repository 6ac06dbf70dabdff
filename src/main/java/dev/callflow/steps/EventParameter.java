package dev.callflow.steps;

import dev.callflow.harness.ScenarioInputError;
import dev.callflow.timeline.EventKind;
import dev.callflow.timeline.EventNameAdvice;
import io.cucumber.java.ParameterType;

/**
 * {@code {event}}: a name of the event vocabulary ({@link EventKind}'s wire names, docs/events.md) in a step. A name the
 * vocabulary does not know (a typo, an app's own log word) stops the step with the names meant: a
 * {@link ScenarioInputError}, so the run exits 2.
 */
public class EventParameter {
    /** What an {@code {event}} argument matches. */
    public static final String PATTERN = "[A-Za-z][A-Za-z0-9]*";

    @ParameterType(name = "event", value = PATTERN, useForSnippets = false)
    public EventKind event(String name) {
        return kind(name);
    }

    static EventKind kind(String name) {
        return EventKind.named(name).orElseThrow(() -> new ScenarioInputError("Unknown event in a step: "
                + EventNameAdvice.unknown(name) + "; ./callflow events NAME says what one name is."));
    }
}
