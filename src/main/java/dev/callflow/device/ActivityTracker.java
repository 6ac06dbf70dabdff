package dev.callflow.device;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongConsumer;

/**
 * Counts the device's work in flight (queued callbacks, pending actions, audio transitions, the app's HTTP requests)
 * so a scenario can wait, without polling, until the device has settled: the moment an absence ("no didActivate")
 * means something, and a flow that has not completed never will on its own.
 * <p>
 * Work can pass from one counted stage to the next through an uncounted gap (an HTTP response handed to the app's
 * continuation), so idleness is only <em>settled</em> once it has lasted a quiet period with no new work: the
 * {@code onIdle} callback schedules that confirmation.
 */
final class ActivityTracker {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private int inFlight;
    private long epoch;
    private boolean settled = true;
    private LongConsumer onIdle = e -> { };

    void onIdle(LongConsumer confirmLater) {
        this.onIdle = confirmLater;
    }

    void begin() {
        lock.lock();
        try {
            inFlight++;
            epoch++;
            settled = false;
        } finally {
            lock.unlock();
        }
    }

    void end() {
        long idleEpoch = -1;
        lock.lock();
        try {
            if (--inFlight <= 0) {
                inFlight = 0;
                idleEpoch = ++epoch;
            }
        } finally {
            lock.unlock();
        }
        if (idleEpoch >= 0) {
            onIdle.accept(idleEpoch);
        }
    }

    /** Called after the quiet period: settled if nothing started since idleness began. */
    boolean confirm(long idleEpoch) {
        lock.lock();
        try {
            if (inFlight == 0 && epoch == idleEpoch && !settled) {
                settled = true;
                changed.signalAll();
                return true;
            }
            return false;
        } finally {
            lock.unlock();
        }
    }

    boolean settled() {
        lock.lock();
        try {
            return settled;
        } finally {
            lock.unlock();
        }
    }

    boolean awaitSettled(Duration timeout) {
        long left = timeout.toNanos();
        lock.lock();
        try {
            while (!settled) {
                if (left <= 0) {
                    return false;
                }
                left = changed.awaitNanos(left);
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            lock.unlock();
        }
    }
}
