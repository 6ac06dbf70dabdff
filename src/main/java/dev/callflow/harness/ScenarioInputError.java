package dev.callflow.harness;

/**
 * A scenario that is wrong itself, as its writer wrote it (an event name the vocabulary does not know, say): neither
 * the implementation nor the harness is at fault, so the run exits 2, as for an undefined step.
 */
public final class ScenarioInputError extends IllegalArgumentException {
    public ScenarioInputError(String message) {
        super(message);
    }
}
