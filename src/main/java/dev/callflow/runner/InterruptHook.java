package dev.callflow.runner;

import dev.callflow.harness.Interruption;
import dev.callflow.harness.RunContext;
import dev.callflow.harness.RunResult;
import dev.callflow.report.ReportFiles;
import dev.callflow.report.RunReports;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One run's answer to SIGINT and SIGTERM, as a JVM shutdown hook: it says "interrupted" on stderr and writes the
 * reports of the scenarios finished so far, marked interrupted, in place of the run's normal end (the JVM then exits
 * 130, or 143 for SIGTERM). Exactly one of the two ends writes the reports: whichever claims the run first. A hook that
 * comes after the normal end began waits for it, bounded, and writes nothing; the hook itself never waits on a
 * scenario, and gives up writing after {@link #BOUND}.
 */
final class InterruptHook implements AutoCloseable {
    static final Duration BOUND = Duration.ofSeconds(15);

    private enum State { RUNNING, ENDING, DONE, INTERRUPTED }

    private final AtomicReference<State> state = new AtomicReference<>(State.RUNNING);
    private final CountDownLatch normalEnd = new CountDownLatch(1);
    private final CountDownLatch hookEnd = new CountDownLatch(1);
    private final RunContext run;
    private final List<FeatureFiles.Selected> selected;
    private final Path dir;
    private final PrintStream err;
    private final Thread hook;
    private volatile RunResult interrupted;

    private InterruptHook(RunContext run, List<FeatureFiles.Selected> selected, Path dir, PrintStream err) {
        this.run = run;
        this.selected = List.copyOf(selected);
        this.dir = dir;
        this.err = err;
        this.hook = new Thread(this::onShutdown, "callflow-interrupted");
    }

    /** Registers the hook of a run that writes its reports to {@code dir}. */
    static InterruptHook arm(RunContext run, List<FeatureFiles.Selected> selected, Path dir) {
        return arm(run, selected, dir, System.err);
    }

    static InterruptHook arm(RunContext run, List<FeatureFiles.Selected> selected, Path dir, PrintStream err) {
        InterruptHook h = new InterruptHook(run, selected, dir, err);
        Runtime.getRuntime().addShutdownHook(h.hook);
        return h;
    }

    /**
     * Claims the run's end for its normal path. False when the hook claimed it first: then this waits, bounded, for
     * the hook's reports, and the run's result is {@link #interruptedResult}.
     */
    boolean beginNormalEnd() {
        if (state.compareAndSet(State.RUNNING, State.ENDING)) {
            return true;
        }
        await(hookEnd, BOUND.multipliedBy(2));
        return false;
    }

    /** What the hook wrote: the result of the scenarios finished when the run was stopped. */
    RunResult interruptedResult() {
        RunResult r = interrupted;
        return r != null ? r : run.result().interrupted(interruption(run.result()));
    }

    /** The run is over: a hook that runs from now on does nothing. */
    @Override
    public void close() {
        state.getAndUpdate(s -> s == State.INTERRUPTED ? s : State.DONE);
        normalEnd.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is exiting: the hook runs, sees DONE, and returns
        }
    }

    /** The hook's work: the JVM runs it on SIGINT or SIGTERM (and on any exit while the hook is registered). */
    void onShutdown() {
        State was = state.compareAndExchange(State.RUNNING, State.INTERRUPTED);
        if (was == State.ENDING) {
            await(normalEnd, BOUND);
        }
        if (was != State.RUNNING) {
            return;
        }
        try {
            RunResult sofar = run.stop();
            Interruption interruption = interruption(sofar);
            interrupted = sofar.interrupted(interruption);
            err.printf("%ncallflow: %s; writing their reports to %s%n", interruption.describe(), dir);
            err.flush();
            AtomicReference<String> outcome = new AtomicReference<>("gave up writing the reports after " + BOUND.toSeconds() + " s");
            Thread writer = new Thread(() -> {
                try {
                    write(interrupted);
                    outcome.set(dir.resolve(RunReports.SUMMARY) + " says which scenarios finished");
                } catch (RuntimeException e) {
                    outcome.set("could not write the reports: " + e.getMessage());
                }
            }, "callflow-interrupted-reports");
            writer.setDaemon(true);
            writer.start();
            writer.join(BOUND.toMillis());
            err.println("callflow: interrupted; " + outcome.get());
            err.flush();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            hookEnd.countDown();
        }
    }

    private Interruption interruption(RunResult sofar) {
        Set<String> finished = new HashSet<>();
        sofar.scenarios().forEach(o -> finished.add(SuiteRunner.key(o.uri(), o.line())));
        return new Interruption(selected.size(), selected.stream()
                .filter(s -> !finished.contains(SuiteRunner.key(s.file().toUri().toString(), s.line())))
                .map(s -> new Interruption.Unfinished(s.file().toUri().toString(), s.line(), s.name())).toList());
    }

    /**
     * The finished scenarios' reports. Cucumber's own JUnit XML and HTML are written only at a run's end, so theirs
     * are dropped: the JUnit XML is written anew ({@link RunReports#write}), and no cucumber.html is left (a page
     * cut off half way shows nothing; summary.txt and the timelines hold what it would have).
     */
    private void write(RunResult result) {
        ReportFiles.deleteRecursively(dir.resolve(RunReports.HTML_PARTIAL));
        ReportFiles.deleteRecursively(dir.resolve(RunReports.JUNIT_PARTIAL));
        RunReports.write(result, dir);
    }

    private static void await(CountDownLatch latch, Duration bound) {
        try {
            latch.await(bound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
