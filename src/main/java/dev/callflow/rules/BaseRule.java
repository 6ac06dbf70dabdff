package dev.callflow.rules;

import dev.callflow.timeline.Event;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

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
        if (findings.stream().anyMatch(f -> f.absent() != null)) {
            throw new IllegalStateException(id + " has a finding that relies on an absence: judge it with verdict(trace, findings)");
        }
        return verdictOf(findings, List.of());
    }

    /**
     * As {@link #verdict(List)}, but a finding that relies on an absence the trace's {@link Vocabulary} cannot show
     * becomes an unjudged call. With no finding left and some call unjudged, the rule is not judged.
     */
    protected final RuleVerdict verdict(Trace trace, List<Finding> findings) {
        List<Finding> standing = new ArrayList<>();
        List<RuleVerdict.Unjudged> unjudged = new ArrayList<>();
        for (Finding f : findings) {
            if (f.absent() != null && !reliesOnAbsenceOf().contains(f.absent())) {
                throw new IllegalStateException(id + " relies on the absence of " + f.absent()
                        + " without declaring it in reliesOnAbsenceOf()");
            }
            if (f.absent() == null || trace.vocabulary().shows(f.absent())) {
                standing.add(f);
            } else {
                UUID call = f.offending().stream().map(Event::call).filter(Objects::nonNull).findFirst().orElse(null);
                unjudged.add(new RuleVerdict.Unjudged(call, f.absent(), f.message(), f.offending()));
            }
        }
        if (standing.isEmpty() && !unjudged.isEmpty()) {
            String lacking = unjudged.stream().map(RuleVerdict.Unjudged::reason).distinct()
                    .collect(Collectors.joining("; "));
            return new RuleVerdict(this, RuleVerdict.Outcome.NOT_JUDGED, List.of(),
                    "not judged for " + unjudged.size() + (unjudged.size() == 1 ? " call" : " calls") + ": " + lacking,
                    unjudged);
        }
        return verdictOf(standing, unjudged);
    }

    private RuleVerdict verdictOf(List<Finding> findings, List<RuleVerdict.Unjudged> unjudged) {
        if (findings.isEmpty()) {
            return holds();
        }
        boolean breach = severity == Severity.VIOLATION
                && findings.stream().anyMatch(f -> f.severity() == Severity.VIOLATION);
        return new RuleVerdict(this, breach ? RuleVerdict.Outcome.VIOLATED : RuleVerdict.Outcome.WARNED, findings, null,
                unjudged);
    }

    @Override
    public String toString() {
        return id + " (" + severity.label() + "): " + statement;
    }
}
