package dev.callflow.rules;

import dev.callflow.timeline.Event;
import dev.callflow.timeline.EventKind;
import dev.callflow.timeline.Source;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Read-only queries over one timeline's events, in timeline order, for rules to judge.
 * <p>
 * A recorded device log can hold millions of events, so queries start from their anchor's position (found by binary
 * search on the ascending sequence numbers) instead of scanning from the start, and a predicate built by
 * {@link #is(EventKind)}, {@link #is(EventKind, UUID)} or {@link #isFor(EventKind, Event)} (or their forms that take a
 * name, for names outside the {@link EventKind} vocabulary) walks only the events of its name;
 * one narrowed to a call ({@link #is(String, UUID)}, {@link Named#forCall}) walks only that call's events, so a rule
 * asking about each of a log's thousands of calls does not read the whole log per call.
 */
public final class Trace {
    private final List<Event> events;
    private final long[] seqs;
    private final Map<String, int[]> positionsByName;
    /** In order of each call's first appearance. */
    private final Set<UUID> calls;
    /** By name, then call: a call's events of a name, so a per-call query reads neither other calls' nor other names'. */
    private final Map<String, Map<UUID, int[]>> positionsByNameAndCall;
    /** The events without a call ID, by name: they may concern any call ({@link #sameCall}). */
    private final Map<String, int[]> callLessByName;

    /** What this timeline can show at all: {@link Vocabulary#FULL} for a live run's. */
    private final Vocabulary vocabulary;

    /** A live run's timeline: it records every kind of event. */
    public Trace(List<Event> events) {
        this(events, Vocabulary.FULL);
    }

    /** A timeline that shows only {@code vocabulary}'s kinds, such as a device log's. */
    public Trace(List<Event> events, Vocabulary vocabulary) {
        this.vocabulary = java.util.Objects.requireNonNull(vocabulary, "vocabulary");
        this.events = List.copyOf(events);
        long[] s = new long[this.events.size()];
        Map<String, Positions> byName = new HashMap<>();
        Set<UUID> callsSeen = new LinkedHashSet<>();
        Map<String, Map<UUID, Positions>> byNameAndCall = new HashMap<>();
        Map<String, Positions> callLess = new HashMap<>();
        for (int i = 0; i < s.length; i++) {
            Event e = this.events.get(i);
            s[i] = e.seq();
            if (i > 0 && s[i] <= s[i - 1]) {
                throw new IllegalArgumentException("A trace's events are in timeline order with ascending sequence "
                        + "numbers; #" + s[i] + " follows #" + s[i - 1]);
            }
            byName.computeIfAbsent(e.name(), k -> new Positions()).add(i);
            if (e.call() != null) {
                callsSeen.add(e.call());
                byNameAndCall.computeIfAbsent(e.name(), k -> new HashMap<>()).computeIfAbsent(e.call(), k -> new Positions()).add(i);
            } else {
                callLess.computeIfAbsent(e.name(), k -> new Positions()).add(i);
            }
        }
        this.seqs = s;
        Map<String, int[]> names = new HashMap<>();
        byName.forEach((name, list) -> names.put(name, list.toArray()));
        this.positionsByName = names;
        this.calls = Collections.unmodifiableSet(callsSeen);
        Map<String, Map<UUID, int[]>> nameAndCall = new HashMap<>();
        byNameAndCall.forEach((name, byCall) -> {
            Map<UUID, int[]> arrays = new HashMap<>();
            byCall.forEach((call, list) -> arrays.put(call, list.toArray()));
            nameAndCall.put(name, arrays);
        });
        this.positionsByNameAndCall = nameAndCall;
        Map<String, int[]> unknown = new HashMap<>();
        callLess.forEach((name, list) -> unknown.put(name, list.toArray()));
        this.callLessByName = unknown;
    }

    /** A growing int array: millions of boxed Integers would cost more than the events. */
    private static final class Positions {
        private int[] at = new int[4];
        private int size;

        void add(int i) {
            if (size == at.length) {
                at = Arrays.copyOf(at, size * 2);
            }
            at[size++] = i;
        }

        int[] toArray() {
            return Arrays.copyOf(at, size);
        }
    }

    public List<Event> events() {
        return events;
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    public List<Event> where(Predicate<Event> p) {
        return collect(0, events.size(), p);
    }

    public List<Event> named(String name) {
        return where(is(name));
    }

    public List<Event> named(Source source, String name) {
        return where(is(name).and(e -> e.source() == source));
    }

    public List<Event> named(String name, UUID call) {
        return where(is(name, call));
    }

    public boolean has(String name) {
        return positionsByName.containsKey(name);
    }

    public List<Event> named(EventKind kind) {
        return named(kind.wireName());
    }

    public List<Event> named(Source source, EventKind kind) {
        return named(source, kind.wireName());
    }

    public List<Event> named(EventKind kind, UUID call) {
        return named(kind.wireName(), call);
    }

    public boolean has(EventKind kind) {
        return has(kind.wireName());
    }

    public Optional<Event> first(String name, UUID call) {
        return first(is(name).and(e -> call == null || call.equals(e.call())));
    }

    public Optional<Event> first(Predicate<Event> p) {
        return forward(0, events.size(), p);
    }

    /** The first event strictly after {@code anchor} that matches. */
    public Optional<Event> firstAfter(Event anchor, Predicate<Event> p) {
        return forward(after(anchor.seq()), events.size(), p);
    }

    /** The last event strictly before {@code anchor} that matches. */
    public Optional<Event> lastBefore(Event anchor, Predicate<Event> p) {
        int end = before(anchor);
        if (p instanceof Named n) {
            int best = -1;
            for (int[] at : candidates(n)) {
                for (int k = lowerBound(at, end) - 1; k >= 0 && at[k] > best; k--) {
                    if (n.test(events.get(at[k]))) {
                        best = at[k];
                        break;
                    }
                }
            }
            return best < 0 ? Optional.empty() : Optional.of(events.get(best));
        }
        for (int i = end - 1; i >= 0; i--) {
            Event e = events.get(i);
            if (p.test(e)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** Events strictly between two others that match. */
    public List<Event> between(Event from, Event to, Predicate<Event> p) {
        return collect(after(from.seq()), before(to), p);
    }

    /** The first event strictly between {@code from} and {@code to} ({@code null}: the timeline's end) that matches. */
    public Optional<Event> firstBetween(Event from, Event to, Predicate<Event> p) {
        return forward(after(from.seq()), to == null ? events.size() : before(to), p);
    }

    /** The events strictly after {@code anchor}, in order: a view, so a loop that stops early costs what it reads. */
    public List<Event> after(Event anchor) {
        return events.subList(after(anchor.seq()), events.size());
    }

    private static final int[] NONE = new int[0];

    /** The position of the first event whose seq is greater than the anchor's. */
    private int after(long seq) {
        int i = Arrays.binarySearch(seqs, seq);
        return i >= 0 ? i + 1 : -i - 1;
    }

    /** The position of the first event whose seq is not less than the anchor's: events before it precede the anchor. */
    private int before(Event anchor) {
        int i = Arrays.binarySearch(seqs, anchor.seq());
        return i >= 0 ? i : -i - 1;
    }

    /** The index in {@code positions} of the first position not less than {@code from}. */
    private static int lowerBound(int[] positions, int from) {
        int i = Arrays.binarySearch(positions, from);
        return i >= 0 ? i : -i - 1;
    }

    private Optional<Event> forward(int from, int to, Predicate<Event> p) {
        if (p instanceof Named n) {
            int best = to;
            for (int[] at : candidates(n)) {
                for (int k = lowerBound(at, from); k < at.length && at[k] < best; k++) {
                    if (n.test(events.get(at[k]))) {
                        best = at[k];
                        break;
                    }
                }
            }
            return best < to ? Optional.of(events.get(best)) : Optional.empty();
        }
        for (int i = from; i < to; i++) {
            Event e = events.get(i);
            if (p.test(e)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    private List<Event> collect(int from, int to, Predicate<Event> p) {
        List<Event> out = new ArrayList<>();
        if (p instanceof Named n) {
            List<int[]> lists = candidates(n);
            int[] merged = lists.size() == 1 ? lists.get(0) : inRange(lists, from, to);
            for (int k = lowerBound(merged, from); k < merged.length && merged[k] < to; k++) {
                Event e = events.get(merged[k]);
                if (n.test(e)) {
                    out.add(e);
                }
            }
        } else {
            for (int i = from; i < to; i++) {
                Event e = events.get(i);
                if (p.test(e)) {
                    out.add(e);
                }
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** The positions in [from, to) in any of these ascending lists, in order: only the range is merged. */
    private static int[] inRange(List<int[]> lists, int from, int to) {
        int[] out = NONE;
        for (int[] at : lists) {
            int lo = lowerBound(at, from);
            int hi = lowerBound(at, to);
            if (hi > lo) {
                int[] grown = Arrays.copyOf(out, out.length + hi - lo);
                System.arraycopy(at, lo, grown, out.length, hi - lo);
                out = grown;
            }
        }
        Arrays.sort(out);
        return out;
    }

    /**
     * The ascending position lists a named predicate can match in: its names' lists; for one narrowed to a call, its
     * names' lists of that call, and with {@link Named#mayConcern} also its names' call-less lists.
     */
    private List<int[]> candidates(Named n) {
        if (n.call() == null) {
            return n.names().stream().map(name -> positionsByName.getOrDefault(name, NONE)).toList();
        }
        List<int[]> lists = new ArrayList<>();
        for (String name : n.names()) {
            lists.add(positionsByNameAndCall.getOrDefault(name, Map.of()).getOrDefault(n.call(), NONE));
            if (n.orCallLess()) {
                lists.add(callLessByName.getOrDefault(name, NONE));
            }
        }
        return lists;
    }

    /** The events whose names, among those this trace holds, satisfy {@code p}: an indexed form of a name test. */
    public Named namesWhere(Predicate<String> p) {
        return new Named(positionsByName.keySet().stream().filter(p).collect(java.util.stream.Collectors.toSet()), e -> true);
    }

    /** How many of {@code inOrder} (events in timeline order) have a seq not greater than {@code seq}. */
    public static int countUpTo(List<Event> inOrder, long seq) {
        int lo = 0;
        int hi = inOrder.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (inOrder.get(mid).seq() <= seq) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Every call UUID that appears, in order of first appearance. */
    public Set<UUID> calls() {
        return calls;
    }

    /** The events strictly after {@code from} up to and including {@code to} ({@code null}: the timeline's end) that match. */
    public List<Event> through(Event from, Event to, Predicate<Event> p) {
        return collect(after(from.seq()), to == null ? events.size() : after(to.seq()), p);
    }

    /**
     * Whether two events may concern the same call: equal call UUIDs, or either has none (device logs such as the
     * seed's carry no call IDs, so rules must still judge them).
     */
    public static boolean sameCall(Event a, Event b) {
        return a.call() == null || b.call() == null || a.call().equals(b.call());
    }

    /**
     * A predicate on events with one of a few names, and perhaps of one call: the trace walks only those names' (or that
     * call's) events for it. {@code and} keeps both, so {@code Trace.is(EventKind.FULFILL).and(...)} stays indexed.
     */
    public record Named(Set<String> names, UUID call, boolean orCallLess, Predicate<Event> rest) implements Predicate<Event> {
        public Named {
            names = Set.copyOf(names);
            if (call == null && orCallLess) {
                throw new IllegalArgumentException("orCallLess narrows to a call; give the call");
            }
        }

        Named(Set<String> names, Predicate<Event> rest) {
            this(names, null, false, rest);
        }

        @Override
        public boolean test(Event e) {
            return names.contains(e.name()) && (call == null || call.equals(e.call()) || orCallLess && e.call() == null)
                    && rest.test(e);
        }

        @Override
        public Named and(Predicate<? super Event> other) {
            Predicate<Event> r = rest;
            return new Named(names, call, orCallLess, e -> r.test(e) && other.test(e));
        }

        /** Only events of {@code c}; a {@code null} call matches nothing, as {@link Trace#is(String, UUID)} does. */
        public Named forCall(UUID c) {
            if (c == null || call != null && !call.equals(c)) {
                return new Named(names, null, false, e -> false);
            }
            return new Named(names, c, false, rest);
        }

        /**
         * Only events that may concern {@code c} ({@link Trace#sameCall}): its own and those without a call ID; a
         * {@code null} call narrows nothing. Indexed either way.
         */
        public Named mayConcern(UUID c) {
            if (c == null) {
                return this;
            }
            if (call != null) {
                Predicate<Event> r = rest;
                return call.equals(c) ? this : orCallLess ? new Named(names, null, false, e -> e.call() == null && r.test(e))
                        : forCall(c);
            }
            return new Named(names, c, true, rest);
        }
    }

    /** Events with any of these names. */
    public static Named anyOf(String... names) {
        return new Named(new LinkedHashSet<>(List.of(names)), e -> true);
    }

    /** Events of any of these kinds. */
    public static Named anyOf(EventKind... kinds) {
        return anyOf(Arrays.stream(kinds).map(EventKind::wireName).toArray(String[]::new));
    }

    public static Named isFor(EventKind kind, Event other) {
        return isFor(kind.wireName(), other);
    }

    public static Named is(EventKind kind) {
        return is(kind.wireName());
    }

    public static Named is(EventKind kind, UUID call) {
        return is(kind.wireName(), call);
    }

    /** The predicate: named {@code name} and possibly about the same call as {@code other}. */
    public static Named isFor(String name, Event other) {
        return is(name).mayConcern(other.call());
    }

    public static Named is(String name) {
        return new Named(Set.of(name), e -> true);
    }

    public static Named is(String name, UUID call) {
        return is(name).forCall(call);
    }

    public static Predicate<Event> attr(String key, String value) {
        return e -> value.equals(e.attributes().get(key));
    }
}
