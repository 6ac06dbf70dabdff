package dev.callflow.harness;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A run's report work that need not hold up a scenario: rendering its sequence diagram. One background thread does it
 * while the next scenarios run; each result waits here, by the scenario's test case id, for the report that attaches
 * it. {@link #finish} waits, bounded, for what is left once the suite is done.
 */
public final class ReportWork implements AutoCloseable {
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "callflow-report-work");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        return t;
    });
    private final Map<String, CompletableFuture<byte[]>> results = new ConcurrentHashMap<>();
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicLong busyNanos = new AtomicLong();
    private volatile long waitedMillis;

    /** Work with no result to keep, e.g. loading a renderer's classes before the first scenario needs them. */
    public void warmUp(Runnable work) {
        worker.execute(work);
    }

    /** Starts {@code work} for a scenario; its result is {@link #take}n by the report that attaches it. */
    public void submit(String testCase, Supplier<byte[]> work) {
        results.put(testCase, CompletableFuture.supplyAsync(() -> {
            long t0 = System.nanoTime();
            try {
                return work.get();
            } finally {
                busyNanos.addAndGet(System.nanoTime() - t0);
                done.incrementAndGet();
            }
        }, worker));
    }

    /** The scenario's pending result, once: the caller attaches it when it completes. */
    public Optional<CompletableFuture<byte[]>> take(String testCase) {
        return Optional.ofNullable(results.remove(testCase));
    }

    /** Lets the work already submitted finish, for at most {@code bound}, then stops the thread. */
    public void finish(Duration bound) {
        long t0 = System.nanoTime();
        worker.shutdown();
        try {
            if (!worker.awaitTermination(bound.toMillis(), TimeUnit.MILLISECONDS)) {
                worker.shutdownNow();
            }
        } catch (InterruptedException e) {
            worker.shutdownNow();
            Thread.currentThread().interrupt();
        }
        waitedMillis = (System.nanoTime() - t0) / 1_000_000;
    }

    public ReportWorkFigure figure() {
        return new ReportWorkFigure(done.get(), busyNanos.get() / 1_000_000, waitedMillis);
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
