package dev.callflow.harness;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code index}-th of {@code total} parts of a run's selected scenarios, for a CI matrix: the scenarios are sorted
 * by a key that is the same on every machine (the feature's path relative to the project home, then the line) and
 * dealt round-robin, so the parts are disjoint, together are the whole selection, and differ in size by at most one.
 */
public record Shard(int index, int total) {
    private static final Pattern SPEC = Pattern.compile("\\s*(\\d{1,9})\\s*/\\s*(\\d{1,9})\\s*");

    public Shard {
        if (total < 1 || index < 1 || index > total) {
            throw new IllegalArgumentException("--shard " + index + "/" + total + ": the shard must be i/n with 1 <= i <= n, "
                    + "e.g. --shard 2/3 for the second of three");
        }
    }

    /** {@code i/n}, e.g. {@code 2/3}. */
    public static Shard parse(String spec) {
        Matcher m = SPEC.matcher(spec == null ? "" : spec);
        if (!m.matches()) {
            throw new IllegalArgumentException("--shard '" + spec + "' is no shard: write i/n with 1 <= i <= n, "
                    + "e.g. --shard 2/3 for the second of three");
        }
        return new Shard(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    /** This shard's part of {@code all}, whose stable key {@code key} gives (compared as path, then line). */
    public <T> List<T> of(List<T> all, Function<T, String> path, Function<T, Integer> line) {
        List<T> sorted = new ArrayList<>(all);
        sorted.sort(Comparator.comparing(path).thenComparing(line));
        List<T> out = new ArrayList<>();
        for (int i = index - 1; i < sorted.size(); i += total) {
            out.add(sorted.get(i));
        }
        return out;
    }

    @Override
    public String toString() {
        return index + "/" + total;
    }
}
