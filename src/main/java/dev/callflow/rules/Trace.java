package dev.callflow.rules;

import dev.callflow.timeline.Event;
import dev.callflow.timeline.Source;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/** Read-only queries over one timeline's events, in timeline order, for rules to judge. */
public final class Trace {
    private final List<Event> events;

    public Trace(List<Event> events) {
        this.events = List.copyOf(events);
    }

    public List<Event> events() {
        return events;
    }

    public List<Event> where(Predicate<Event> p) {
        return events.stream().filter(p).toList();
    }

    public List<Event> named(String name) {
        return where(e -> e.name().equals(name));
    }

    public List<Event> named(Source source, String name) {
        return where(e -> e.source() == source && e.name().equals(name));
    }

    public List<Event> named(String name, UUID call) {
        return where(e -> e.name().equals(name) && call.equals(e.call()));
    }

    public boolean has(String name) {
        return events.stream().anyMatch(e -> e.name().equals(name));
    }

    public Optional<Event> first(String name, UUID call) {
        return events.stream().filter(e -> e.name().equals(name) && (call == null || call.equals(e.call()))).findFirst();
    }

    public Optional<Event> first(Predicate<Event> p) {
        return events.stream().filter(p).findFirst();
    }

    /** The first event strictly after {@code anchor} that matches. */
    public Optional<Event> firstAfter(Event anchor, Predicate<Event> p) {
        return events.stream().filter(e -> e.seq() > anchor.seq() && p.test(e)).findFirst();
    }

    /** The last event strictly before {@code anchor} that matches. */
    public Optional<Event> lastBefore(Event anchor, Predicate<Event> p) {
        Event found = null;
        for (Event e : events) {
            if (e.seq() >= anchor.seq()) {
                break;
            }
            if (p.test(e)) {
                found = e;
            }
        }
        return Optional.ofNullable(found);
    }

    /** Events strictly between two others that match. */
    public List<Event> between(Event from, Event to, Predicate<Event> p) {
        return where(e -> e.seq() > from.seq() && e.seq() < to.seq() && p.test(e));
    }

    /** Every call UUID that appears, in order of first appearance. */
    public Set<UUID> calls() {
        Set<UUID> out = new LinkedHashSet<>();
        events.forEach(e -> {
            if (e.call() != null) {
                out.add(e.call());
            }
        });
        return out;
    }

    /**
     * Whether two events may concern the same call: equal call UUIDs, or either has none (device logs such as the
     * seed's carry no call IDs, so rules must still judge them).
     */
    public static boolean sameCall(Event a, Event b) {
        return a.call() == null || b.call() == null || a.call().equals(b.call());
    }

    /** The predicate: named {@code name} and possibly about the same call as {@code other}. */
    public static Predicate<Event> isFor(String name, Event other) {
        return e -> e.name().equals(name) && sameCall(e, other);
    }

    public static Predicate<Event> is(String name) {
        return e -> e.name().equals(name);
    }

    public static Predicate<Event> is(String name, UUID call) {
        return e -> e.name().equals(name) && call != null && call.equals(e.call());
    }

    public static Predicate<Event> attr(String key, String value) {
        return e -> value.equals(e.attributes().get(key));
    }
}
