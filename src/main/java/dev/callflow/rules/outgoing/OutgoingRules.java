package dev.callflow.rules.outgoing;

import dev.callflow.rules.Rule;

import java.util.List;

/** The rules of this group, in catalogue order. */
public final class OutgoingRules {
    private OutgoingRules() { }

    public static List<Rule> all() {
        return List.of(new OutgoingReportsInOrder(), new OneStartPerCall(), new NoBackgroundStart());
    }
}
