package dev.callflow.rules;

import dev.callflow.timeline.Event;

import java.util.List;
import java.util.UUID;

/**
 * What one rule says about one timeline.
 *
 * @param unjudged the calls the rule could not judge because the timeline (a device log) never shows an event its
 *                 finding relies on being absent; always empty for a live run's timeline
 */
public record RuleVerdict(Rule rule, Outcome outcome, List<Finding> findings, String note, List<Unjudged> unjudged) {

    /**
     * A call (or {@code null}: the log names none) the rule did not judge: the finding it would have made needs
     * {@code lacking} to be absent, and the log never shows {@code lacking} at all.
     */
    public record Unjudged(UUID call, Logged lacking, String wouldSay, List<Event> events) {
        public Unjudged {
            events = List.copyOf(events);
        }

        /** "the log never shows a fulfil of a CXStartCallAction". */
        public String reason() {
            return "the log never shows " + lacking.description();
        }
    }

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
        unjudged = List.copyOf(unjudged);
    }

    public RuleVerdict(Rule rule, Outcome outcome, List<Finding> findings, String note) {
        this(rule, outcome, findings, note, List.of());
    }

    public boolean failed() {
        return outcome == Outcome.VIOLATED;
    }

    public boolean fired() {
        return outcome == Outcome.VIOLATED || outcome == Outcome.WARNED;
    }
}
