package dev.callflow.iut.external;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the harness handed an external app by id (call actions, push completions), kept so that a second completion
 * is carried out and judged like the first, but only the latest {@code capacity}: a process that lives through
 * thousands of calls (a soak) holds a bounded amount. Ids grow with every message, so an id below the oldest one held
 * was let go, and one above it never existed. Confined to the simulation thread.
 */
final class RecentById<V> {
    private final int capacity;
    private final String what;
    private final Map<Long, V> held;

    /** {@code what}: the plural noun for messages ({@code "actions"}). */
    RecentById(int capacity, String what) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        this.capacity = capacity;
        this.what = what;
        this.held = new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, V> eldest) {
                return size() > RecentById.this.capacity;
            }
        };
    }

    void put(long id, V value) {
        held.put(id, value);
    }

    Optional<V> get(long id) {
        return Optional.ofNullable(held.get(id));
    }

    int size() {
        return held.size();
    }

    /** Why {@code id} is not held, as the end of a sentence: let go long ago, or never sent ({@code neverSent}). */
    String whyUnknown(long id, String neverSent) {
        boolean letGo = !held.isEmpty() && id > 0 && id < held.keySet().iterator().next();
        return letGo ? ", which the harness sent more than " + capacity + " " + what + " ago and no longer holds (complete "
                + "each one in the handler that received it, or soon after)" : neverSent;
    }
}
