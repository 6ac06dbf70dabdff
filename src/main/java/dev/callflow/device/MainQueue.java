package dev.callflow.device;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

/**
 * The app process's main queue: one serial thread on which every delegate callback runs. Tasks enqueued for an
 * app process that has since been terminated are dropped, as they would die with the process. An exception that
 * escapes app code crashes the app, as it would on a device.
 */
final class MainQueue {
    private final ExecutorService executor;
    private final IntSupplier currentGeneration;
    private final Consumer<Throwable> crashHandler;
    private final ActivityTracker activity;
    /** Real time spent running tasks, and when the running one started (0: none runs). */
    private final java.util.concurrent.atomic.AtomicLong busyNanos = new java.util.concurrent.atomic.AtomicLong();
    private volatile long runningSince;

    MainQueue(String deviceId, IntSupplier currentGeneration, Consumer<Throwable> crashHandler, ActivityTracker activity) {
        this.activity = activity;
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "main-" + deviceId);
            t.setDaemon(true);
            return t;
        });
        this.currentGeneration = currentGeneration;
        this.crashHandler = crashHandler;
    }

    void async(Runnable task) {
        int generation = currentGeneration.getAsInt();
        activity.begin();
        try {
            executor.execute(() -> {
                long started = System.nanoTime();
                runningSince = started;
                try {
                    if (generation == currentGeneration.getAsInt()) {
                        task.run();
                    }
                } catch (Throwable t) {
                    crashHandler.accept(t);
                } finally {
                    runningSince = 0;
                    busyNanos.addAndGet(System.nanoTime() - started);
                    activity.end();
                }
            });
        } catch (RejectedExecutionException shutDown) {
            activity.end();
        }
    }

    /** Real time the queue has spent running tasks so far, the one running now included. */
    long busyNanos() {
        long since = runningSince;
        return busyNanos.get() + (since == 0 ? 0 : Math.max(0, System.nanoTime() - since));
    }

    /**
     * Queues {@code tasks} back to back: the main thread waits at a barrier until all are queued, so nothing one of
     * them queues while running (a completion) can slip in between them.
     */
    void asyncTogether(java.util.List<Runnable> tasks) {
        java.util.concurrent.CountDownLatch queued = new java.util.concurrent.CountDownLatch(1);
        async(() -> {
            boolean interrupted = false;
            while (true) {
                try {
                    queued.await();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        });
        try {
            tasks.forEach(this::async);
        } finally {
            queued.countDown();
        }
    }

    void shutdown() {
        executor.shutdownNow();
    }
}
