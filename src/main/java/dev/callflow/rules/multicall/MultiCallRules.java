package dev.callflow.rules.multicall;

import dev.callflow.rules.Rule;

import java.util.List;

/** The rules of this group, in catalogue order. */
public final class MultiCallRules {
    private MultiCallRules() { }

    public static List<Rule> all() {
        return List.of(new EndOnlyTheTargetCall(), new SurvivingCallAudioUntouched(), new InterruptionHoldsAndResumes());
    }
}
