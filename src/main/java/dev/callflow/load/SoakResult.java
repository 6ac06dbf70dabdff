package dev.callflow.load;

import dev.callflow.harness.RunConfig;
import dev.callflow.rules.RuleVerdict;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * What a {@link Soak} found: per kind of leak and per rule, how many calls and the first few in full; the calls that
 * could not complete their flow; each step's latency; the harness's footprint at each checkpoint; and the wall time.
 * Its size does not grow with the number of calls.
 */
public final class SoakResult {
    /** A finding kept in full: the call's number and flow, what was found, and the call's events or rule report. */
    public record Finding(int call, Flow flow, String what, String detail) { }

    private final RunConfig config;
    private final int callsRequested;
    private final int callsDone;
    private final Map<Flow, Integer> flows;
    private final Map<String, Integer> leaks;
    private final Map<String, Integer> violations;
    private final Map<String, Integer> warnings;
    private final List<Finding> leakSamples;
    private final List<Finding> violationSamples;
    private final List<Finding> brokenFlows;
    private final Finding harnessFault;
    private final Map<String, LatencyHistogram> steps;
    private final List<ProcessWatch.Sample> samples;
    private final long serverStartMillis;
    private final long wallMillis;

    private SoakResult(Builder b) {
        this.config = b.config;
        this.callsRequested = b.callsRequested;
        this.callsDone = b.callsDone;
        this.flows = Map.copyOf(b.flows);
        this.leaks = Map.copyOf(b.leaks);
        this.violations = Map.copyOf(b.violations);
        this.warnings = Map.copyOf(b.warnings);
        this.leakSamples = List.copyOf(b.leakSamples);
        this.violationSamples = List.copyOf(b.violationSamples);
        this.brokenFlows = List.copyOf(b.brokenFlows);
        this.harnessFault = b.harnessFault;
        this.steps = new TreeMap<>(b.steps);
        this.samples = List.copyOf(b.samples);
        this.serverStartMillis = b.serverStartMillis;
        this.wallMillis = b.wallMillis;
    }

    public RunConfig config() { return config; }

    public int callsDone() { return callsDone; }

    /** Calls that left something behind, by kind of leak (a call may count under several kinds). */
    public Map<String, Integer> leaks() { return new TreeMap<>(leaks); }

    public int leakCount() { return leaks.values().stream().mapToInt(Integer::intValue).sum(); }

    /** Calls whose events break a rule, by rule. */
    public Map<String, Integer> violations() { return new TreeMap<>(violations); }

    public int violationCount() { return violations.values().stream().mapToInt(Integer::intValue).sum(); }

    public Map<String, Integer> warnings() { return new TreeMap<>(warnings); }

    public List<Finding> leakSamples() { return leakSamples; }

    public List<Finding> violationSamples() { return violationSamples; }

    public List<Finding> brokenFlows() { return brokenFlows; }

    public java.util.Optional<Finding> harnessFault() { return java.util.Optional.ofNullable(harnessFault); }

    public Map<String, LatencyHistogram> steps() { return steps; }

    public List<ProcessWatch.Sample> samples() { return samples; }

    public long wallMillis() { return wallMillis; }

    /** 0 clean; 1 leaks, rule violations or a flow the app could not complete; 3 a harness fault (as {@code run}). */
    public int exitCode() {
        if (harnessFault != null) {
            return 3;
        }
        return leakCount() > 0 || violationCount() > 0 || !brokenFlows.isEmpty() ? 1 : 0;
    }

    /**
     * Live heap growth from the checkpoint nearest a tenth of the calls (after warm-up: classes loaded, code compiled,
     * WireMock's bounded journal partly filled) to the last one, in bytes; 0 with fewer than two such checkpoints.
     */
    public long heapGrowthAfterWarmUp() {
        List<ProcessWatch.Sample> after = warmSamples();
        return after.size() < 2 ? 0 : after.get(after.size() - 1).heapBytes() - after.get(0).heapBytes();
    }

    private List<ProcessWatch.Sample> warmSamples() {
        long warm = Math.max(1, callsDone / 10);
        return samples.stream().filter(s -> s.afterCalls() >= warm).toList();
    }

