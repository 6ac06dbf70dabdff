package dev.callflow.load;

import dev.callflow.harness.RunConfig;
import dev.callflow.harness.RunResult;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The figures {@link Bench} measured, and how {@code ./callflow bench} prints them. */
public final class BenchResult {
    private final RunConfig config;
    private final int devices;
    private final RunResult suiteQuiet;
    private final RunResult suiteWithReports;
    private final LatencyHistogram rigCreate;
    private final LatencyHistogram rigClose;
    private final long serverStartMillis;
    private final int calls;
    private final int warmUpCalls;
    private final long callsNanos;
    private final long cpuNanos;
    private final Map<String, LatencyHistogram> steps;

    private BenchResult(Builder b) {
        this.config = b.config;
        this.devices = b.devices;
        this.suiteQuiet = b.suiteQuiet;
        this.suiteWithReports = b.suiteWithReports;
        this.rigCreate = b.rigCreate;
        this.rigClose = b.rigClose;
        this.serverStartMillis = b.serverStartMillis;
        this.calls = b.calls;
        this.warmUpCalls = b.warmUpCalls;
        this.callsNanos = b.callsNanos;
        this.cpuNanos = b.cpuNanos;
        this.steps = new TreeMap<>(b.steps);
    }

    /** Full-stack calls completed per second of wall time. */
    public double callsPerSecond() {
        return calls * 1e9 / Math.max(1, callsNanos);
    }

    /** The process's CPU time per call, all threads together, in milliseconds; negative when unknown. */
    public double cpuMillisPerCall() {
        return cpuNanos < 0 ? -1 : cpuNanos / 1e6 / Math.max(1, calls);
    }

    public String describe() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "callflow bench: %s, timing profile %s, %d cores, %s%n", config.iut(),
                config.timing().name(), Runtime.getRuntime().availableProcessors(), loadAverage()));
        if (suiteQuiet != null) {
            b.append(suiteLine("suite, no report files      ", suiteQuiet));
        }
        if (suiteWithReports != null) {
            b.append(suiteLine("suite, with every report    ", suiteWithReports));
        }
        b.append(String.format(Locale.ROOT, "servers start (mock APNs TLS, WireMock, gateway, warm-up): %d ms%n", serverStartMillis));
        b.append(String.format(Locale.ROOT, "per-scenario harness overhead, fresh device + timeline + registrations: create "
                        + "median %.3f ms, max %.3f ms; close median %.3f ms, max %.3f ms (%d rigs)%n",
                rigCreate.percentileMicros(50) / 1000.0, rigCreate.maxMicros() / 1000.0, rigClose.percentileMicros(50) / 1000.0,
                rigClose.maxMicros() / 1000.0, rigCreate.count()));
        b.append(String.format(Locale.ROOT, "full-stack calls (VoIP push over TLS with token auth enforced, report, answer, "
                        + "media, hang-up, end, settle): %d calls on %d devices (one caller thread each, after %d warm-up calls) "
                        + "in %.2f s: %.0f calls/s, CPU %.2f ms per call%n", calls, devices, warmUpCalls, callsNanos / 1e9,
                callsPerSecond(), cpuMillisPerCall()));
        b.append("latency per step of those calls (wall time):\n");
        steps.forEach((name, h) -> b.append(String.format(Locale.ROOT, "  %-30s %s%n", name, h.describe())));
        return b.toString();
    }

    private static String suiteLine(String label, RunResult r) {
        return String.format(Locale.ROOT, "%s %5.1f s wall, %d scenarios on %d threads (%d passed); per-scenario set-up "
                        + "median %.2f ms, max %.2f ms%n", label, r.wallMillis() / 1000.0, r.scenarios().size(),
                r.config().threads(), r.passed(), r.setupMedianMicros() / 1000.0, r.setupMaxMicros() / 1000.0);
    }

    private static String loadAverage() {
        double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return load < 0 ? "load average unknown" : String.format(Locale.ROOT, "load average %.2f at the end", load);
    }

    static final class Builder {
        private final RunConfig config;
        private final int devices;
        private RunResult suiteQuiet;
        private RunResult suiteWithReports;
        private LatencyHistogram rigCreate = new LatencyHistogram();
        private LatencyHistogram rigClose = new LatencyHistogram();
        private long serverStartMillis;
        private int calls;
        private int warmUpCalls;
        private long callsNanos;
        private long cpuNanos;
        private Map<String, LatencyHistogram> steps = Map.of();

        Builder(RunConfig config, int calls, int devices) {
            this.config = config;
            this.calls = calls;
            this.devices = devices;
        }

        void suite(RunResult r, boolean withReports) {
            if (withReports) {
                suiteWithReports = r;
            } else {
                suiteQuiet = r;
            }
        }

        void serverStartMillis(long ms) { serverStartMillis = ms; }

        void rigs(LatencyHistogram create, LatencyHistogram close) {
            rigCreate = create;
            rigClose = close;
        }

        void fullStack(int done, int warmUp, long nanos, long cpu, Map<String, LatencyHistogram> stepTimes) {
            calls = done;
            warmUpCalls = warmUp;
            callsNanos = nanos;
            cpuNanos = cpu;
            steps = stepTimes;
        }

        BenchResult build() {
            return new BenchResult(this);
        }
    }
}
