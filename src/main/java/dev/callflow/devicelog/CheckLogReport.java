package dev.callflow.devicelog;

import dev.callflow.rules.Finding;
import dev.callflow.rules.Policy;
import dev.callflow.rules.RuleVerdict;
import dev.callflow.rules.Severity;
import dev.callflow.timeline.Event;
import dev.callflow.timeline.LogParseException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One checked device log: what was read and what every rule says about it, as text for people and as a map for
 * {@code --json}. Findings cite the log's line numbers (the events' {@code line} attribute).
 *
 * @param file     the log as named on the command line
 * @param log      what was read, or {@code null} when the file could not be read
 * @param verdicts one per rule, in catalogue order; empty when unreadable
 * @param error    why the log is unreadable (missing file, no recognisable event), or {@code null}
 */
public record CheckLogReport(String file, DeviceLog log, List<RuleVerdict> verdicts, Policy policy, String error) {

    public CheckLogReport {
        verdicts = List.copyOf(verdicts);
    }

    public boolean readable() {
        return error == null;
    }

    public boolean violated() {
        return verdicts.stream().anyMatch(RuleVerdict::failed);
    }

    /** The source lines of a finding's offending events, in order, without repeats. */
    public static List<Integer> lines(Finding f) {
        return lines(f.offending());
    }

    /** The source lines of these events, in order, without repeats. */
    public static List<Integer> lines(List<Event> events) {
        return events.stream().map(DeviceLog::lineOf).flatMap(java.util.Optional::stream).distinct().sorted()
                .toList();
    }

    /** Findings (and unreadable lines) shown per rule in the text form unless asked otherwise; {@code --json} has all. */
    public static final int SHOWN_PER_RULE = 20;

    public String text() {
        return text(SHOWN_PER_RULE);
    }

    /** The text form, showing at most {@code shown} findings per rule and unreadable lines ({@code 0}: all). */
    public String text(int shown) {
        return text(shown, false);
    }

