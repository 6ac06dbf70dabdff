package dev.callflow.timeline;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * An event's attributes: immutable, in insertion order, in one array. An event carries a handful of them and a
 * recorded device log millions of events, so this is a fraction of a LinkedHashMap's size and allocation.
 */
final class Attributes extends AbstractMap<String, String> {
    private static final Attributes EMPTY = new Attributes(new String[0]);

    /** Keys at even indexes, their values after them. */
    private final String[] slots;

    private Attributes(String[] slots) {
        this.slots = slots;
    }

    static Map<String, String> copyOf(Map<String, String> source) {
        if (source instanceof Attributes a) {
            return a;
        }
        if (source.isEmpty()) {
            return EMPTY;
        }
        String[] slots = new String[source.size() * 2];
        int[] i = {0};
        source.forEach((k, v) -> {
            slots[i[0]++] = Objects.requireNonNull(k, "attribute key");
            slots[i[0]++] = v;
        });
        return new Attributes(slots);
    }

    @Override
    public int size() {
        return slots.length / 2;
    }

    @Override
    public boolean isEmpty() {
        return slots.length == 0;
    }

    @Override
    public String get(Object key) {
        for (int i = 0; i < slots.length; i += 2) {
            if (slots[i].equals(key)) {
                return slots[i + 1];
            }
        }
        return null;
    }

    @Override
    public boolean containsKey(Object key) {
        for (int i = 0; i < slots.length; i += 2) {
            if (slots[i].equals(key)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String getOrDefault(Object key, String defaultValue) {
        String v = get(key);
        return v != null ? v : defaultValue;
    }

    @Override
    public void forEach(BiConsumer<? super String, ? super String> action) {
        for (int i = 0; i < slots.length; i += 2) {
            action.accept(slots[i], slots[i + 1]);
        }
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return slots.length / 2;
            }

            @Override
            public Iterator<Entry<String, String>> iterator() {
                return new Iterator<>() {
                    private int i;

                    @Override
                    public boolean hasNext() {
                        return i < slots.length;
                    }

                    @Override
                    public Entry<String, String> next() {
                        if (i >= slots.length) {
                            throw new NoSuchElementException();
                        }
                        Entry<String, String> e = new SimpleImmutableEntry<>(slots[i], slots[i + 1]);
                        i += 2;
                        return e;
                    }
                };
            }
        };
    }
}
