package dev.callflow.monitor;

import dev.callflow.rules.Policy;
import dev.callflow.rules.Rule;
import dev.callflow.rules.RuleVerdict;
import dev.callflow.rules.Trace;
import dev.callflow.rules.Vocabulary;
import dev.callflow.timeline.Event;

import java.util.List;

/** Runs every rule over a timeline: the always-on monitor at the end of each scenario, and check-log. */
public final class RuleMonitor {
    private final List<Rule> rules;
    private final Policy policy;

    public RuleMonitor(List<Rule> rules, Policy policy) {
        this.rules = List.copyOf(rules);
        this.policy = policy;
    }

    public static RuleMonitor allRules(Policy policy) {
        return new RuleMonitor(RuleCatalog.all(), policy);
    }

    public Policy policy() {
        return policy;
    }

    /** Above this many events (a recorded device log, not a scenario) the rules judge the trace in parallel. */
    private static final int PARALLEL_FROM = 20_000;

    /**
     * One verdict per rule, in catalogue order. A rule that throws is a harness fault, not a verdict. Rules are
     * stateless and the trace is immutable, so a large trace is judged by all cores; a scenario's stays on its thread.
     */
    public List<RuleVerdict> judge(List<Event> events) {
        return judge(events, Vocabulary.FULL);
    }

    /**
     * As {@link #judge(List)}, for a timeline that shows only {@code vocabulary}'s kinds (a device log): a finding
     * that needs a kind the log never shows becomes "not judged" for its call.
     */
    public List<RuleVerdict> judge(List<Event> events, Vocabulary vocabulary) {
        Trace trace = new Trace(events, vocabulary);
        var stream = events.size() >= PARALLEL_FROM ? rules.parallelStream() : rules.stream();
        return stream.map(r -> judgeOne(r, trace)).toList();
    }

    private RuleVerdict judgeOne(Rule rule, Trace trace) {
        try {
            return rule.judge(trace, policy);
        } catch (RuntimeException e) {
            throw new IllegalStateException("Rule " + rule.id() + " failed while judging the timeline: " + e, e);
        }
    }
}
