package dev.callflow.device;

import dev.callflow.timeline.Timeline;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * One scenario's time: a virtual now and a queue of due tasks ordered by (due time, tie-break, sequence number). Every
 * duration of the simulated phone is a task on it (system latencies and timeouts, push delays, the server's fault
 * delays, the app's timers, a hung main thread), and so is every callback the app gets: one simulation thread runs
 * the tasks one at a time, so the phone's work happens in one order that depends on nothing but the scenario and the
 * seed.
 * <p>
 * <b>Time jumps.</b> Virtual time moves to the next due task as soon as nothing is left to do now (no task due now,
 * none running, no arrival due now still on the network), and only while a waiter lets it: {@link #runUntil} names a
 * horizon and a condition, and time never passes a state in which the condition held. Everything else happens in
 * zero virtual time, however long it takes in real time.
 * <p>
 * <b>The scenario is an actor.</b> The clock is <em>held</em> from its creation: no task runs while the scenario
 * acts or between its steps. Only {@link #runUntil} lets tasks run (and time pass), and it ends by running what is
 * due now, with time frozen, before it holds the clock again; so what a person does comes after what the app did.
 * <p>
 * <b>Arrivals.</b> Work that completes on a real-time thread (an HTTP response) takes its place in the order when it
 * is caused ({@link #expect}): its due time and sequence number are fixed on the simulation's side, and the network
 * thread only hands over the code to run. The simulation waits for it when it is next in line, never overtakes it.
 * <p>
 * <b>In flight.</b> Counted tasks, arrivals, and explicit {@link #begin()}/{@link #end()} pairs are the phone's work
 * in flight. With none, the phone has <em>settled</em>: nothing left could produce an event on its own, known exactly,
 * with no quiet period. Uncounted tasks (a ring timer, an action's timeout) wait in the background: time reaches them
 * only while a waiter lets it.
 * <p>
 * <b>A ringing call waits for a person.</b> While a {@link Wait#PERSON} task is pending (the system's ring timer of a
 * call that rings unanswered) or an {@link #awaitPerson} mark stands (an outgoing call its callee has not answered),
 * the phone also counts as settled when its only work in flight is {@link Wait#PATIENT} (the app's long timers, such as
 * its own give-up on a call nobody answers): a person answers within seconds, so neither the system's ring timeout nor
 * the app's own give-up is reached unless a waiter lets time pass that far.
 * <p>
 * <b>Seed.</b> Tasks due at the same virtual instant are truly concurrent on a phone. Seed 0 runs them in the order
 * they were caused; any other seed shuffles them by a hash of (seed, sequence number). Order that matters is kept by
 * structure, never by this tie-break: the main queue is FIFO whatever order its pumps run in, audio transitions chain,
 * a response is scheduled only once its request reached the server.
 * <p>
 * Real time bounds only the waits: a task that does not return (an app that hangs), or an arrival that never comes,
 * stops a wait after {@code realTimeGuard} without progress ({@link Outcome#STALLED}).
 */
public final class VirtualClock implements AutoCloseable {

    /** The instant virtual time 0 stands for in rendered timelines: fixed, so that timelines compare byte for byte. */
    public static final Instant BASE = Instant.parse("2026-11-24T20:53:58Z");

    /** Where a task runs: its events carry the lane's thread id, as a device log shows the thread of each line. */
    public enum Lane {
        /** The app's main queue: delegate callbacks and the app's own work. */
        MAIN(259),
        /** The system's own work: timeouts, audio transitions, the watchdog. */
        SYSTEM(1027),
        /** Completions that come over the network: the server's journal, HTTP responses. */
        NETWORK(2307),
        /** The scenario acting: a person's gesture, the server sending, a push on its way. */
        HARNESS(4099);

        private final long thread;

        Lane(long thread) {
            this.thread = thread;
        }

        /** The thread id events recorded in this lane carry. */
        public long thread() {
            return thread;
        }
    }

    /** A task that has not run yet. */
    @FunctionalInterface
    public interface Scheduled {
        /** Idempotent; a task that already ran is not affected. */
        void cancel();

        Scheduled NONE = () -> { };
    }

    /** The place of work that arrives from a real-time thread: hand it the code to run, once, from any thread. */
    @FunctionalInterface
    public interface Arrival {
        void arrive(Runnable task);
    }

    /** Why {@link #runUntil} returned. */
    public enum Outcome {
        /** The condition held. */
        MATCHED,
        /** Nothing was left in flight (the phone settled) before the condition held. */
        SETTLED,
        /** The next task is due after the horizon, or nothing is scheduled at all. */
        HORIZON,
        /** No progress for the real-time guard: a task did not return, or an arrival did not come. */
        STALLED,
        /** The clock was closed. */
        CLOSED
    }

    /** How a scheduled task bears on whether the phone has settled. */
    public enum Wait {
        /** Work in flight until it ran or was cancelled. */
        COUNTED,
        /** A background timer (an action's timeout): not in flight; time reaches it only while a waiter lets it. */
        BACKGROUND,
        /**
         * In the background, and while it is pending a person is awaited: the system's ring timer of an incoming
         * call (an outgoing call's callee is a mark with no task, {@link #awaitPerson()}).
         */
        PERSON,
        /** In flight, except while a person is awaited ({@link #PERSON}): the app's long timers. */
        PATIENT;

        boolean counted() {
            return this == COUNTED || this == PATIENT;
        }
    }

    private static final class Entry {
        final long due;
        final long rank;
        final long seq;
        final Lane lane;
        final Wait wait;
        Runnable task; // null until an arrival arrives; guarded by the clock's lock
        boolean done;

        Entry(long due, long rank, long seq, Lane lane, Wait wait, Runnable task) {
            this.due = due;
            this.rank = rank;
            this.seq = seq;
            this.lane = lane;
            this.wait = wait;
            this.task = task;
        }
    }

    private static final Comparator<Entry> ORDER = Comparator.<Entry>comparingLong(e -> e.due)
            .thenComparingLong(e -> e.rank).thenComparingLong(e -> e.seq);

    private final String name;
    private final long seed;
    private final Duration realTimeGuard;
    private final ReentrantLock lock = new ReentrantLock();
    /** The simulation thread's (and {@link #awaitPost}'s) wake-up: new work, an arrival, a grant to move time. */
    private final Condition changed = lock.newCondition();
    /**
     * The waiting scenario's wake-up. The simulation thread runs task after task without waking it, testing the
     * scenario's condition itself, and wakes it only when the condition holds, when nothing is due now (so that the
     * scenario decides whether time may move), or when work in flight ends or is cancelled from outside.
     */
    private final Condition waiterWake = lock.newCondition();
    /** The condition of the {@link #runUntil} in progress, or {@code null}. */
    private BooleanSupplier waiting;
    private final PriorityQueue<Entry> queue = new PriorityQueue<>(ORDER);
    private final Thread worker;
    private volatile long now;
    private volatile Entry running;
    private volatile Thread holder;
    private volatile Consumer<Throwable> faults = t -> { };
    private long nextSeq;
    private long posts;
    /** Bumped whenever the simulation's state changes: after a task, when time moves. */
    private long version;
    private int inFlight;
    /** Of {@link #inFlight}, the {@link Wait#PATIENT} tasks. */
    private int patient;
    /** Pending {@link Wait#PERSON} tasks and {@link #awaitPerson} marks: calls that wait for a person. */
    private int personsAwaited;
    private boolean held = true;
    /** Time may move to a task due no later than this, and only in the state {@link #grant} names. */
    private long horizon = Long.MIN_VALUE;
    private long grant = -1;
    private boolean closed;

    /**
     * @param name          names the simulation thread ({@code main-<name>})
     * @param seed          0: tasks due at the same instant run in the order they were caused; else shuffled by it
     * @param realTimeGuard how long a wait tolerates no progress at all, in real time
     */
    public VirtualClock(String name, long seed, Duration realTimeGuard) {
        this.name = Objects.requireNonNull(name, "name");
        this.seed = seed;
        this.realTimeGuard = Objects.requireNonNull(realTimeGuard, "realTimeGuard");
        if (realTimeGuard.isNegative() || realTimeGuard.isZero()) {
            throw new IllegalArgumentException("the real-time guard must be positive, got " + realTimeGuard);
        }
        this.holder = Thread.currentThread();
        this.worker = new Thread(this::work, "main-" + name);
        worker.setDaemon(true);
        worker.start();
    }

    public String name() { return name; }

    public long seed() { return seed; }

    public Duration realTimeGuard() { return realTimeGuard; }

    /** Virtual nanoseconds since the scenario began. */
    public long nowNanos() { return now; }

    public Duration now() { return Duration.ofNanos(now); }

    /** What happens to an exception that escapes a task (the app's main queue handles its own). */
    public void onFault(Consumer<Throwable> handler) {
        this.faults = Objects.requireNonNull(handler, "handler");
    }

    /**
     * A timeline on this clock: timestamps are virtual time after {@link #BASE} (in UTC), thread ids are the lanes'
     * ({@link Lane}), so the same scenario renders the same text on every run.
     */
    public Timeline newTimeline(String processName, long pid) {
        return Timeline.withClock(this::nowNanos, this::threadOfCaller, BASE, ZoneOffset.UTC, processName, pid);
    }

    /** The lane the calling thread acts in: a task's lane on the simulation thread, else the scenario's. */
    public Lane currentLane() {
        Entry e = running;
        return Thread.currentThread() == worker && e != null ? e.lane : Lane.HARNESS;
    }

    private long threadOfCaller() {
        return currentLane().thread();
    }

    /** Whether the calling thread may touch the simulation now: it is the simulation thread, or the scenario holding it. */
    public boolean inSimulation() {
        Thread t = Thread.currentThread();
        if (t == worker) {
            return true;
        }
        lock.lock();
        try {
            return held && t == holder;
        } finally {
            lock.unlock();
        }
    }

    /** Whether the calling thread is the simulation thread running a task. */
    public boolean onSimulationThread() {
        return Thread.currentThread() == worker;
    }

    // ---- scheduling ---------------------------------------------------------------------------------------------

    /** Runs {@code task} {@code delay} after now; a counted task is work in flight until it ran or was cancelled. */
    public Scheduled schedule(Duration delay, Lane lane, boolean counted, Runnable task) {
        return schedule(delay, lane, counted ? Wait.COUNTED : Wait.BACKGROUND, task);
    }

    /** Runs {@code task} {@code delay} after now; {@code wait} says how it bears on the phone's settling. */
    public Scheduled schedule(Duration delay, Lane lane, Wait wait, Runnable task) {
        Objects.requireNonNull(task, "task");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("a delay must not be negative, got " + delay);
        }
        return at(saturatedAdd(now, delay.toNanos()), lane, wait, task);
    }

    /** Runs {@code task} at virtual time {@code dueNanos} (now, if that has passed). */
    public Scheduled at(long dueNanos, Lane lane, boolean counted, Runnable task) {
        return at(dueNanos, lane, counted ? Wait.COUNTED : Wait.BACKGROUND, task);
    }

    private Scheduled at(long dueNanos, Lane lane, Wait wait, Runnable task) {
        Objects.requireNonNull(task, "task");
        Entry e = add(dueNanos, lane, wait, task);
        return e == null ? Scheduled.NONE : () -> cancel(e);
    }

    /**
     * The place, {@code delay} from now, of work a real-time thread completes later (an HTTP response): its order is
     * fixed now; it counts as in flight until it ran. The simulation waits for it when it is next in line.
     */
    public Arrival expect(Duration delay, Lane lane) {
        Entry e = add(saturatedAdd(now, delay.toNanos()), lane, Wait.COUNTED, null);
        if (e == null) {
            return task -> { };
        }
        return task -> {
            Objects.requireNonNull(task, "task");
            lock.lock();
            try {
                if (e.task == null && !e.done) {
                    e.task = task;
                    changed.signalAll();
                }
            } finally {
                lock.unlock();
            }
        };
    }

    /**
     * Work that comes from a real-time thread with no place fixed in advance (an external app's stray line, its
     * process exiting, its stderr): runs as soon as the simulation may, at the current virtual time.
     */
    public void post(Lane lane, Runnable task) {
        lock.lock();
        try {
            posts++;
            at(now, lane, Wait.COUNTED, task);
        } finally {
            lock.unlock();
        }
    }

    /** How many tasks real-time threads have {@link #post}ed so far. */
    public long posts() {
        lock.lock();
        try {
            return posts;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits, in real time, until a real-time thread posts work after the first {@code seen} posts: for a test that
     * expects a verdict only a reader thread can give (an external app's stray line). False after {@code timeout}.
     */
    public boolean awaitPost(long seen, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (posts <= seen && !closed) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                changed.awaitNanos(left);
            }
            return posts > seen;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Marks that a person is awaited while no task stands for it (an outgoing call's callee), as a pending
     * {@link Wait#PERSON} task does, until the returned mark is cancelled.
     */
    public Scheduled awaitPerson() {
        lock.lock();
        try {
            if (closed) {
                return Scheduled.NONE;
            }
            personsAwaited++;
        } finally {
            lock.unlock();
        }
        AtomicBoolean pending = new AtomicBoolean(true);
        return () -> {
            if (!pending.compareAndSet(true, false)) {
                return;
            }
            lock.lock();
            try {
                if (!closed) {
                    personsAwaited--;
                    version++;
                    wakeAll();
                }
            } finally {
                lock.unlock();
            }
        };
    }

    /** Marks work in flight that no task stands for (a pending action, a held push); pair with {@link #end()}. */
    public void begin() {
        lock.lock();
        try {
            if (!closed) {
                inFlight++;
            }
        } finally {
            lock.unlock();
        }
    }

    public void end() {
        lock.lock();
        try {
            if (!closed && inFlight > 0) {
                inFlight--;
                version++;
                wakeAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Work in flight now: counted tasks, arrivals and open {@link #begin()}s. */
    public int inFlight() {
        lock.lock();
        try {
            return inFlight;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Nothing in flight: no event can come any more but from a background timer (a ring timeout) or the scenario. While
     * a call rings for a person, the app's long timers ({@link Wait#PATIENT}) wait in the background too.
     */
    public boolean settled() {
        lock.lock();
        try {
            return settledNow();
        } finally {
            lock.unlock();
        }
    }

    /** Under the lock: see {@link #settled()}. */
    private boolean settledNow() {
        return inFlight == 0 || (inFlight == patient && personsAwaited > 0);
    }

    private void track(Wait wait, int delta) {
        if (wait.counted()) {
            inFlight += delta;
        }
        if (wait == Wait.PATIENT) {
            patient += delta;
        } else if (wait == Wait.PERSON) {
            personsAwaited += delta;
        }
    }

    private Entry add(long due, Lane lane, Wait wait, Runnable task) {
        lock.lock();
        try {
            if (closed) {
                return null;
            }
            long seq = nextSeq++;
            Entry e = new Entry(Math.max(due, now), rank(seq), seq, Objects.requireNonNull(lane, "lane"),
                    Objects.requireNonNull(wait, "wait"), task);
            queue.add(e);
            track(wait, 1);
            changed.signalAll();
            return e;
        } finally {
            lock.unlock();
        }
    }

    private void cancel(Entry e) {
        lock.lock();
        try {
            if (!e.done && queue.remove(e)) {
                e.done = true;
                track(e.wait, -1);
                version++;
                wakeAll();
            }
        } finally {
            lock.unlock();
        }
    }

    private long rank(long seq) {
        return seed == 0 ? 0 : mix(seed * 0x9E3779B97F4A7C15L + seq);
    }

    /** SplitMix64's finaliser: a fixed, well-spread hash (the seed's shuffles and the ids drawn from it). */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static long saturatedAdd(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
    }

    // ---- the simulation thread ----------------------------------------------------------------------------------

    private void work() {
        while (true) {
            Entry next;
            lock.lock();
            try {
                next = nextToRun();
                if (next == null) {
                    return; // closed
                }
                running = next;
            } finally {
                lock.unlock();
            }
            try {
                next.task.run();
            } catch (Throwable t) {
                try {
                    faults.accept(t);
                } catch (RuntimeException ignored) {
                    // the fault handler must not stop the simulation
                }
            }
            lock.lock();
            try {
                running = null;
                next.done = true;
                if (!closed) {
                    track(next.wait, -1);
                }
                version++;
                wakeWaiterIfDecided();
            } finally {
                lock.unlock();
            }
        }
    }

    /** Under the lock: waits for the next task the simulation may run, moving time when a waiter lets it. */
    private Entry nextToRun() {
        while (true) {
            if (closed) {
                return null;
            }
            Entry head = queue.peek();
            if (!held && head != null) {
                if (head.due <= now) {
                    if (head.task != null) {
                        queue.poll();
                        return head;
                    }
                } else if (grant == version && head.due <= horizon) {
                    now = head.due;
                    version++;
                    changed.signalAll();
                    continue;
                }
            }
            try {
                changed.await();
            } catch (InterruptedException e) {
                // close() interrupts; the loop sees closed
            }
        }
    }

    /** Under the lock, on the simulation thread after a task: wakes the waiting scenario if it has something to decide. */
    private void wakeWaiterIfDecided() {
        BooleanSupplier w = waiting;
        if (w == null) {
            return;
        }
        boolean decide;
        try {
            decide = closed || quietNow() || w.getAsBoolean();
        } catch (RuntimeException e) {
            decide = true; // the scenario's own test of it throws, where it can be reported
        }
        if (decide) {
            waiterWake.signalAll();
        }
    }

    private void wakeAll() {
        changed.signalAll();
        waiterWake.signalAll();
    }

    /** Under the lock: nothing runs and nothing is due now (an arrival due now still on the network counts as due). */
    private boolean quietNow() {
        if (running != null) {
            return false;
        }
        Entry head = queue.peek();
        return head == null || head.due > now;
    }

    // ---- waiting --------------------------------------------------------------------------------------------------

    /**
     * Lets the simulation run until {@code done} holds (checked after every task, and before time moves), the phone
     * settles (when {@code stopWhenSettled}), or the next task lies beyond {@code horizon} from now; then runs what is
     * due now with time frozen, and holds the clock again. Time never moves past a state in which {@code done} held.
     * Called by the scenario (never by a task); {@code done} must only read, and must not block.
     */
    public Outcome runUntil(BooleanSupplier done, Duration horizon, boolean stopWhenSettled) {
        Objects.requireNonNull(done, "done");
        if (Thread.currentThread() == worker) {
            throw new IllegalStateException("a task on the simulation thread cannot wait for the simulation");
        }
        lock.lock();
        try {
            holder = Thread.currentThread();
            this.horizon = saturatedAdd(now, horizon.toNanos());
            waiting = done;
            held = false;
            changed.signalAll();
            Progress progress = new Progress();
            Outcome outcome = null;
            while (outcome == null) {
                if (closed) {
                    outcome = Outcome.CLOSED;
                } else if (done.getAsBoolean()) {
                    outcome = Outcome.MATCHED;
                } else if (quietNow() && stopWhenSettled && settledNow()) {
                    outcome = Outcome.SETTLED;
                } else if (quietNow() && (queue.isEmpty() || queue.peek().due > this.horizon)) {
                    outcome = Outcome.HORIZON;
                } else {
                    if (quietNow()) {
                        grant = version; // time may move on from exactly this state
                        changed.signalAll();
                    }
                    if (!progress.await()) {
                        outcome = Outcome.STALLED;
                    }
                }
            }
            grant = -1;
            this.horizon = Long.MIN_VALUE;
            waiting = () -> false; // from here on only "nothing due now" matters
            while (!closed && !quietNow()) {
                if (!progress.await()) {
                    outcome = Outcome.STALLED;
                    break;
                }
            }
            held = true;
            return outcome;
        } finally {
            held = true;
            grant = -1;
            waiting = null;
            lock.unlock();
        }
    }

    /** Runs what is due now, with time frozen: the quiescence a step waits for before it acts. */
    public Outcome quiesce() {
        return runUntil(() -> false, Duration.ZERO, false);
    }

    /** Under the lock: waits for a change, false once nothing changed for the real-time guard. */
    private final class Progress {
        private long seen = version;
        private long since = System.nanoTime();

        boolean await() {
            long left = since + realTimeGuard.toNanos() - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            try {
                waiterWake.awaitNanos(Math.min(left, TimeUnit.MILLISECONDS.toNanos(250)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            if (version != seen) {
                seen = version;
                since = System.nanoTime();
            }
            return true;
        }
    }

    /** What is running now and what is due, for a message about a wait that stalled. */
    public String describe() {
        lock.lock();
        try {
            Entry r = running;
            Entry head = queue.peek();
            return "virtual time " + TimeUnit.NANOSECONDS.toMicros(now) / 1000.0 + " ms; "
                    + (r != null ? "a task in lane " + r.lane + " is running" : "no task is running") + "; "
                    + (head == null ? "nothing scheduled" : "next task due at " + TimeUnit.NANOSECONDS.toMicros(head.due) / 1000.0
                    + " ms in lane " + head.lane + (head.task == null ? " (still on the network)" : ""))
                    + "; " + inFlight + " in flight";
        } finally {
            lock.unlock();
        }
    }

    /** Stops the simulation thread; tasks not yet run are dropped, later ones are ignored. */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            queue.clear();
            inFlight = 0;
            patient = 0;
            personsAwaited = 0;
            wakeAll();
        } finally {
            lock.unlock();
        }
        worker.interrupt();
    }
}
