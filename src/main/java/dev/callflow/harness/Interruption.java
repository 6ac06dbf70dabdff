package dev.callflow.harness;

import java.util.List;

/**
 * A run stopped from outside (SIGINT or SIGTERM) before its scenarios were done: how many were selected, and those
 * that had not finished when it stopped, in suite order.
 */
public record Interruption(int selected, List<Unfinished> unfinished) {

    /** A selected scenario that had not finished when the run was stopped. */
    public record Unfinished(String uri, int line, String name) { }

    public Interruption {
        unfinished = List.copyOf(unfinished);
    }

    public int finished() {
        return selected - unfinished.size();
    }

    /** {@code interrupted after 3 of 12 scenarios}. */
    public String describe() {
        return "interrupted after " + finished() + " of " + selected + " scenarios";
    }
}
