package dev.callflow.rules;

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

    /** One verdict per rule, in catalogue order. A rule that throws is a harness fault, not a verdict. */
    public List<RuleVerdict> judge(List<Event> events) {
        Trace trace = new Trace(events);
        return rules.stream().map(r -> judgeOne(r, trace)).toList();
    }

    private RuleVerdict judgeOne(Rule rule, Trace trace) {
        try {
            return rule.judge(trace, policy);
        } catch (RuntimeException e) {
            throw new IllegalStateException("Rule " + rule.id() + " failed while judging the timeline: " + e, e);
        }
    }
}
