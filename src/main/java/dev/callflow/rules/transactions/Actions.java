package dev.callflow.rules.transactions;

import dev.callflow.rules.Trace;
import dev.callflow.timeline.Event;
import dev.callflow.timeline.Source;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static dev.callflow.timeline.EventKind.ACTION_UNDELIVERABLE;
import static dev.callflow.timeline.EventKind.APP_TERMINATED;
import static dev.callflow.timeline.EventKind.FAIL;
import static dev.callflow.timeline.EventKind.FULFILL;
import static dev.callflow.timeline.EventKind.PROVIDER_DID_RESET;
import static dev.callflow.timeline.EventKind.TIMED_OUT_PERFORMING_ACTION;

/**
 * How a timeline ties CXActions together: the system's {@code perform*CallAction} carries the action's id as
 * {@code action}; the app's {@code fulfill}/{@code fail} carry it as {@code actionId} (and the type as {@code action});
 * {@code timedOutPerformingAction} likewise.
 */
public final class Actions {
    private static final Pattern PERFORM = Pattern.compile("perform[A-Za-z]+CallAction");
    private static final Trace.Named COMPLETIONS = Trace.anyOf(FULFILL, FAIL).and(Actions::isCompletion);

    private Actions() { }

    public static boolean isPerform(Event e) {
        return e.source() == Source.SYSTEM && PERFORM.matcher(e.name()).matches();
    }

    public static boolean isCompletion(Event e) {
        return e.source() == Source.APP && (e.is(FULFILL) || e.is(FAIL));
    }

    /** The id the system gave the action, when the log records it. */
    public static Optional<String> id(Event perform) {
        return perform.attribute("action");
    }

    /** The action's type in the app's vocabulary: performEndCallAction is {@code end}. */
    public static String type(Event perform) {
        return typeOf(perform.name());
    }

    /** The action type of a perform*CallAction name. */
    static String typeOf(String performName) {
        String core = performName.substring("perform".length(), performName.length() - "CallAction".length());
        return switch (core) {
            case "SetHeld" -> "setHeld";
            case "SetMuted" -> "setMuted";
            default -> core.substring(0, 1).toLowerCase(java.util.Locale.ROOT) + core.substring(1);
        };
    }

    /**
     * A performed action's outcomes. Completions tie to the action by action id when the perform has one, otherwise the
     * first completion of the same type for the same call after it counts. An excuse is why the app could not complete
     * it: the system never delivered it (no provider delegate), the app process died before completing it, or the
     * provider was reset, which "can be treated as a request to end all calls without the need to respond to any
     * actions" (R-END-4). Completions, timeouts and undeliverable actions are grouped once, so that a rule asking about
     * each of a log's thousands of performs looks each one up instead of walking every later completion.
     */
    public static final class Outcomes {
        private final Trace trace;
        private final Index completionsById;
        private final Index completionsByType;
        private final Index timeouts;
        private final Index undeliverable;

        public Outcomes(Trace trace) {
            this.trace = trace;
            List<Event> completions = trace.where(COMPLETIONS);
            this.completionsById = new Index(completions, "actionId");
            this.completionsByType = new Index(completions, "action");
            this.timeouts = new Index(trace.named(TIMED_OUT_PERFORMING_ACTION), "actionId");
            this.undeliverable = new Index(trace.named(ACTION_UNDELIVERABLE), "action");
        }

        public List<Event> completionsOf(Event perform) {
            Optional<String> id = id(perform);
            if (id.isPresent()) {
                return completionsById.after(perform, List.of(id.get()));
            }
            return completionsByType.firstAfter(perform, Arrays.asList(type(perform), null)).stream().toList();
        }

        public Optional<Event> timeoutOf(Event perform) {
            return timeouts.firstAfter(perform, id(perform).map(List::of).orElse(null));
        }

        public Optional<Event> excuse(Event perform) {
            return Index.earliest(Stream.of(undeliverable.firstAfter(perform, id(perform).map(List::of).orElse(null)),
                    trace.firstAfter(perform, Trace.anyOf(APP_TERMINATED, PROVIDER_DID_RESET))));
        }
    }

    /**
     * Some events grouped by call and by the value of one attribute, each group in timeline order: those after an
     * anchor that may concern its call ({@link Trace#sameCall}) with given values are a few binary searches, where a
     * trace query walks every event of the name, most of them other calls'.
     */
    public static final class Index {
        private static final Object ANY = new Object();
        private final Map<Group, List<Event>> groups = new HashMap<>();

        private record Group(Object call, Object value) { }

        public Index(List<Event> events, String attribute) {
            for (Event e : events) {
                for (Object call : Arrays.asList(e.call(), ANY)) {
                    for (Object value : Arrays.asList(e.attributes().get(attribute), ANY)) {
                        groups.computeIfAbsent(new Group(call, value), g -> new ArrayList<>()).add(e);
                    }
                }
            }
        }

        /**
         * The events after {@code anchor} that may concern its call and whose attribute has one of {@code values} (a
         * {@code null} among them: the attribute is absent; {@code values} {@code null}: any value or none), in order.
         */
        public List<Event> after(Event anchor, List<String> values) {
            return groupsAfter(anchor, values).flatMap(List::stream).sorted(Comparator.comparingLong(Event::seq)).toList();
        }

        /** The first of {@link #after}. */
        public Optional<Event> firstAfter(Event anchor, List<String> values) {
            return earliest(groupsAfter(anchor, values).filter(g -> !g.isEmpty()).map(g -> Optional.of(g.get(0))));
        }

        private Stream<List<Event>> groupsAfter(Event anchor, List<String> values) {
            List<Object> calls = anchor.call() == null ? List.of(ANY) : Arrays.asList(anchor.call(), null);
            List<Object> wanted = values == null ? List.of(ANY) : new ArrayList<>(values);
            return calls.stream().flatMap(c -> wanted.stream().map(v -> groups.getOrDefault(new Group(c, v), List.of())))
                    .map(g -> g.subList(Trace.countUpTo(g, anchor.seq()), g.size()));
        }

        static Optional<Event> earliest(Stream<Optional<Event>> candidates) {
            return candidates.flatMap(Optional::stream).min(Comparator.comparingLong(Event::seq));
        }
    }

    /** Whether the timeline records action completions at all (the seed's device log does not). */
    public static boolean recordsCompletions(Trace trace) {
        return trace.events().stream().anyMatch(Actions::isCompletion);
    }
}
