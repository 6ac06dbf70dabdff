package dev.callflow.rules;

import dev.callflow.timeline.Event;

import java.util.List;
import java.util.Objects;

/**
 * One place where a rule does not hold: what is wrong, the events that show it, and how bad it is. A rule of
 * violation severity may still report a mere warning (a policy-dependent placement, for instance).
 */
public record Finding(Severity severity, String message, List<Event> offending) {
    public Finding {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        offending = List.copyOf(offending);
    }

    /** A breach: fails the scenario when the rule's severity is violation (see {@link BaseRule#verdict}). */
    public static Finding of(String message, Event... offending) {
        return new Finding(Severity.VIOLATION, message, List.of(offending));
    }

    public static Finding of(String message, List<Event> offending) {
        return new Finding(Severity.VIOLATION, message, offending);
    }

    public static Finding warning(String message, Event... offending) {
        return new Finding(Severity.WARNING, message, List.of(offending));
    }
}
