package dev.callflow.rules.transactions;

import dev.callflow.rules.Trace;
import dev.callflow.timeline.Event;
import dev.callflow.timeline.Source;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How a timeline ties CXActions together: the system's {@code perform*CallAction} carries the action's id as
 * {@code action}; the app's {@code fulfill}/{@code fail} carry it as {@code actionId} (and the type as {@code action});
 * {@code timedOutPerformingAction} likewise.
 */
public final class Actions {
    private static final Pattern PERFORM = Pattern.compile("perform[A-Za-z]+CallAction");

    private Actions() { }

    public static boolean isPerform(Event e) {
        return e.source() == Source.SYSTEM && PERFORM.matcher(e.name()).matches();
    }

    public static boolean isCompletion(Event e) {
        return e.source() == Source.APP && (e.is("fulfill") || e.is("fail"));
    }

    /** The id the system gave the action, when the log records it. */
    public static Optional<String> id(Event perform) {
        return perform.attribute("action");
    }

    /** The action's type in the app's vocabulary: performEndCallAction is {@code end}. */
    public static String type(Event perform) {
        String core = perform.name().substring("perform".length(), perform.name().length() - "CallAction".length());
        return switch (core) {
            case "SetHeld" -> "setHeld";
            case "SetMuted" -> "setMuted";
            default -> core.substring(0, 1).toLowerCase(java.util.Locale.ROOT) + core.substring(1);
        };
    }

    /**
     * The app's completions of one performed action: by action id when the perform has one, otherwise the first
     * completion of the same type for the same call after it.
     */
    public static List<Event> completionsOf(Trace trace, Event perform) {
        Optional<String> id = id(perform);
        if (id.isPresent()) {
            return trace.where(e -> isCompletion(e) && e.seq() > perform.seq()
                    && id.get().equals(e.attributes().get("actionId")) && Trace.sameCall(e, perform));
        }
        return trace.firstAfter(perform, e -> isCompletion(e) && Trace.sameCall(e, perform)
                && e.attribute("action").map(a -> a.equals(type(perform))).orElse(true)).stream().toList();
    }

    /** The system's timeout of one performed action, if it timed out. */
    public static Optional<Event> timeoutOf(Trace trace, Event perform) {
        Optional<String> id = id(perform);
        return trace.firstAfter(perform, Trace.is("timedOutPerformingAction").and(e -> Trace.sameCall(e, perform)
                && (id.isEmpty() || id.get().equals(e.attributes().get("actionId")))));
    }

    /**
     * Why the app could not complete the action, if it could not: the system never delivered it (no provider
     * delegate), the app process died before completing it, or the provider was reset, which "can be treated as a
     * request to end all calls without the need to respond to any actions" (R-END-4).
     */
    public static Optional<Event> excuse(Trace trace, Event perform) {
        Optional<String> id = id(perform);
        return trace.firstAfter(perform, e -> (e.is("actionUndeliverable") && Trace.sameCall(e, perform)
                && (id.isEmpty() || id.get().equals(e.attributes().get("action"))))
                || e.is("appTerminated") || e.is("providerDidReset"));
    }

    /** Whether the timeline records action completions at all (the seed's device log does not). */
    public static boolean recordsCompletions(Trace trace) {
        return trace.events().stream().anyMatch(Actions::isCompletion);
    }
}
