package dev.callflow.rules.ending;

import dev.callflow.rules.Rule;

import java.util.List;

/** The rules of this group, in catalogue order. */
public final class EndRules {
    private EndRules() { }

    public static List<Rule> all() {
        return List.of(new RemoteEndReported(), new LocalHangUpOrder(), new EndedCallStaysEnded(), new ResetTearsDown());
    }
}
