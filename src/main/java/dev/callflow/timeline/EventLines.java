package dev.callflow.timeline;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;

/**
 * The one way failure messages show events: {@code #14   +   60.101 ms  system     performAnswerCallAction call A
 * action=2}, with the call's scenario name instead of its UUID and very long attribute values cut, so that a dump, a
 * rule's finding and a wait's timeline read alike.
 */
public final class EventLines {
    /** The longest attribute value shown whole; longer ones end in an ellipsis (a line stays readable). */
    public static final int MAX_VALUE = 120;

    private EventLines() { }

    /** One event as a line of a dump or a rule's context. */
    public static String line(Event e, Function<UUID, String> callNames) {
        return String.format(Locale.ROOT, "#%-4d +%9.3f ms  %-10s %s", e.seq(), e.millis(), e.source().label(),
                described(e, callNames)) + attributes(e);
    }

    /** One event inline, in a sentence: {@code #20 +339.373 ms sdk startAudio call A result=failed error=561145187}. */
    public static String brief(Event e, Function<UUID, String> callNames) {
        return String.format(Locale.ROOT, "#%d +%.3f ms %s %s", e.seq(), e.millis(), e.source().label(),
                described(e, callNames)) + attributes(e);
    }

    /** The events as an indented dump, one {@link #line} each. */
    public static String dump(List<Event> events, Function<UUID, String> callNames) {
        StringBuilder b = new StringBuilder();
        events.forEach(e -> b.append("  ").append(line(e, callNames)).append('\n'));
        return b.toString();
    }

    /** Each attribute as {@code  key=value}, values cut at {@link #MAX_VALUE}. */
    public static String attributes(Event e) {
        StringBuilder b = new StringBuilder();
        e.attributes().forEach((k, v) -> b.append(' ').append(k).append('=').append(cap(v, MAX_VALUE)));
        return b.toString();
    }

    public static String cap(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }

    private static String described(Event e, Function<UUID, String> callNames) {
        return e.call() == null ? e.name() : e.name() + " " + callNames.apply(e.call());
    }
}
