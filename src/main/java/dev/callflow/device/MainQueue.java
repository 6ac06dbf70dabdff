package dev.callflow.device;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

/**
 * The app process's main queue: a serial FIFO of tasks on the scenario's {@link VirtualClock}. Each task queued
 * schedules one <em>pump</em> on the clock, which runs whatever task is at the head, so the queue stays FIFO in any
 * order the clock runs its pumps (whatever the seed). Tasks enqueued for an app process that has since been
 * terminated are dropped, as they would die with the process. An exception that escapes app code crashes the app, as
 * it would on a device. A busy main thread (a hang, a cold launch) holds every task until it is free again.
 */
final class MainQueue {
    private record Task(int generation, Runnable body) { }

    private final VirtualClock clock;
    private final IntSupplier currentGeneration;
    private final Consumer<Throwable> crashHandler;
    private final Deque<Task> fifo = new ArrayDeque<>();
    /** Virtual time until which the main thread is busy with something that is no queued task. */
    private long busyUntil = Long.MIN_VALUE;

    MainQueue(VirtualClock clock, IntSupplier currentGeneration, Consumer<Throwable> crashHandler) {
        this.clock = clock;
        this.currentGeneration = currentGeneration;
        this.crashHandler = crashHandler;
    }

    void async(Runnable task) {
        synchronized (this) {
            fifo.addLast(new Task(currentGeneration.getAsInt(), task));
        }
        clock.schedule(Duration.ZERO, VirtualClock.Lane.MAIN, true, this::pump);
    }

    /** Queues {@code tasks} back to back: nothing one of them queues while running can slip in between them. */
    void asyncTogether(java.util.List<Runnable> tasks) {
        tasks.forEach(this::async); // FIFO: whatever the first queues lands behind the last
    }

    /**
     * The main thread is busy for {@code busy} from now (a hang, the process launching): no queued task runs
     * meanwhile; then {@code continuation} runs first, ahead of everything queued.
     */
    void busyFor(Duration busy, Runnable continuation) {
        long until;
        synchronized (this) {
            until = Math.max(busyUntil, clock.nowNanos() + busy.toNanos());
            busyUntil = until;
            fifo.addFirst(new Task(currentGeneration.getAsInt(), continuation));
        }
        clock.at(until, VirtualClock.Lane.MAIN, true, this::pump);
    }

    private void pump() {
        Task task;
        synchronized (this) {
            if (clock.nowNanos() < busyUntil) {
                clock.at(busyUntil, VirtualClock.Lane.MAIN, true, this::pump);
                return;
            }
            task = fifo.pollFirst();
        }
        if (task == null || task.generation() != currentGeneration.getAsInt()) {
            return;
        }
        try {
            task.body().run();
        } catch (Throwable t) {
            crashHandler.accept(t);
        }
    }
}
