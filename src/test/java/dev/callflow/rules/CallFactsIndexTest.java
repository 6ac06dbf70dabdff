package dev.callflow.rules;

import dev.callflow.timeline.Event;
import dev.callflow.timeline.Level;
import dev.callflow.timeline.Source;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The indexes in {@link CallFacts} answer as the queries they stand for: {@link CallFacts.SameCallIndex} as the trace
 * does with {@link Trace#sameCall} in the predicate; {@link CallFacts#completionOf} and {@link CallFacts#handlingEnd},
 * which ask the trace's indexes, as their plain-scan definitions.
 */
class CallFactsIndexTest {
    private static final String[] NAMES = {"startAudio", "stopAudio", "releaseAudio", "noise"};
    private static final UUID[] CALLS = {UUID.fromString("00000000-0000-0000-0000-00000000000a"),
            UUID.fromString("00000000-0000-0000-0000-00000000000b"), null};

    @RepeatedTest(40)
    void agreesWithTraceQueriesThatAskSameCall(RepetitionInfo repetition) {
        Random random = new Random(15485863L * repetition.getCurrentRepetition());
        List<Event> events = new ArrayList<>();
        long seq = 0;
        for (int i = 0, n = 1 + random.nextInt(60); i < n; i++) {
            seq += 1 + random.nextInt(3);
            events.add(new Event(seq, seq * 1000, Source.APP, Level.INFO, NAMES[random.nextInt(NAMES.length)],
                    CALLS[random.nextInt(CALLS.length)], 1, Map.of()));
        }
        Trace trace = new Trace(events);
        Predicate<Event> p = e -> !e.is("noise");
        CallFacts.SameCallIndex index = new CallFacts.SameCallIndex(trace, p);
        for (int q = 0; q < 50; q++) {
            Event from = events.get(random.nextInt(events.size()));
            Event to = events.get(random.nextInt(events.size()));
            Event of = events.get(random.nextInt(events.size()));
            Predicate<Event> same = p.and(e -> Trace.sameCall(e, of));

            assertThat(index.lastBefore(from, of.call())).isEqualTo(trace.lastBefore(from, same));
            assertThat(index.firstAfter(from, of.call())).isEqualTo(trace.firstAfter(from, same));
            assertThat(index.firstBetween(from, to, of.call())).isEqualTo(trace.firstBetween(from, to, same));
            assertThat(index.between(from, to, of.call())).isEqualTo(trace.between(from, to, same));
            assertThat(index.through(from, to, of.call())).isEqualTo(trace.through(from, to, same));
            assertThat(index.through(from, null, of.call())).isEqualTo(trace.through(from, null, same));
        }
    }

    @RepeatedTest(40)
    void completionOfAndHandlingEndAgreeWithTheirPlainScans(RepetitionInfo repetition) {
        Random random = new Random(32452843L * repetition.getCurrentRepetition());
        String[] names = {"performEndCallAction", "performSetHeldCallAction", "didActivateAudioSession", "fulfill", "fail",
                "noise"};
        String[] ids = {"1", "2", null};
        List<Event> events = new ArrayList<>();
        long seq = 0;
        for (int i = 0, n = 1 + random.nextInt(60); i < n; i++) {
            seq += 1 + random.nextInt(3);
            String name = names[random.nextInt(names.length)];
            String id = ids[random.nextInt(ids.length)];
            String key = name.startsWith("perform") ? "action" : "actionId";
            events.add(new Event(seq, seq * 1000, Source.APP, Level.INFO, name, CALLS[random.nextInt(CALLS.length)], 1,
                    id == null ? Map.of() : Map.of(key, id)));
        }
        Trace trace = new Trace(events);
        for (Event e : events) {
            Optional<Event> done = completionByScan(trace, e);
            assertThat(CallFacts.completionOf(trace, e)).isEqualTo(done);
            assertThat(CallFacts.handlingEnd(trace, e)).isEqualTo(handlingEndByScan(trace, e, done));
        }
    }

    private static Optional<Event> completionByScan(Trace trace, Event perform) {
        Optional<String> id = perform.attribute("action");
        return trace.after(perform).stream().filter(e -> (e.is("fulfill") || e.is("fail")) && Trace.sameCall(e, perform)
                && (id.isEmpty() || id.equals(e.attribute("actionId")))).findFirst();
    }

    private static Optional<Event> handlingEndByScan(Trace trace, Event callback, Optional<Event> done) {
        Optional<Event> next = trace.after(callback).stream().filter(CallFacts::isDelegateCallback).findFirst();
        if (!callback.name().startsWith("perform") || done.isEmpty()) {
            return next;
        }
        if (callback.attribute("action").isPresent()) {
            return done;
        }
        return next.isPresent() && next.get().seq() < done.get().seq() ? next : done;
    }
}
