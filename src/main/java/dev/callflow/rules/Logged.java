package dev.callflow.rules;

import dev.callflow.timeline.EventKind;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Events a rule's finding relies on being absent: the finding says "X never came", which a device log can only show
 * if it logs X at all. Any one of {@code names} (each, when {@code action} is set, with that {@code action}
 * attribute) being in a timeline's {@link Vocabulary} is enough.
 *
 * @param description in words, for "the log never shows ..."
 */
public record Logged(String description, Set<String> names, String action) {
    public Logged {
        Objects.requireNonNull(description, "description");
        names = Set.copyOf(names);
        if (names.isEmpty()) {
            throw new IllegalArgumentException("Logged names at least one event");
        }
    }

    /** Any of these kinds. */
    public static Logged anyOf(String description, EventKind... kinds) {
        return new Logged(description, new LinkedHashSet<>(Arrays.stream(kinds).map(EventKind::wireName).toList()), null);
    }

    /** A fulfil or fail ({@code kinds}) of one action type ({@code start}, {@code answer}, {@code end}, ...). */
    public static Logged ofAction(String description, String action, EventKind... kinds) {
        return new Logged(description, new LinkedHashSet<>(List.of(Arrays.stream(kinds).map(EventKind::wireName)
                .toArray(String[]::new))), Objects.requireNonNull(action));
    }

    @Override
    public String toString() {
        return description;
    }
}
