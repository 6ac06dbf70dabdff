package dev.callflow.devicelog;

import java.util.Arrays;

/**
 * An open-addressing map from words to values that is looked up by a range of a line, so scanning a line's words
 * allocates no substrings. Built once, then read only (thread-safe for reading).
 */
final class KeywordTable<V> {
    private String[] keys = new String[256];
    private Object[] values = new Object[256];
    private int size;

    void put(String key, V value) {
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        int slot = spread(key.hashCode()) & mask;
        while (keys[slot] != null && !keys[slot].equals(key)) {
            slot = (slot + 1) & mask;
        }
        if (keys[slot] == null) {
            size++;
        }
        keys[slot] = key;
        values[slot] = value;
    }

    /** The value for {@code s.substring(from, to)}, or {@code null}; {@code hash} is that substring's hashCode. */
    @SuppressWarnings("unchecked")
    V get(String s, int from, int to, int hash) {
        int mask = keys.length - 1;
        int slot = spread(hash) & mask;
        int len = to - from;
        String k;
        while ((k = keys[slot]) != null) {
            if (k.length() == len && k.regionMatches(0, s, from, len)) {
                return (V) values[slot];
            }
            slot = (slot + 1) & mask;
        }
        return null;
    }

    V get(String key) {
        return get(key, 0, key.length(), key.hashCode());
    }

    private void grow() {
        String[] oldKeys = keys;
        Object[] oldValues = values;
        keys = new String[oldKeys.length * 2];
        values = new Object[oldKeys.length * 2];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != null) {
                @SuppressWarnings("unchecked") V v = (V) oldValues[i];
                put(oldKeys[i], v);
            }
        }
    }

    private static int spread(int h) {
        return h ^ (h >>> 16);
    }

    @Override
    public String toString() {
        return Arrays.toString(Arrays.stream(keys).filter(java.util.Objects::nonNull).toArray());
    }
}