    /** The report {@code ./callflow soak} prints. */
    public String describe() {
        StringBuilder b = new StringBuilder();
        b.append("soak against ").append(config.iut()).append(": ").append(callsDone).append(" of ").append(callsRequested)
                .append(" calls on one app process, seed ").append(config.seed()).append(", timing profile ")
                .append(config.timing().name()).append(", policy ").append(config.policy().wireName()).append('\n');
        b.append(String.format(Locale.ROOT, "wall time %.1f s (%.1f calls/s); servers started in %d ms%n", wallMillis / 1000.0,
                callsDone * 1000.0 / Math.max(1, wallMillis), serverStartMillis));
        b.append("flows: ");
        flows.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> b.append(e.getKey().name().toLowerCase(Locale.ROOT))
                .append(' ').append(e.getValue()).append("  "));
        b.append('\n');
        b.append("leaks: ").append(leaks.isEmpty() ? "none" : new TreeMap<>(leaks).toString()).append('\n');
        b.append("rule violations: ").append(violations.isEmpty() ? "none" : new TreeMap<>(violations).toString()).append('\n');
        b.append("rule warnings: ").append(warnings.isEmpty() ? "none" : new TreeMap<>(warnings).toString()).append('\n');
        b.append("calls whose flow could not complete: ").append(brokenFlows.size()).append('\n');
        b.append("\nlatency per step (wall time, harness and app together):\n");
        steps.forEach((name, h) -> b.append(String.format(Locale.ROOT, "  %-44s %s%n", name, h.describe())));
        b.append("\nthe harness's footprint (live heap after a full GC):\n");
        samples.forEach(s -> b.append("  ").append(s.describe()).append('\n'));
        List<ProcessWatch.Sample> warm = warmSamples();
        if (warm.size() >= 2) {
            ProcessWatch.Sample first = warm.get(0);
            ProcessWatch.Sample last = warm.get(warm.size() - 1);
            long span = Math.max(1, last.afterCalls() - first.afterCalls());
            b.append(String.format(Locale.ROOT, "  after warm-up (calls %d to %d): heap %+.1f MB (%+.1f KB per 1000 calls), "
                            + "threads %+d, fds %+d%n", first.afterCalls(), last.afterCalls(), heapGrowthAfterWarmUp() / 1e6,
                    heapGrowthAfterWarmUp() / 1e3 * 1000.0 / span, last.threads() - first.threads(), last.fds() - first.fds()));
        }
        if (harnessFault != null) {
            b.append("\nHARNESS FAULT at call ").append(harnessFault.call()).append(": ").append(harnessFault.what()).append('\n')
                    .append(harnessFault.detail()).append('\n');
        }
        appendFindings(b, "calls whose flow could not complete", brokenFlows);
        appendFindings(b, "leaks (first " + Soak.KEPT + ")", leakSamples);
        appendFindings(b, "rule violations (first " + Soak.KEPT + ")", violationSamples);
        b.append("\nverdict: ").append(switch (exitCode()) {
            case 0 -> "clean: no leak, no rule violation";
            case 3 -> "harness fault";
            default -> "NOT clean: " + leakCount() + " leak(s), " + violationCount() + " rule violation(s), "
                    + brokenFlows.size() + " broken flow(s)";
        }).append('\n');
        return b.toString();
    }

    private static void appendFindings(StringBuilder b, String title, List<Finding> findings) {
        if (findings.isEmpty()) {
            return;
        }
        b.append('\n').append(title).append(":\n");
        for (Finding f : findings) {
            b.append("- call ").append(f.call()).append(f.flow() == null ? "" : " (" + f.flow().description() + ")").append(": ")
                    .append(f.what()).append('\n');
            f.detail().lines().limit(40).forEach(l -> b.append("    ").append(l).append('\n'));
        }
    }

    /** Collects a soak's findings as it goes, keeping a bounded number of them in full. */
    static final class Builder {
        private final RunConfig config;
        private final int callsRequested;
        private int callsDone;
        private final Map<Flow, Integer> flows = new EnumMap<>(Flow.class);
        private final Map<String, Integer> leaks = new LinkedHashMap<>();
        private final Map<String, Integer> violations = new LinkedHashMap<>();
        private final Map<String, Integer> warnings = new LinkedHashMap<>();
        private final List<Finding> leakSamples = new ArrayList<>();
        private final List<Finding> violationSamples = new ArrayList<>();
        private final List<Finding> brokenFlows = new ArrayList<>();
        private Finding harnessFault;
        private Map<String, LatencyHistogram> steps = Map.of();
        private final List<ProcessWatch.Sample> samples = new ArrayList<>();
        private long serverStartMillis;
        private long wallMillis;

        Builder(RunConfig config, int callsRequested) {
            this.config = config;
            this.callsRequested = callsRequested;
        }

        int callsDone() { return callsDone; }

        int leakCount() { return leaks.values().stream().mapToInt(Integer::intValue).sum(); }

        int violationCount() { return violations.values().stream().mapToInt(Integer::intValue).sum(); }

        int brokenFlowCount() { return brokenFlows.size(); }

        void serverStartMillis(long ms) { this.serverStartMillis = ms; }

        void wallMillis(long ms) { this.wallMillis = ms; }

        void steps(Map<String, LatencyHistogram> s) { this.steps = s; }

        void sample(ProcessWatch.Sample s) { samples.add(s); }

        void brokenFlow(int call, Flow flow, String message) {
            if (brokenFlows.size() < Soak.KEPT) {
                brokenFlows.add(new Finding(call, flow, "the flow could not complete", message));
            }
        }

        void harnessFault(int call, Flow flow, Throwable t) {
            java.io.StringWriter trace = new java.io.StringWriter();
            t.printStackTrace(new java.io.PrintWriter(trace));
            harnessFault = new Finding(call, flow, t.toString(), trace.toString());
        }

        /** One call judged: its leaks and verdicts; the texts are only rendered for the calls kept in full. */
        void call(int n, Flow flow, List<String> found, List<RuleVerdict> verdicts, Supplier<String> ruleReport,
                  Supplier<String> events) {
            callsDone = n;
            flows.merge(flow, 1, Integer::sum);
            for (String leak : found) {
                leaks.merge(leak.substring(0, Math.max(0, leak.indexOf(':'))), 1, Integer::sum);
            }
            if (!found.isEmpty() && leakSamples.size() < Soak.KEPT) {
                leakSamples.add(new Finding(n, flow, String.join("; ", found), events.get()));
            }
            boolean violated = false;
            for (RuleVerdict v : verdicts) {
                if (v.failed()) {
                    violations.merge(v.rule().id(), 1, Integer::sum);
                    violated = true;
                } else if (v.fired()) {
                    warnings.merge(v.rule().id(), 1, Integer::sum);
                }
            }
            if (violated && violationSamples.size() < Soak.KEPT) {
                violationSamples.add(new Finding(n, flow, "rules violated", ruleReport.get()));
            }
        }

        SoakResult build() {
            return new SoakResult(this);
        }
    }
}
