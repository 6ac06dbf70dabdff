package dev.callflow.rules;

import java.util.List;

/** What one rule says about one timeline. */
public record RuleVerdict(Rule rule, Outcome outcome, List<Finding> findings, String note) {

    public enum Outcome {
        /** The timeline has what the rule needs, and the rule holds. */
        HOLDS("holds"),
        /** A violation-severity rule does not hold. */
        VIOLATED("violated"),
        /** A warning-severity rule does not hold. */
        WARNED("warning"),
        /** The timeline lacks the events this rule judges; no verdict either way. */
        NOT_JUDGED("not judged");

        private final String label;

        Outcome(String label) { this.label = label; }

        public String label() { return label; }
    }

    public RuleVerdict {
        findings = List.copyOf(findings);
    }

    public boolean failed() {
        return outcome == Outcome.VIOLATED;
    }

    public boolean fired() {
        return outcome == Outcome.VIOLATED || outcome == Outcome.WARNED;
    }
}
