package dev.callflow.certify;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;

/** A rule's standing in a certificate, over every scenario of the run. */
public enum RuleStatus {
    /** Exercised, and it held wherever it was judged (or broke only where the scenario injected the fault). */
    PASS("pass"),
    /** A warning-severity finding the scenario did not declare, and no violation. */
    WARN("warn"),
    /** A violation the scenario did not declare: the implementation breaks the rule. */
    FAIL("fail"),
    /** No scenario of the run exercised it: nothing is known, so it is never a pass. */
    NOT_COVERED("not covered");

    private final String label;

    RuleStatus(String label) { this.label = label; }

    @JsonValue
    public String label() { return label; }

    @JsonCreator
    public static RuleStatus of(String label) {
        return Arrays.stream(values()).filter(s -> s.label.equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No rule status '" + label + "'"));
    }
}
