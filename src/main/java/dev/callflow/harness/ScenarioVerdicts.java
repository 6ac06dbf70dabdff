package dev.callflow.harness;

import dev.callflow.rules.RuleVerdict;

import java.util.List;
import java.util.Set;

/** Every rule's verdict on one scenario, and the rules it declares it breaks on purpose. */
public record ScenarioVerdicts(List<RuleVerdict> verdicts, Set<String> declared) {
    public ScenarioVerdicts {
        verdicts = List.copyOf(verdicts);
        declared = Set.copyOf(declared);
    }
}
