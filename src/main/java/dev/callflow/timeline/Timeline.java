package dev.callflow.timeline;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * The spine: every observable act of one scenario, in the order it happened, on one monotonic clock.
 * Appends are thread-safe and signal waiters at once, so a wait costs no polling.
 */
public final class Timeline {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition appended = lock.newCondition();
    private final List<Event> events = new ArrayList<>();
    /** Events taken out by {@link #drain()}: sequence numbers go on counting from them. */
    private long drained;
    private final List<Consumer<Event>> listeners = new CopyOnWriteArrayList<>();
    private final LongSupplier nanoClock;
    private final LongSupplier threadIds;
    private final long originNanos;
    private final Instant originWall;
    private final ZoneId zone;
    private final String processName;
    private final long pid;

    private Timeline(LongSupplier nanoClock, LongSupplier threadIds, Instant originWall, ZoneId zone, String processName,
                     long pid) {
        this.nanoClock = nanoClock;
        this.threadIds = threadIds;
        this.originNanos = nanoClock.getAsLong();
        this.originWall = originWall;
        this.zone = zone;
        this.processName = processName;
        this.pid = pid;
    }

    /** A live timeline on the system's monotonic clock, starting now. */
    public static Timeline start(String processName, long pid) {
        return new Timeline(System::nanoTime, Timeline::javaThread, Instant.now(), ZoneId.systemDefault(), processName, pid);
    }

    /** A timeline that only holds given events (a parsed log): its clock never advances. */
    public static Timeline recorded(Instant originWall, ZoneId zone, String processName, long pid) {
        return new Timeline(() -> 0L, Timeline::javaThread, originWall, zone, processName, pid);
    }

    public static Timeline withClock(LongSupplier nanoClock, Instant originWall, ZoneId zone, String processName, long pid) {
        return new Timeline(nanoClock, Timeline::javaThread, originWall, zone, processName, pid);
    }

    /**
     * A timeline on a clock of its own (a scenario's virtual clock), whose events carry the thread ids
     * {@code threadIds} gives for the recording thread (the clock's lanes), not the JVM's.
     */
    public static Timeline withClock(LongSupplier nanoClock, LongSupplier threadIds, Instant originWall, ZoneId zone,
                                     String processName, long pid) {
        return new Timeline(nanoClock, threadIds, originWall, zone, processName, pid);
    }

    private static long javaThread() {
        return Thread.currentThread().getId();
    }

    public Instant originWall() { return originWall; }

    public ZoneId zone() { return zone; }

    public String processName() { return processName; }

    public long pid() { return pid; }

    /** Records an act happening now, on the calling thread. */
    public Event record(Source source, String name, UUID call, Map<String, String> attributes) {
        return record(source, Level.INFO, name, call, attributes);
    }

    public Event record(Source source, Level level, String name, UUID call, Map<String, String> attributes) {
        long thread = threadIds.getAsLong();
        lock.lock();
        Event e;
        try {
            long micros = TimeUnit.NANOSECONDS.toMicros(nanoClock.getAsLong() - originNanos);
            e = new Event(drained + events.size() + 1L, micros, source, level, name, call, thread, attributes);
            events.add(e);
            appended.signalAll();
        } finally {
            lock.unlock();
        }
        notifyListeners(e);
        return e;
    }

    /** Convenience: attributes as alternating key, value strings. */
    public Event record(Source source, String name, UUID call, String... keyValues) {
        return record(source, Level.INFO, name, call, attrs(keyValues));
    }

    /** Records an act of this kind, from its usual source, happening now. */
    public Event record(EventKind kind, UUID call, String... keyValues) {
        return record(kind.source(), Level.INFO, kind.wireName(), call, attrs(keyValues));
    }

    public Event record(EventKind kind, UUID call, Map<String, String> attributes) {
        return record(kind.source(), Level.INFO, kind.wireName(), call, attributes);
    }

    public Event record(EventKind kind, Level level, UUID call, Map<String, String> attributes) {
        return record(kind.source(), level, kind.wireName(), call, attributes);
    }

    /** Records an act of this kind from one of its other sources ({@link EventKind#sources()}). */
    public Event record(Source source, EventKind kind, Level level, UUID call, Map<String, String> attributes) {
        if (!kind.sources().contains(source)) {
            throw new IllegalArgumentException(kind + " comes from " + kind.sources() + ", not from " + source);
        }
        return record(source, level, kind.wireName(), call, attributes);
    }

