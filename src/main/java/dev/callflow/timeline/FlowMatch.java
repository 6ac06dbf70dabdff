package dev.callflow.timeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Matches an expected flow against a timeline as an ordered subsequence (other events may come between) and,
 * when it does not match, explains why in the STYLE.md form: expected flow beside observed flow, with the event
 * that came out of order marked.
 */
public final class FlowMatch {
    private final List<ExpectedEvent> expected;
    private final List<Event> events;
    private final List<Event> matched = new ArrayList<>();

    private FlowMatch(List<ExpectedEvent> expected, List<Event> events) {
        this.expected = List.copyOf(expected);
        this.events = events;
        int from = 0;
        for (ExpectedEvent row : this.expected) {
            Event hit = null;
            for (int i = from; i < events.size(); i++) {
                if (row.matches(events.get(i))) {
                    hit = events.get(i);
                    from = i + 1;
                    break;
                }
            }
            if (hit == null) {
                break;
            }
            matched.add(hit);
        }
    }

    public static FlowMatch of(List<ExpectedEvent> expected, List<Event> events) {
        return new FlowMatch(expected, events);
    }

    public boolean complete() {
        return matched.size() == expected.size();
    }

    public List<Event> matched() {
        return List.copyOf(matched);
    }

    /** The first expected row that was not found in order. */
    public Optional<ExpectedEvent> firstMissing() {
        return complete() ? Optional.empty() : Optional.of(expected.get(matched.size()));
    }

    /** A failure message naming what happened out of order, with both flows side by side. */
    public String explain(String headline, Function<UUID, String> callNames) {
        StringBuilder b = new StringBuilder(headline).append('\n');
        ExpectedEvent missing = firstMissing().orElseThrow(() -> new IllegalStateException("the flow matched"));
        Event previous = matched.isEmpty() ? null : matched.get(matched.size() - 1);
        Optional<Event> elsewhere = events.stream().filter(missing::matches).findFirst();
        b.append("Expected ").append(missing.label());
        if (previous != null) {
            b.append(" after ").append(ExpectedEvent.describe(previous, callNames)).append(" (#").append(previous.seq()).append(')');
        }
        if (elsewhere.isPresent()) {
            Event e = elsewhere.get();
            b.append(", but it happened out of order: #").append(e.seq()).append(' ')
                    .append(ExpectedEvent.describe(e, callNames)).append(" came ")
                    .append(previous != null && e.seq() < previous.seq() ? "before it" : "without the rows above it")
                    .append(".\n");
        } else {
            List<Event> sameKind = events.stream().filter(missing::sameKind).toList();
            if (sameKind.isEmpty()) {
                b.append(", but no ").append(missing.name()).append(" happened at all.\n");
            } else {
                b.append(", but every ").append(missing.name()).append(" differed: ")
                        .append(sameKind.stream().map(e -> brief(e, callNames)).toList()).append(".\n");
            }
        }
        // the cause is often an error the flow's table does not mention (the system killed the app, a push went unreported)
        List<Event> errors = events.stream()
                .filter(e -> e.level() == Level.ERROR && expected.stream().noneMatch(x -> x.sameKind(e))).toList();
        if (!errors.isEmpty()) {
            b.append("Errors on the timeline:\n");
            errors.forEach(e -> b.append("  ").append(brief(e, callNames)).append('\n'));
        }
        b.append(sideBySide(callNames));
        return b.toString();
    }

    private String sideBySide(Function<UUID, String> callNames) {
        List<String> left = new ArrayList<>();
        for (int i = 0; i < expected.size(); i++) {
            String mark = i < matched.size() ? "  " : i == matched.size() ? "✗ " : "  ";
            left.add(mark + expected.get(i).label());
        }
        List<Event> observed = events.stream().filter(e -> expected.stream().anyMatch(x -> x.sameKind(e))).toList();
        long firstMicros = observed.isEmpty() ? 0 : observed.get(0).micros();
        Optional<ExpectedEvent> missing = firstMissing();
        List<String> right = new ArrayList<>();
        for (Event e : observed) {
            String line = String.format(Locale.ROOT, "#%-4d %-44s +%.1f ms", e.seq(), ExpectedEvent.describe(e, callNames),
                    (e.micros() - firstMicros) / 1000.0);
            if (missing.isPresent() && missing.get().matches(e)) {
                line += "   <<<<< out of order";
            } else if (!matched.contains(e) && !matched.isEmpty() && e.seq() > matched.get(matched.size() - 1).seq()) {
                line += "   (not reached: matching stopped at ✗)";
            } else if (!matched.contains(e)) {
                line += "   (not in the expected flow here)";
            }
            right.add(line);
        }
        int width = Math.max(30, left.stream().mapToInt(String::length).max().orElse(0) + 2);
        StringBuilder b = new StringBuilder();
        b.append(pad("Expected flow", width)).append("| Observed flow (events of the expected kinds)\n");
        for (int i = 0; i < Math.max(left.size(), right.size()); i++) {
            b.append(pad(i < left.size() ? left.get(i) : "", width)).append("| ")
                    .append(i < right.size() ? right.get(i) : "").append('\n');
        }
        return b.toString();
    }

    /** {@link Event#brief()} with the call's scenario name, so that an event of another call reads as such. */
    private static String brief(Event e, Function<UUID, String> callNames) {
        StringBuilder b = new StringBuilder();
        b.append('#').append(e.seq()).append(' ').append(String.format(Locale.ROOT, "+%.3f ms", e.millis())).append(' ')
                .append(ExpectedEvent.describe(e, callNames));
        e.attributes().forEach((k, v) -> b.append(' ').append(k).append('=').append(v));
        return b.toString();
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s + " " : s + " ".repeat(width - s.length());
    }
}
