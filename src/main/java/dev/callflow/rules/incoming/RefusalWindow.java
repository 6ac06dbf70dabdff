package dev.callflow.rules.incoming;

import dev.callflow.rules.Trace;
import dev.callflow.timeline.Event;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A refused report ({@link IncomingEvents#refusals}) and the end of its window: the next report that may be for the
 * same call, a new attempt; empty when the window runs to the timeline's end.
 * <p>
 * "May be for the same call" ({@link Trace#sameCall}) takes in call-less events, which the trace's per-call index
 * leaves out; they are gathered once per trace, so a refusal's window is found without walking every later report.
 */
record RefusalWindow(Event refusal, Optional<Event> until) {

    static List<RefusalWindow> all(Trace trace) {
        NavigableMap<Long, Event> callLessReports = callLess(trace, Trace.is(IncomingEvents.REPORT));
        List<RefusalWindow> out = new ArrayList<>();
        for (Event refusal : IncomingEvents.refusals(trace)) {
            Optional<Event> until = refusal.call() == null ? trace.firstAfter(refusal, Trace.is(IncomingEvents.REPORT))
                    : Stream.of(trace.firstAfter(refusal, Trace.is(IncomingEvents.REPORT, refusal.call())),
                            Optional.ofNullable(callLessReports.higherEntry(refusal.seq())).map(Map.Entry::getValue))
                    .flatMap(Optional::stream).min(Comparator.comparingLong(Event::seq));
            out.add(new RefusalWindow(refusal, until));
        }
        return out;
    }

    /** The events of {@code kind} that have no call ID, by seq. */
    static NavigableMap<Long, Event> callLess(Trace trace, Trace.Named kind) {
        return trace.where(kind.and(e -> e.call() == null)).stream()
                .collect(Collectors.toMap(Event::seq, e -> e, (a, b) -> a, TreeMap::new));
    }

    /** The events of {@code kind} strictly inside the window. */
    List<Event> within(Trace trace, Trace.Named kind) {
        return until.map(u -> trace.between(refusal, u, kind)).orElseGet(() -> trace.through(refusal, null, kind));
    }

    /**
     * The events of {@code kind} strictly inside the window that may concern the refused call: its own and the
     * call-less ones ({@code callLess}: {@link #callLess} of the same kind).
     */
    List<Event> withinForCall(Trace trace, Trace.Named kind, NavigableMap<Long, Event> callLess) {
        if (refusal.call() == null) {
            return within(trace, kind);
        }
        List<Event> out = new ArrayList<>(within(trace, kind.forCall(refusal.call())));
        out.addAll(callLess.subMap(refusal.seq(), false, until.map(Event::seq).orElse(Long.MAX_VALUE), false).values());
        out.sort(Comparator.comparingLong(Event::seq));
        return out;
    }
}
