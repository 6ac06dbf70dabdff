package dev.callflow.rules;

import dev.callflow.timeline.Event;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Explains a verdict so it can be acted on: the rule ID, its statement and source, the policy applied, and each
 * finding with its offending events marked in the surrounding timeline.
 */
public final class RuleReport {
    private static final int BEFORE = 3;
    private static final int AFTER = 2;

    private RuleReport() { }

    public static String explain(RuleVerdict v, List<Event> timeline, Policy policy, Function<UUID, String> callNames) {
        Rule r = v.rule();
        StringBuilder b = new StringBuilder();
        b.append(r.id()).append(' ').append(v.outcome().label()).append(": ").append(r.statement()).append('\n');
        b.append("  source: ").append(r.source()).append('\n');
        b.append("  policy: ").append(policy.describe()).append('\n');
        int n = 1;
        for (Finding f : v.findings()) {
            b.append("  ").append(v.findings().size() > 1 ? "finding " + n++ + ": " : "finding: ")
                    .append(f.severity() == Severity.WARNING ? "(warning) " : "").append(f.message()).append('\n');
            b.append(context(f, timeline, callNames));
        }
        return b.toString();
    }

    /** All fired verdicts, violations first. */
    public static String explainAll(List<RuleVerdict> verdicts, List<Event> timeline, Policy policy,
                                    Function<UUID, String> callNames) {
        return verdicts.stream().filter(RuleVerdict::fired)
                .sorted((a, c) -> Boolean.compare(c.failed(), a.failed()))
                .map(v -> explain(v, timeline, policy, callNames))
                .collect(Collectors.joining("\n"));
    }

    static String context(Finding f, List<Event> timeline, Function<UUID, String> callNames) {
        if (f.offending().isEmpty() || timeline.isEmpty()) {
            return "";
        }
        Set<Long> marked = f.offending().stream().map(Event::seq).collect(Collectors.toSet());
        Set<Integer> shown = new TreeSet<>();
        for (int i = 0; i < timeline.size(); i++) {
            if (marked.contains(timeline.get(i).seq())) {
                for (int j = Math.max(0, i - BEFORE); j <= Math.min(timeline.size() - 1, i + AFTER); j++) {
                    shown.add(j);
                }
            }
        }
        StringBuilder b = new StringBuilder();
        int last = -2;
        for (int i : shown) {
            if (last >= 0 && i > last + 1) {
                b.append("       …\n");
            }
            Event e = timeline.get(i);
            b.append(marked.contains(e.seq()) ? "    >> " : "       ").append(line(e, callNames)).append('\n');
            last = i;
        }
        return b.toString();
    }

    static String line(Event e, Function<UUID, String> callNames) {
        return dev.callflow.timeline.EventLines.line(e, callNames);
    }
}
