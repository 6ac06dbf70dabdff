package dev.callflow.timeline;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

/**
 * One row of an expected flow: an event name, and optionally its source, its call and attributes it must carry.
 * {@code label} is how the row reads in failure messages ({@code sdk startAudio call A}). The event name and an
 * attribute value may list alternatives separated by {@code |} ({@code releaseAudio|unprepareSDK},
 * {@code reason=failed|remoteEnded}): any one of them matches.
 */
public record ExpectedEvent(Source source, String name, UUID call, Map<String, String> attributes, String label) {

    public ExpectedEvent {
        Objects.requireNonNull(name, "event name");
        attributes = Map.copyOf(attributes);
    }

    public static ExpectedEvent named(String name) {
        return new ExpectedEvent(null, name, null, Map.of(), name);
    }

    public boolean matches(Event e) {
        if (!valueMatches(name, e.name()) || (source != null && e.source() != source)) {
            return false;
        }
        if (call != null && !call.equals(e.call())) {
            return false;
        }
        for (Map.Entry<String, String> a : attributes.entrySet()) {
            if (!valueMatches(a.getValue(), e.attributes().get(a.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** An expected value against an observed one: equal, or equal to one of its {@code |}-separated alternatives. */
    static boolean valueMatches(String expected, String actual) {
        if (actual == null) {
            return false;
        }
        if (expected.indexOf('|') < 0) {
            return expected.equals(actual);
        }
        for (String alternative : expected.split("\\|")) {
            if (alternative.trim().equals(actual)) {
                return true;
            }
        }
        return false;
    }

    /** Same event kind (source and name), whatever the call and attributes. */
    public boolean sameKind(Event e) {
        return valueMatches(name, e.name()) && (source == null || e.source() == source);
    }

    /**
     * Parses the attribute cell of a feature table: {@code reason=remoteEnded, result=ok}. A value may itself hold
     * commas ({@code options=answer,decline}): only a comma followed by {@code key=} starts a new attribute. A value
     * may list alternatives, {@code reason=failed|remoteEnded} (in a Gherkin table cell written {@code failed\|remoteEnded});
     * none of them may be blank.
     */
    public static Map<String, String> parseAttributes(String cell) {
        Map<String, String> m = new LinkedHashMap<>();
        if (cell == null || cell.isBlank()) {
            return m;
        }
        for (String part : cell.split(",\\s*(?=[A-Za-z][\\w.-]*=)")) {
            String p = part.trim();
            int eq = p.indexOf('=');
            if (eq <= 0 || eq == p.length() - 1) {
                throw new IllegalArgumentException("Attribute '" + p + "' must read key=value, e.g. reason=remoteEnded");
            }
            String value = p.substring(eq + 1).trim();
            if (value.indexOf('|') >= 0 && java.util.Arrays.stream(value.split("\\|", -1)).anyMatch(String::isBlank)) {
                throw new IllegalArgumentException("Attribute '" + p + "' has a blank alternative; separate alternatives "
                        + "with |, e.g. reason=failed|remoteEnded");
            }
            m.put(p.substring(0, eq).trim(), value);
        }
        return m;
    }

    public static String describe(Event e, Function<UUID, String> callNames) {
        StringBuilder b = new StringBuilder(e.source().label()).append(' ').append(e.name());
        if (e.call() != null) {
            b.append(' ').append(callNames.apply(e.call()));
        }
        return b.toString();
    }
}
