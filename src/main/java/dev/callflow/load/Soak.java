package dev.callflow.load;

import dev.callflow.harness.Infrastructure;
import dev.callflow.harness.RunConfig;
import dev.callflow.harness.ScenarioRig;
import dev.callflow.iut.ImplementationsUnderTest;
import dev.callflow.monitor.RuleMonitor;
import dev.callflow.platform.AppFactory;
import dev.callflow.rules.RuleReport;
import dev.callflow.rules.RuleVerdict;
import dev.callflow.sdk.SimulatedMediaSdk;
import dev.callflow.timeline.Event;
import dev.callflow.timeline.EventKind;
import dev.callflow.timeline.Source;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Back-to-back calls of mixed {@link Flow}s against one app process (one device, one launch), for the seed's first
 * risk: a media SDK that is not released poisons the next call. After each call, once the device has settled, it
 * checks that the call left nothing behind (the system's live calls, the SDK's prepared call and running media, pending
 * actions, the app's timers, an active audio session, a {@code prepareSDK} without its {@code unprepareSDK}) and judges
 * the call's events with every rule, then drops them: the timeline is judged in windows of one call (after the launch's
 * events, which every window is judged with) and never kept whole, so memory stays flat over any number of calls.
 * It watches the harness's heap, resident memory, threads and file descriptors at checkpoints, and the wall time of
 * each step.
 *
 * <p>The flows come in shuffled rounds of one of each (the seed orders them), so every {@code Flow.values().length}
 * calls exercise every flow.
 *
 * <p>Durations come from the device's timing profile and every wait is event-driven, so a soak runs as fast as the
 * device's clock lets it.
 */
public final class Soak {
    /** Samples kept of each kind of finding; the rest are counted. */
    static final int KEPT = 10;
    /** After this many calls that could not complete their flow, the soak stops: the app is no longer usable. */
    static final int MAX_BROKEN_FLOWS = 3;

    private final RunConfig config;
    private final int calls;
    private final PrintStream progress;

    /**
     * @param config   the IUT, timing profile, policy, hang guard and seed (its features, tags and threads are not used)
     * @param calls    how many calls, at least 1
     * @param progress where a line goes at each checkpoint, or {@code null}
     */
    public Soak(RunConfig config, int calls, PrintStream progress) {
        if (calls < 1) {
            throw new IllegalArgumentException("A soak needs at least 1 call: give --calls N with N >= 1, got " + calls);
        }
        this.config = config;
        this.calls = calls;
        this.progress = progress;
    }

    public SoakResult run() {
        SoakResult.Builder result = new SoakResult.Builder(config, calls);
        Map<String, LatencyHistogram> steps = new ConcurrentHashMap<>();
        long t0 = System.nanoTime();
        try (Infrastructure infra = Infrastructure.start(config.settings())) {
            result.serverStartMillis(infra.startMillis());
            AppFactory app = ImplementationsUnderTest.resolve(config.iut(), infra.externalIuts());
            try (ScenarioRig rig = ScenarioRig.create(infra, config.settings(), app, "soak")) {
                CallDriver driver = new CallDriver(rig, (step, nanos) ->
                        steps.computeIfAbsent(step, s -> new LatencyHistogram()).recordNanos(nanos));
                soak(driver, result, steps);
            }
        } catch (RuntimeException e) {
            result.harnessFault(result.callsDone() + 1, null, e);
        }
        result.steps(steps);
        result.wallMillis((System.nanoTime() - t0) / 1_000_000);
        return result.build();
    }

