package dev.callflow.rules;

import dev.callflow.timeline.Event;

import java.util.List;
import java.util.Objects;

/**
 * One place where a rule does not hold: what is wrong, the events that show it, and how bad it is. A rule of
 * violation severity may still report a mere warning (a policy-dependent placement, for instance).
 *
 * @param absent events whose absence the finding relies on ("... never came"), or {@code null}: on a timeline whose
 *               {@link Vocabulary} does not show them the finding is dropped and the call is not judged
 */
public record Finding(Severity severity, String message, List<Event> offending, Logged absent) {
    public Finding {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        offending = List.copyOf(offending);
    }

    public Finding(Severity severity, String message, List<Event> offending) {
        this(severity, message, offending, null);
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

    /**
     * This finding, standing only where the timeline can show {@code absent} at all: it says such an event never
     * came. The rule must list {@code absent} in {@link Rule#reliesOnAbsenceOf()}.
     */
    public Finding unlessLogged(Logged absent) {
        return new Finding(severity, message, offending, Objects.requireNonNull(absent));
    }
}
