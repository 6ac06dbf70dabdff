package dev.callflow.load;

import dev.callflow.harness.Infrastructure;
import dev.callflow.harness.RunConfig;
import dev.callflow.harness.RunResult;
import dev.callflow.harness.ScenarioRig;
import dev.callflow.iut.ImplementationsUnderTest;
import dev.callflow.platform.AppFactory;
import dev.callflow.report.ReportFiles;
import dev.callflow.runner.SuiteRunner;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The harness's speed, as a benchmark (it prints, it asserts nothing): the suite's wall time (without and with report
 * files), the per-scenario harness overhead (a fresh device, timeline and registrations), and full-stack calls per
 * second against the in-process app: many devices at once, each doing call after call of a VoIP push over TLS with
 * token auth (enforced), the report, the answer, media, the hang-up and the end.
 */
public final class Bench {
    private final RunConfig config;
    private final int calls;
    private final int devices;
    private final int rigs;
    private final boolean suite;
    private final PrintStream log;

    /**
     * @param config  the IUT (in-process for meaningful call rates), threads of the suite runs, profile, policy, seed
     * @param calls   measured full-stack calls (after a warm-up of the same devices)
     * @param devices devices calling at once, one thread each
     * @param rigs    scenario rigs to create and close for the overhead figures
     * @param suite   run the whole suite (twice: without and with report files)
     * @param log     progress, or {@code null}
     */
    public Bench(RunConfig config, int calls, int devices, int rigs, boolean suite, PrintStream log) {
        if (calls < 1 || devices < 1 || rigs < 1) {
            throw new IllegalArgumentException("bench needs --calls, --devices and --rigs of at least 1; got " + calls + ", "
                    + devices + ", " + rigs);
        }
        if (devices > 1000) {
            throw new IllegalArgumentException("--devices is at most 1000 (two threads each), got " + devices);
        }
        this.config = config;
        this.calls = calls;
        this.devices = devices;
        this.rigs = rigs;
        this.suite = suite;
        this.log = log;
    }

    public BenchResult run() {
        BenchResult.Builder result = new BenchResult.Builder(config, calls, devices);
        if (suite) {
            say("bench: the whole suite, no report files …");
            RunResult quiet = SuiteRunner.run(config.toBuilder().reportsDir(null).progress(false).build());
            result.suite(quiet, false);
            say("bench: the whole suite again, with every report file …");
            Path dir = tempReports();
            try {
                result.suite(SuiteRunner.run(config.toBuilder().reportsDir(dir).progress(false).build()), true);
            } finally {
                ReportFiles.deleteRecursively(dir);
            }
        }
        try (Infrastructure infra = Infrastructure.start(config.settings())) {
            result.serverStartMillis(infra.startMillis());
            AppFactory app = ImplementationsUnderTest.resolve(config.iut(), infra.externalIuts());
            say("bench: " + rigs + " scenario rigs …");
            rigOverhead(infra, app, result);
            say("bench: " + calls + " full-stack calls on " + devices + " devices …");
            fullStack(infra, app, result);
        }
        return result.build();
    }

    private void rigOverhead(Infrastructure infra, AppFactory app, BenchResult.Builder result) {
        LatencyHistogram create = new LatencyHistogram();
        LatencyHistogram close = new LatencyHistogram();
        for (int i = 0; i < rigs; i++) {
            long t0 = System.nanoTime();
            ScenarioRig rig = ScenarioRig.create(infra, config.settings(), app, "bench-rig-" + i);
            long t1 = System.nanoTime();
            rig.close();
            create.recordNanos(t1 - t0);
            close.recordNanos(System.nanoTime() - t1);
        }
        result.rigs(create, close);
    }

    private void fullStack(Infrastructure infra, AppFactory app, BenchResult.Builder result) {
        Map<String, LatencyHistogram> steps = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(devices, r -> {
            Thread t = new Thread(r, "bench-caller");
            t.setDaemon(true);
            return t;
        });
        List<ScenarioRig> opened = new ArrayList<>();
        try {
            List<CallDriver> drivers = new ArrayList<>();
            for (int i = 0; i < devices; i++) {
                ScenarioRig rig = ScenarioRig.create(infra, config.settings(), app, "bench-device-" + i);
                opened.add(rig);
                drivers.add(new CallDriver(rig, (step, nanos) -> steps.computeIfAbsent(step, s -> new LatencyHistogram())
                        .recordNanos(nanos)));
            }
            runAll(pool, drivers, CallDriver::launch);
            int warmUp = Math.max(devices * 5, calls / 5);
            phase(pool, drivers, warmUp);
            steps.clear();
            long cpu0 = processCpuNanos();
            long t0 = System.nanoTime();
            int done = phase(pool, drivers, calls);
            long wall = System.nanoTime() - t0;
            result.fullStack(done, warmUp, wall, processCpuNanos() - cpu0, steps);
        } finally {
            pool.shutdownNow();
            opened.forEach(ScenarioRig::close);
        }
    }

    /** {@code total} calls over the drivers, each calling back to back until none is left; how many completed. */
    private int phase(ExecutorService pool, List<CallDriver> drivers, int total) {
        AtomicInteger left = new AtomicInteger(total);
        AtomicInteger done = new AtomicInteger();
        Random seeds = new Random(config.seed());
        List<Long> driverSeeds = drivers.stream().map(d -> seeds.nextLong()).toList();
        List<Runnable> jobs = new ArrayList<>();
        for (int i = 0; i < drivers.size(); i++) {
            CallDriver d = drivers.get(i);
            Random random = new Random(driverSeeds.get(i));
            jobs.add(() -> {
                while (left.getAndDecrement() > 0) {
                    var id = Soak.uuid(random);
                    d.push(id, "alice");
                    d.answer(id);
                    d.hangUpInApp(id);
                    d.settle();
                    d.rig().timeline().drain();
                    done.incrementAndGet();
                }
            });
        }
        runAll(pool, jobs);
        return done.get();
    }

    private static void runAll(ExecutorService pool, List<CallDriver> drivers, java.util.function.Consumer<CallDriver> each) {
        runAll(pool, drivers.stream().<Runnable>map(d -> () -> each.accept(d)).toList());
    }

    private static void runAll(ExecutorService pool, List<Runnable> jobs) {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        for (Runnable job : jobs) {
            futures.add(pool.submit(() -> {
                start.await();
                job.run();
                return null;
            }));
        }
        start.countDown();
        try {
            for (Future<?> f : futures) {
                f.get(10, TimeUnit.MINUTES);
            }
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof AssertionError a) {
                throw new IllegalStateException("A benchmark call did not complete: " + a.getMessage(), a);
            }
            throw new IllegalStateException("A benchmark call failed: " + cause, cause);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("The benchmark's calls did not finish within 10 minutes", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    private static long processCpuNanos() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : -1;
    }

    private Path tempReports() {
        try {
            return Files.createTempDirectory("callflow-bench-reports");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary reports directory", e);
        }
    }

    private void say(String line) {
        if (log != null) {
            log.println(line);
            log.flush();
        }
    }
}