    private void soak(CallDriver driver, SoakResult.Builder result, Map<String, LatencyHistogram> steps) {
        ScenarioRig rig = driver.rig();
        driver.launch();
        if (!driver.settle()) {
            throw new IllegalStateException("The device did not settle after the app's launch");
        }
        List<Event> preamble = rig.timeline().drain();
        RuleMonitor monitor = RuleMonitor.allRules(config.policy());
        Random random = new Random(config.seed());
        Supplier<UUID> ids = () -> uuid(random);
        List<Flow> deck = new ArrayList<>();
        int every = Math.max(5, calls / 20);
        result.sample(ProcessWatch.sample(0));
        SdkLedger ledger = new SdkLedger();
        int broken = 0;
        for (int n = 1; n <= calls; n++) {
            if (deck.isEmpty()) {
                deck.addAll(Flow.all());
                java.util.Collections.shuffle(deck, random);
            }
            Flow flow = deck.remove(deck.size() - 1);
            long callStart = System.nanoTime();
            try {
                flow.drive(driver, ids);
            } catch (AssertionError e) {
                result.brokenFlow(n, flow, e.getMessage());
                broken++;
            }
            boolean settled = driver.settle();
            List<Event> window = rig.timeline().drain();
            rig.device().forgetEndedCalls();
            List<String> leaks = leaks(rig, settled, window, ledger);
            long judgeStart = System.nanoTime();
            List<Event> judged = new ArrayList<>(preamble.size() + window.size());
            judged.addAll(preamble);
            judged.addAll(window);
            List<RuleVerdict> verdicts = monitor.judge(judged);
            steps.computeIfAbsent("judge (every rule, one call)", s -> new LatencyHistogram()).recordNanos(System.nanoTime() - judgeStart);
            steps.computeIfAbsent("whole call", s -> new LatencyHistogram()).recordNanos(System.nanoTime() - callStart);
            result.call(n, flow, leaks, verdicts, () -> RuleReport.explainAll(verdicts.stream().filter(RuleVerdict::failed).toList(),
                    judged, config.policy(), id -> id.toString().substring(0, 8)), () -> driver.render(window));
            if (n % every == 0 || n == calls) {
                ProcessWatch.Sample s = ProcessWatch.sample(n);
                result.sample(s);
                if (progress != null) {
                    progress.printf(Locale.ROOT, "soak: %s  leaks %d  violations %d  broken flows %d%n", s.describe(),
                            result.leakCount(), result.violationCount(), result.brokenFlowCount());
                }
            }
            if (broken >= MAX_BROKEN_FLOWS) {
                break;
            }
        }
    }

    /** What call {@code window} left behind, one finding per kind. */
    private static List<String> leaks(ScenarioRig rig, boolean settled, List<Event> window, SdkLedger ledger) {
        var device = rig.device();
        List<String> found = new ArrayList<>();
        if (!settled) {
            found.add("not settled: the device was still busy " + rig.waitBound().toMillis() + " ms after the call (app timers "
                    + device.appTimersArmed() + ", pending actions " + device.pendingActions() + ")");
        }
        if (!device.liveCalls().isEmpty()) {
            found.add("live call: the system still has " + device.liveCalls() + " after the call");
        }
        found.addAll(ledger.judge(window));
        Optional<SimulatedMediaSdk> sdk = device.mediaSdk();
        sdk.flatMap(SimulatedMediaSdk::preparedFor).ifPresent(c -> {
            if (found.stream().noneMatch(f -> f.startsWith("sdk prepared"))) {
                found.add("sdk prepared: the SDK is still prepared for " + c + " after the call");
            }
        });
        if (sdk.map(SimulatedMediaSdk::audioRunning).orElse(false)) {
            found.add("media running: the SDK's audio still runs after the call");
        }
        if (device.pendingActions() > 0) {
            found.add("pending action: " + device.pendingActions() + " call action(s) still wait for the app");
        }
        if (device.appTimersArmed() > 0) {
            found.add("app timer: " + device.appTimersArmed() + " of the app's timers still armed");
        }
        if (device.audioSession().isActive()) {
            found.add("audio session: still active with no call");
        }
        if (device.appState() == dev.callflow.device.AppState.NOT_RUNNING) {
            found.add("app gone: the app process is no longer running");
        }
        return found;
    }

    /** Every {@code prepareSDK} needs its {@code unprepareSDK} before the next prepare and before the call is over. */
    static final class SdkLedger {
        private Event prepared;

        List<String> judge(List<Event> window) {
            List<String> found = new ArrayList<>();
            for (Event e : window) {
                if (e.is(Source.SDK, EventKind.PREPARE_SDK)) {
                    if (prepared != null) {
                        found.add("sdk prepared twice: prepareSDK for " + e.call() + " (#" + e.seq() + ") while the SDK was "
                                + "still prepared for " + prepared.call() + " (#" + prepared.seq() + "), with no unprepareSDK between");
                    }
                    prepared = e;
                } else if (e.is(Source.SDK, EventKind.UNPREPARE_SDK)) {
                    prepared = null;
                }
            }
            if (prepared != null) {
                found.add("sdk prepared: prepareSDK for " + prepared.call() + " (#" + prepared.seq() + ") has no unprepareSDK "
                        + "by the end of the call");
                prepared = null; // reported once; the next call's prepare is judged afresh
            }
            return found;
        }
    }

    /** A random (version 4) UUID from the soak's seeded generator, so a seed repeats the same calls. */
    static UUID uuid(Random random) {
        long hi = (random.nextLong() & ~0xF000L) | 0x4000L;
        long lo = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(hi, lo);
    }

}
