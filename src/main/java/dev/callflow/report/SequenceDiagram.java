package dev.callflow.report;

import dev.callflow.timeline.Event;
import dev.callflow.timeline.EventKind;
import dev.callflow.timeline.Source;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

import static dev.callflow.timeline.EventKind.APP_LAUNCHED;
import static dev.callflow.timeline.EventKind.APP_TERMINATED;
import static dev.callflow.timeline.EventKind.APP_WOKEN_FOR_PUSH;
import static dev.callflow.timeline.EventKind.USER_STARTED_CALL;
import static dev.callflow.timeline.EventKind.USER_TAPPED_HANG_UP;
import static dev.callflow.timeline.EventKind.USER_TAPPED_RESUME;
import static dev.callflow.timeline.EventKind.USER_TOGGLED_CALL_KIT;

/**
 * A scenario's timeline as a PlantUML sequence diagram: one lane per {@link Source}, one message per event, drawn from
 * whoever acted to whoever the act is for (its {@link EventKind.Category}), labelled {@code #N +t ms name call A
 * attributes}. The source depends on the events alone, so the same timeline always gives the same diagram.
 *
 * @param failedStepAfter the last event before the step that failed (0: it failed before the first event), or -1
 * @param ruleFindings    rule IDs by the sequence numbers of the events their findings point at (rules the scenario
 *                        broke undeclared)
 */
