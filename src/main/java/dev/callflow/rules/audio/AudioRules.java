package dev.callflow.rules.audio;

import dev.callflow.rules.Rule;

import java.util.List;

/** The rules of this group, in catalogue order. */
public final class AudioRules {
    private AudioRules() { }

    public static List<Rule> all() {
        return List.of(new NoAppActivation(), new MediaOnlyAfterActivation(), new MediaStoppedByDeactivation(),
                new ReleaseBetweenCalls(), new FailCleanlyWithoutActivation(), new HeldMediaWaitsForActivation());
    }
}
