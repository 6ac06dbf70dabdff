package dev.callflow.steps;

import dev.callflow.harness.ScenarioInputError;
import dev.callflow.timeline.EventKind;
import dev.callflow.timeline.EventNameAdvice;

import java.util.Arrays;
import java.util.List;

/** The event names a scenario writes must be kinds of the vocabulary: any other is the writer's mistake. */
public final class EventNames {
    /**
     * The tag of scenarios that name an app's own log words on purpose (the reference app's diagnostics), which are
     * no events of the vocabulary.
     */
    public static final String APP_LOG_WORDS_TAG = "@app-log-words";

    private EventNames() { }

    /** The names of a cell or argument that may list {@code |}-separated alternatives. */
    public static List<String> alternatives(String cell) {
        return Arrays.stream(cell.split("\\|")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** The alternatives of {@code cell} that are no kind of the vocabulary. */
    public static List<String> unknown(String cell) {
        return alternatives(cell).stream().filter(n -> EventKind.named(n).isEmpty()).toList();
    }

    /** Fails with a {@link ScenarioInputError} naming the meant names when an alternative of {@code cell} is no kind. */
    static void requireKnown(String cell, String where) {
        List<String> unknown = unknown(cell);
        if (!unknown.isEmpty()) {
            throw new ScenarioInputError("Unknown event " + where + ": " + String.join("; ",
                    unknown.stream().map(EventNameAdvice::unknown).toList())
                    + ". The scenario is wrong, not the app: fix the name (docs/events.md).");
        }
    }
}
