package dev.callflow.steps;

import dev.callflow.timeline.EventKind;
import io.cucumber.java.ParameterType;

/**
 * {@code {event}}: a name of the event vocabulary ({@link EventKind}'s wire names, docs/events.md) in a step. A name the
 * vocabulary does not know (a typo, an app's own log word) stops the step with the closest names.
 */
public class EventParameter {

    @ParameterType(name = "event", value = "[A-Za-z][A-Za-z0-9]*", useForSnippets = false)
    public EventKind event(String name) {
        return kind(name);
    }

    static EventKind kind(String name) {
        return EventKind.named(name).orElseThrow(() -> new IllegalArgumentException("Unknown event in a step: "
                + EventKind.explain(name) + " docs/events.md lists every event; ./callflow events NAME says what one name is."));
    }
}
