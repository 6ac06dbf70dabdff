package dev.callflow.timeline;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One observable act on a {@link Timeline}.
 *
 * @param seq      position on the timeline, from 1, gap-free
 * @param micros   monotonic time since the timeline's origin, in microseconds
 * @param source   who acted
 * @param level    log level it renders with
 * @param name     what happened, in the platform's or the app's own vocabulary ({@code performAnswerCallAction})
 * @param call     the call it concerns, or {@code null}
 * @param thread   the thread (queue) it happened on, as the device log shows it
 * @param attributes further facts, in insertion order ({@code action=answer}, {@code error=filteredByDoNotDisturb})
 */
public record Event(long seq, long micros, Source source, Level level, String name, UUID call, long thread,
                    Map<String, String> attributes) {

    public Event {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(name, "name");
        if (name.isEmpty() || hasWhitespace(name)) {
            throw new IllegalArgumentException("An event name is one word without spaces, got '" + name + "'");
        }
        attributes = Attributes.copyOf(attributes);
    }

    private static boolean hasWhitespace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    public Optional<UUID> callId() {
        return Optional.ofNullable(call);
    }

    public Optional<String> attribute(String key) {
        return Optional.ofNullable(attributes.get(key));
    }

    public boolean is(String eventName) {
        return name.equals(eventName);
    }

    public boolean is(Source s, String eventName) {
        return source == s && name.equals(eventName);
    }

    /** Whether it is an event of this kind, by name (whoever recorded it). */
    public boolean is(EventKind kind) {
        return name.equals(kind.wireName());
    }

    public boolean is(Source s, EventKind kind) {
        return source == s && name.equals(kind.wireName());
    }

    /** Its kind in the vocabulary; empty for an app's own log word. */
    public Optional<EventKind> kind() {
        return EventKind.named(name);
    }

    /** Milliseconds since the timeline's origin, with microsecond fraction. */
    public double millis() {
        return micros / 1000.0;
    }

    /** A short one-line form for failure messages: {@code #12 +3.104 ms system performAnswerCallAction action=answer}. */
    public String brief() {
        StringBuilder b = new StringBuilder();
        b.append('#').append(seq).append(' ')
                .append(String.format(java.util.Locale.ROOT, "+%.3f ms", millis())).append(' ')
                .append(source.label()).append(' ').append(name);
        attributes.forEach((k, v) -> b.append(' ').append(k).append('=').append(v));
        return b.toString();
    }
}