    /**
     * The text form; {@code brief} lists only the rules violated or warned about, and counts the others in one line.
     */
    public String text(int shown, boolean brief) {
        int limit = shown <= 0 ? Integer.MAX_VALUE : shown;
        StringBuilder b = new StringBuilder();
        b.append("== ").append(file).append('\n');
        if (log != null) {
            b.append(String.format("%d lines, %d events (%d recognised, %d kept as log), %d unreadable; shapes: %s%n",
                    log.lines(), log.recognised() + log.keptAsLog(), log.recognised(), log.keptAsLog(),
                    log.unreadable(), log.shapes().entrySet().stream()
                            .sorted(java.util.Map.Entry.<String, Integer>comparingByValue().reversed()
                                    .thenComparing(java.util.Map.Entry.comparingByKey()))
                            .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "))));
        }
        if (!readable()) {
            b.append("UNREADABLE: ").append(error).append('\n');
        }
        for (RuleVerdict v : verdicts) {
            if (brief && !v.failed() && v.outcome() != RuleVerdict.Outcome.WARNED) {
                continue;
            }
            b.append(String.format("%-11s %-10s %s%n", v.rule().id(), v.outcome().label(), v.rule().statement()));
            if (v.outcome() == RuleVerdict.Outcome.NOT_JUDGED && v.note() != null) {
                b.append("            (").append(v.note()).append(")\n");
            }
            for (Finding f : v.findings().subList(0, Math.min(limit, v.findings().size()))) {
                List<Integer> lines = lines(f);
                b.append("            ")
                        .append(lines.isEmpty() ? "" : (lines.size() == 1 ? "line " : "lines ")
                                + lines.stream().map(String::valueOf).collect(Collectors.joining(", ")) + ": ")
                        .append(f.severity() == Severity.WARNING ? "(warning) " : "").append(f.message()).append('\n');
            }
            for (RuleVerdict.Unjudged u : v.unjudged().subList(0, Math.min(limit, v.unjudged().size()))) {
                List<Integer> lines = lines(u.events());
                b.append("            not judged")
                        .append(lines.isEmpty() ? "" : (lines.size() == 1 ? " at line " : " at lines ")
                                + lines.stream().map(String::valueOf).collect(Collectors.joining(", ")))
                        .append(u.call() == null ? "" : " (call " + u.call() + ")").append(": ").append(u.reason())
                        .append(" (else it would say: ").append(u.wouldSay()).append(")\n");
            }
            if (v.unjudged().size() > limit) {
                b.append("            ... and ").append(v.unjudged().size() - limit).append(" more calls not judged\n");
            }
            if (v.findings().size() > limit) {
                List<Integer> rest = lines(v.findings().get(v.findings().size() - 1));
                b.append("            ... and ").append(v.findings().size() - limit).append(" more ").append(v.rule().id())
                        .append(" findings").append(rest.isEmpty() ? "" : ", the last at line " + rest.get(0))
                        .append(" (--max-findings 0 shows them all; --json lists them)\n");
            }
        }
        if (brief && readable()) {
            long hold = verdicts.stream().filter(v -> v.outcome() == RuleVerdict.Outcome.HOLDS).count();
            long notJudged = verdicts.stream().filter(v -> v.outcome() == RuleVerdict.Outcome.NOT_JUDGED).count();
            b.append(String.format("%d other rules: %d hold, %d not judged (without --brief: each one, and why)%n",
                    hold + notJudged, hold, notJudged));
        }
        if (log != null && !log.problems().isEmpty()) {
            b.append("Unreadable lines (skipped):\n");
            for (LogParseException p : log.problems().subList(0, Math.min(limit, log.problems().size()))) {
                b.append("  line ").append(p.lineNumber()).append(": expected ").append(p.expected())
                        .append(" at column ").append(p.column()).append('\n');
            }
            int listed = Math.min(limit, log.problems().size());
            if (log.unreadable() > listed) {
                b.append("  ... and ").append(log.unreadable() - listed).append(" more unreadable lines")
                        .append(log.unreadable() > log.problems().size()
                                ? " (the first " + log.problems().size() + " are kept: --max-findings 0 shows them, --json lists them)\n"
                                : " (--max-findings 0 shows them all; --json lists them)\n");
            }
        }
        if (readable()) {
            List<String> violated = verdicts.stream().filter(RuleVerdict::failed).map(v -> v.rule().id()).toList();
            List<String> warned = verdicts.stream().filter(v -> v.outcome() == RuleVerdict.Outcome.WARNED)
                    .map(v -> v.rule().id()).toList();
            b.append(violated.isEmpty() ? "CONFORMANT" : "VIOLATED " + String.join(", ", violated))
                    .append(warned.isEmpty() ? "" : "; warnings: " + String.join(", ", warned))
                    .append(" (policy ").append(policy.describe()).append(")\n");
        }
        return b.toString();
    }

    /** The {@code --json} form of this file's result. */
    public Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", file);
        m.put("readable", readable());
        m.put("error", error);
        m.put("policy", policy.wireName());
        if (log != null) {
            m.put("lines", log.lines());
            m.put("events", log.recognised() + log.keptAsLog());
            m.put("recognised", log.recognised());
            m.put("shapes", log.shapes());
            List<Map<String, Object>> problems = new ArrayList<>();
            for (LogParseException p : log.problems()) {
                Map<String, Object> pm = new LinkedHashMap<>();
                pm.put("line", p.lineNumber());
                pm.put("column", p.column());
                pm.put("expected", p.expected());
                pm.put("text", p.line());
                problems.add(pm);
            }
            m.put("problems", problems);
            m.put("unreadable", log.unreadable());
        }
        List<Map<String, Object>> rules = new ArrayList<>();
        for (RuleVerdict v : verdicts) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("id", v.rule().id());
            r.put("outcome", v.outcome().label());
            r.put("severity", v.rule().severity().label());
            r.put("statement", v.rule().statement());
            r.put("note", v.note());
            List<Map<String, Object>> findings = new ArrayList<>();
            for (Finding f : v.findings()) {
                Map<String, Object> fm = new LinkedHashMap<>();
                fm.put("severity", f.severity().label());
                fm.put("message", f.message());
                fm.put("lines", lines(f));
                fm.put("events", f.offending().stream().map(Event::name).toList());
                findings.add(fm);
            }
            r.put("findings", findings);
            List<Map<String, Object>> unjudged = new ArrayList<>();
            for (RuleVerdict.Unjudged u : v.unjudged()) {
                Map<String, Object> um = new LinkedHashMap<>();
                um.put("call", u.call() == null ? null : u.call().toString());
                um.put("reason", u.reason());
                um.put("lacking", u.lacking().description());
                um.put("lackingEvents", u.lacking().names().stream().sorted().toList());
                um.put("lackingAction", u.lacking().action());
                um.put("wouldSay", u.wouldSay());
                um.put("lines", lines(u.events()));
                unjudged.add(um);
            }
            r.put("notJudged", unjudged);
            rules.add(r);
        }
        m.put("verdicts", rules);
        m.put("violated", verdicts.stream().filter(RuleVerdict::failed).map(v -> v.rule().id()).toList());
        return m;
    }
}
