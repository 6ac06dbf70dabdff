package dev.callflow.timeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Who says what: maps an event name to the {@link Source} that produces it. The seed's device log tags
 * every line {@code [CallKit]}, so the parser asks this vocabulary who acted. The standard one is derived from the
 * {@link EventKind} catalogue, the one list of event names.
 * <p>
 * Convention: calls the app makes into the system ({@code endCallWithCompletion}, {@code reportNewIncomingCall})
 * are {@link Source#APP}; callbacks the system reports to the app ({@code perform*CallAction},
 * {@code didActivateAudioSession}, {@code didReceiveIncomingPush}, ...) are {@link Source#SYSTEM};
 * the media SDK's entry points are {@link Source#SDK}. Unknown names are {@link Source#APP}.
 * <p>
 * Immutable; extend with {@link #with(Source, String...)}. A pattern may hold one {@code *} wildcard.
 */
public final class EventVocabulary {

    private static final EventVocabulary STANDARD_VOCABULARY = build(new EventVocabulary(Map.of(), List.of())
            .with(Source.SYSTEM, EventKind.PERFORM_PATTERN), standardNames());

    private final Map<String, Source> exact;
    private final List<Map.Entry<String, Source>> patterns;

    private EventVocabulary(Map<String, Source> exact, List<Map.Entry<String, Source>> patterns) {
        this.exact = exact;
        this.patterns = patterns;
    }

    /**
     * The names of the seed document, the CallKit / PushKit / AVAudioSession callbacks and calls, and what the simulated
     * system reports besides them: the {@link EventKind}s the device-log reader knows without a grammar
     * ({@link EventKind#inStandardVocabulary()}), each mapped to its usual source, and {@link EventKind#PERFORM_PATTERN}
     * to the system.
     */
    public static EventVocabulary standard() {
        return STANDARD_VOCABULARY;
    }

    private static Map<Source, List<String>> standardNames() {
        Map<Source, List<String>> bySource = new java.util.EnumMap<>(Source.class);
        for (EventKind k : EventKind.all()) {
            if (k.inStandardVocabulary()) {
                bySource.computeIfAbsent(k.source(), s -> new ArrayList<>()).add(k.wireName());
            }
        }
        return bySource;
    }

    private static EventVocabulary build(EventVocabulary base, Map<Source, List<String>> bySource) {
        EventVocabulary v = base;
        for (Source s : Source.values()) {
            v = v.with(s, bySource.getOrDefault(s, List.of()).toArray(String[]::new));
        }
        return v;
    }

    /** A copy that also maps these names (or one-{@code *} patterns) to {@code source}. An exact name beats any
     * pattern; of two matching patterns the one added later wins; re-adding an exact name remaps it. */
    public EventVocabulary with(Source source, String... names) {
        Objects.requireNonNull(source, "source");
        Map<String, Source> e = new LinkedHashMap<>(exact);
        List<Map.Entry<String, Source>> p = new ArrayList<>(patterns);
        for (String n : names) {
            int star = n.indexOf('*');
            if (star != n.lastIndexOf('*')) {
                throw new IllegalArgumentException("A vocabulary pattern holds at most one '*', got '" + n + "'");
            }
            if (star < 0) {
                e.put(n, source);
            } else {
                p.add(0, Map.entry(n, source));
            }
        }
        return new EventVocabulary(Map.copyOf(e), List.copyOf(p));
    }

    /** Who produces an event of this name; {@link Source#APP} when the name is unknown. */
    public Source sourceOf(String name) {
        Source s = exact.get(name);
        if (s != null) {
            return s;
        }
        for (Map.Entry<String, Source> p : patterns) {
            if (matches(p.getKey(), name)) {
                return p.getValue();
            }
        }
        return Source.APP;
    }

    /** Whether the name is in the vocabulary (exactly or by pattern). */
    public boolean knows(String name) {
        return exact.containsKey(name) || patterns.stream().anyMatch(p -> matches(p.getKey(), name));
    }

    private static boolean matches(String pattern, String name) {
        int star = pattern.indexOf('*');
        String prefix = pattern.substring(0, star);
        String suffix = pattern.substring(star + 1);
        return name.length() >= prefix.length() + suffix.length()
                && name.startsWith(prefix) && name.endsWith(suffix);
    }
}
