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
                try {
                    if (generation == currentGeneration.getAsInt()) {
                        task.run();
                    }
                } catch (Throwable t) {
                    crashHandler.accept(t);
                } finally {
                    activity.end();
                }
            });
        } catch (RejectedExecutionException shutDown) {
            activity.end();
        }
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
