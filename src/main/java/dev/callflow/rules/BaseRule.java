package dev.callflow.rules;

import java.util.List;
import java.util.Objects;

/** Holds a rule's description and builds its verdicts; subclasses only write the check. */
public abstract class BaseRule implements Rule {
    private final String id;
    private final Severity severity;
    private final String statement;
    private final String source;

    protected BaseRule(String id, Severity severity, String statement, String source) {
        if (!id.matches("R-(PUSH|INC|TX|AUD|END|OUT|MULTI|CFG)-\\d+")) {
            throw new IllegalArgumentException("Rule IDs follow CALLKIT-RULES.md (R-GROUP-N), got '" + id + "'");
        }
        this.id = id;
        this.severity = Objects.requireNonNull(severity);
        this.statement = Objects.requireNonNull(statement);
        this.source = Objects.requireNonNull(source);
    }

    @Override public final String id() { return id; }

    @Override public final String statement() { return statement; }

    @Override public final String source() { return source; }

    @Override public final Severity severity() { return severity; }

    protected final RuleVerdict holds() {
        return new RuleVerdict(this, RuleVerdict.Outcome.HOLDS, List.of(), null);
    }

    protected final RuleVerdict notJudged(String why) {
        return new RuleVerdict(this, RuleVerdict.Outcome.NOT_JUDGED, List.of(), why);
    }

    /**
     * Holds when there are no findings. Otherwise violated if the rule's severity is violation and any finding is a
     * breach; warned if every finding is a warning or the rule itself only warns.
     */
    protected final RuleVerdict verdict(List<Finding> findings) {
        if (findings.isEmpty()) {
            return holds();
        }
        boolean breach = severity == Severity.VIOLATION
                && findings.stream().anyMatch(f -> f.severity() == Severity.VIOLATION);
        return new RuleVerdict(this, breach ? RuleVerdict.Outcome.VIOLATED : RuleVerdict.Outcome.WARNED, findings, null);
    }

    @Override
    public String toString() {
        return id + " (" + severity.label() + "): " + statement;
    }
}