public record SequenceDiagram(List<Event> events, Function<UUID, String> callNames, long failedStepAfter,
                              Map<Long, List<String>> ruleFindings, int maxEvents) {
    /** Beyond this a diagram stops being readable (and PlantUML slow): the rest is summed up in a note. */
    public static final int DEFAULT_MAX_EVENTS = 400;
    private static final int MAX_ATTRIBUTES = 4;
    private static final int MAX_VALUE = 32;
    private static final Set<EventKind> APP_UI_GESTURES =
            EnumSet.of(USER_TAPPED_HANG_UP, USER_STARTED_CALL, USER_TAPPED_RESUME, USER_TOGGLED_CALL_KIT);
    private static final Set<EventKind> SYSTEM_TO_APP_EFFECTS = EnumSet.of(APP_LAUNCHED, APP_WOKEN_FOR_PUSH, APP_TERMINATED);
    private static final List<Source> LANES =
            List.of(Source.USER, Source.SYSTEM, Source.APP, Source.SDK, Source.PUSH, Source.SIGNALLING);
    private static final String FAILURE_COLOUR = "#FF3333";
    private static final String QUIET_COLOUR = "#999999";

    public SequenceDiagram {
        events = List.copyOf(events);
        ruleFindings = Map.copyOf(ruleFindings);
    }

    /** A passing scenario's diagram. */
    public static SequenceDiagram of(List<Event> events, Function<UUID, String> callNames) {
        return new SequenceDiagram(events, callNames, -1, Map.of(), DEFAULT_MAX_EVENTS);
    }

    public SequenceDiagram failedStepAfter(long seq) {
        return new SequenceDiagram(events, callNames, seq, ruleFindings, maxEvents);
    }

    public SequenceDiagram ruleFindings(Map<Long, List<String>> bySeq) {
        return new SequenceDiagram(events, callNames, failedStepAfter, bySeq, maxEvents);
    }

    public SequenceDiagram maxEvents(int max) {
        return new SequenceDiagram(events, callNames, failedStepAfter, ruleFindings, max);
    }

    /** The PlantUML source. */
    public String source() {
        StringBuilder b = new StringBuilder("@startuml\n");
        b.append("skinparam responseMessageBelowArrow true\nskinparam shadowing false\nskinparam sequenceMessageAlign left\n");
        for (Source s : LANES) {
            b.append("participant \"").append(s.label()).append("\\n<size:10>").append(s.logTag()).append("</size>\" as ")
                    .append(s.label()).append('\n');
        }
        if (failedStepAfter == 0 || failedStepAfter > 0 && events.stream().noneMatch(e -> e.seq() <= failedStepAfter)) {
            b.append("note over ").append(Source.USER.label()).append(' ').append(FAILURE_COLOUR)
                    .append(" : the failed step starts before the first event\n");
        }
        int shown = Math.min(events.size(), maxEvents);
        for (int i = 0; i < shown; i++) {
            Event e = events.get(i);
            message(b, e);
            if (e.seq() == failedStepAfter) {
                b.append("note over ").append(Source.USER.label()).append(", ").append(Source.SIGNALLING.label()).append(' ')
                        .append(FAILURE_COLOUR).append(" : <b>the failed step starts here</b> (after #").append(e.seq())
                        .append(")\n");
            }
        }
        if (shown < events.size()) {
            Event last = events.get(events.size() - 1);
            b.append("note over ").append(Source.USER.label()).append(", ").append(Source.SIGNALLING.label())
                    .append(" : ").append(events.size() - shown).append(" more events not drawn (#")
                    .append(events.get(shown).seq()).append(" to #").append(last.seq())
                    .append("): the timeline .log next to this diagram has them all\n");
            if (failedStepAfter >= 0 && failedStepAfter >= events.get(shown).seq()) {
                b.append("note over ").append(Source.USER.label()).append(' ').append(FAILURE_COLOUR)
                        .append(" : the failed step starts after #").append(failedStepAfter).append(", not drawn\n");
            }
        }
        return b.append("@enduml\n").toString();
    }

    private void message(StringBuilder b, Event e) {
        Source from = origin(e);
        Source to = target(e);
        List<String> rules = ruleFindings.getOrDefault(e.seq(), List.of());
        boolean quiet = e.kind().map(k -> !k.platformObservable()).orElse(true);
        String arrow = !rules.isEmpty() ? "-[" + FAILURE_COLOUR + ",bold]>" : quiet ? "-[" + QUIET_COLOUR + "]>" : "->";
        b.append(from.label()).append(' ').append(arrow).append(' ').append(to.label()).append(" : ").append(label(e));
        b.append('\n');
        if (!rules.isEmpty()) {
            b.append("note right ").append(FAILURE_COLOUR).append(" : <b>").append(String.join(", ", rules))
                    .append("</b> finding\n");
        }
    }

    /** Whom an act is for: the system calls into the app, the app calls the system, the SDK, its server, … */
    static Source target(Event e) {
        EventKind kind = e.kind().orElse(null);
        if (kind == null) {
            return e.source();
        }
        return switch (kind.category()) {
            case SYSTEM_CALLBACK -> Source.APP;
            case SYSTEM_API -> Source.SYSTEM;
            case MEDIA_SDK -> Source.SDK;
            case SIGNALLING_REQUEST -> Source.SIGNALLING;
            case SIGNALLING_EVENT -> Source.APP;
            case USER_GESTURE -> APP_UI_GESTURES.contains(kind) ? Source.APP : Source.SYSTEM;
            case SYSTEM_EFFECT -> SYSTEM_TO_APP_EFFECTS.contains(kind) ? Source.APP : Source.SYSTEM;
            default -> e.source();
        };
    }

    /** Who sent it, when it is drawn from someone other than its recorded source. */
    static Source origin(Event e) {
        EventKind kind = e.kind().orElse(null);
        if (kind == null) {
            return e.source();
        }
        return switch (kind.category()) {
            case SYSTEM_API, MEDIA_SDK, SIGNALLING_REQUEST -> Source.APP;
            case SIGNALLING_EVENT -> Source.SIGNALLING;
            default -> e.source();
        };
    }

    private String label(Event e) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "<size:10>#%d +%.1f ms</size> ", e.seq(), e.millis())).append("<b>")
                .append(escape(e.name())).append("</b>");
        if (e.call() != null) {
            b.append(' ').append(escape(callNames.apply(e.call())));
        }
        int n = 0;
        for (Map.Entry<String, String> a : new TreeMap<>(e.attributes()).entrySet()) {
            if (n == MAX_ATTRIBUTES) {
                b.append(" …");
                break;
            }
            String v = a.getValue();
            if (v.length() > MAX_VALUE) {
                continue;
            }
            b.append(' ').append(escape(a.getKey())).append('=').append(escape(v));
            n++;
        }
        return b.toString();
    }

    /** PlantUML reads creole and line breaks in a message: keep the event's text literal. */
    static String escape(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n', '\r' -> b.append(' ');
                case '\\' -> b.append("\\\\");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '*', '_', '"', '~', '-', '/', '#', '=' -> b.append('~').append(c);
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
