package dev.callflow.rules;

/** How bad it is when a rule does not hold: a violation fails the scenario, a warning is reported only. */
public enum Severity {
    VIOLATION("violation"), WARNING("warning");

    private final String label;

    Severity(String label) { this.label = label; }

    public String label() { return label; }
}
