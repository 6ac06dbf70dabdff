package dev.callflow.harness;

import java.util.List;

/**
 * What one rule said about one scenario: a row of {@code rule-verdicts.jsonl}, and what the kill matrix and a
 * certificate are built from. {@code declared}: the scenario breaks this rule on purpose ({@code Then rule R-… is
 * violated}), so its violation is no finding about the implementation. {@code messages}: each finding's severity and
 * text.
 */
@com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
public record VerdictRow(String feature, String scenario, int line, String rule, String outcome, int findings,
                         boolean declared, List<String> messages) {

    public VerdictRow {
        messages = List.copyOf(messages);
    }

    /** Violated or warning. */
    public boolean fired() {
        return outcome.equals("violated") || outcome.equals("warning");
    }

    /** Fired, and not because the scenario declared it breaks the rule on purpose. */
    public boolean firedUndeclared() {
        return fired() && !declared;
    }

    /** A violation no scenario declared: against a correct implementation, a false alarm. */
    public boolean undeclaredViolation() {
        return outcome.equals("violated") && !declared;
    }
}