    /** Appends an event whose time is already known (a parsed device log); its sequence number is reassigned. */
    public Event append(long micros, Source source, Level level, String name, UUID call, long thread,
                        Map<String, String> attributes) {
        lock.lock();
        Event e;
        try {
            e = new Event(drained + events.size() + 1L, micros, source, level, name, call, thread, attributes);
            events.add(e);
            appended.signalAll();
        } finally {
            lock.unlock();
        }
        notifyListeners(e);
        return e;
    }

    private void notifyListeners(Event e) {
        for (Consumer<Event> l : listeners) {
            l.accept(e);
        }
    }

    /**
     * Wakes every waiter without appending, so that a condition depending on more than the events (a device that
     * has settled) is checked again.
     */
    public void poke() {
        lock.lock();
        try {
            appended.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Listeners only observe; they run on the appending thread and must not block. */
    public void subscribe(Consumer<Event> listener) {
        listeners.add(listener);
    }

    /** A snapshot: later appends do not change it. */
    public List<Event> events() {
        lock.lock();
        try {
            return List.copyOf(events);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Takes out every event recorded so far and returns them; later events go on numbering from there, and waits see
     * only what comes after. For a long run judged in windows (one call at a time) that must not keep its whole
     * timeline: the scenarios' timelines are never drained.
     */
    public List<Event> drain() {
        lock.lock();
        try {
            List<Event> taken = List.copyOf(events);
            drained += events.size();
            events.clear();
            return taken;
        } finally {
            lock.unlock();
        }
    }

    public int size() {
        lock.lock();
        try {
            return events.size();
        } finally {
            lock.unlock();
        }
    }

    /** Whether {@code condition} holds on the events so far (read in place, under the timeline's lock: keep it quick). */
    public boolean test(Predicate<List<Event>> condition) {
        lock.lock();
        try {
            return condition.test(java.util.Collections.unmodifiableList(events));
        } finally {
            lock.unlock();
        }
    }

    /** How many events {@link #drain()} took out; a list of {@link #events()} starts at sequence number this + 1. */
    public long drainedCount() {
        lock.lock();
        try {
            return drained;
        } finally {
            lock.unlock();
        }
    }

    /** Microseconds since the origin, on the timeline's own clock. */
    public long nowMicros() {
        return TimeUnit.NANOSECONDS.toMicros(nanoClock.getAsLong() - originNanos);
    }

    /**
     * Waits until the condition holds on the events so far, re-checking on every append.
     * Returns at once (no thread hop, no poll delay) when it already holds.
     *
     * @return whether it held before the timeout
     */
    public boolean await(Predicate<List<Event>> condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (true) {
                if (condition.test(java.util.Collections.unmodifiableList(events))) {
                    return true;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                appended.awaitNanos(left);
            }
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            lock.unlock();
        }
    }

    /**
     * The first of {@code events} (consecutive, as a timeline hands them out, drained or not) whose sequence number is
     * at least {@code fromSeq} and that matches.
     */
    public static Optional<Event> firstFrom(List<Event> events, long fromSeq, Predicate<Event> match) {
        if (events.isEmpty()) {
            return Optional.empty();
        }
        for (int i = (int) Math.max(0, fromSeq - events.get(0).seq()); i < events.size(); i++) {
            if (match.test(events.get(i))) {
                return Optional.of(events.get(i));
            }
        }
        return Optional.empty();
    }

    /** The sequence number the next event will get. */
    public long nextSeq() {
        lock.lock();
        try {
            return drained + events.size() + 1;
        } finally {
            lock.unlock();
        }
    }

    /** Waits for the first event at or after {@code fromSeq} that matches. */
    public Optional<Event> awaitEvent(Predicate<Event> match, long fromSeq, Duration timeout) {
        Event[] found = new Event[1];
        await(list -> {
            found[0] = firstFrom(list, fromSeq, match).orElse(null);
            return found[0] != null;
        }, timeout);
        return Optional.ofNullable(found[0]);
    }

    public Optional<Event> awaitEvent(Predicate<Event> match, Duration timeout) {
        return awaitEvent(match, 1, timeout);
    }

    public static Map<String, String> attrs(String... keyValues) {
        if (keyValues.length % 2 != 0) {
            throw new IllegalArgumentException("Attributes come as key, value pairs; got an odd count: " + keyValues.length);
        }
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            if (keyValues[i + 1] != null) {
                m.put(keyValues[i], keyValues[i + 1]);
            }
        }
        return m;
    }
}
