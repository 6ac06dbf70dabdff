package dev.callflow.rules;

import dev.callflow.timeline.Event;
import dev.callflow.timeline.Level;
import dev.callflow.timeline.Source;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The trace answers indexed queries (by position, by name) exactly as a plain scan of the events would: random traces,
 * random anchors, every query compared with its brute-force meaning.
 */
class TraceIndexTest {
    private static final String[] NAMES = {"startAudio", "stopAudio", "releaseAudio", "fulfill", "callEnded", "noise"};
    private static final UUID A = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID B = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    private static final UUID[] CALLS = {A, B, null};

    @RepeatedTest(40)
    void indexedQueriesAgreeWithAPlainScan(RepetitionInfo repetition) {
        Random random = new Random(7919L * repetition.getCurrentRepetition());
        List<Event> events = randomEvents(random, 1 + random.nextInt(60));
        Trace trace = new Trace(events);
        for (int q = 0; q < 50; q++) {
            Event anchor = events.get(random.nextInt(events.size()));
            Event other = events.get(random.nextInt(events.size()));
            Trace.Named named = switch (random.nextInt(6)) {
                case 4 -> Trace.anyOf(NAMES[random.nextInt(NAMES.length)], NAMES[random.nextInt(NAMES.length)])
                        .mayConcern(CALLS[random.nextInt(CALLS.length)]).and(e -> e.seq() % 4 != 0);
                case 5 -> narrowTwice(random);
                case 0 -> Trace.isFor(NAMES[random.nextInt(NAMES.length)], other);
                case 1 -> Trace.is(NAMES[random.nextInt(NAMES.length)], CALLS[random.nextInt(CALLS.length)]);
                case 2 -> Trace.anyOf(NAMES[random.nextInt(NAMES.length)], NAMES[random.nextInt(NAMES.length)],
                        NAMES[random.nextInt(NAMES.length)]).forCall(CALLS[random.nextInt(CALLS.length)])
                        .and(e -> e.seq() % 5 != 0);
                default -> Trace.anyOf(NAMES[random.nextInt(NAMES.length)], NAMES[random.nextInt(NAMES.length)])
                        .and(e -> e.call() != B);
            };
            Predicate<Event> opaque = named::test; // the same predicate without the index

            assertThat(trace.firstAfter(anchor, named)).isEqualTo(firstAfter(events, anchor, opaque))
                    .isEqualTo(trace.firstAfter(anchor, opaque));
            assertThat(trace.lastBefore(anchor, named)).isEqualTo(lastBefore(events, anchor, opaque))
                    .isEqualTo(trace.lastBefore(anchor, opaque));
            assertThat(trace.between(anchor, other, named)).isEqualTo(between(events, anchor, other, opaque))
                    .isEqualTo(trace.between(anchor, other, opaque));
            assertThat(trace.firstBetween(anchor, other, named))
                    .isEqualTo(between(events, anchor, other, opaque).stream().findFirst());
            assertThat(trace.firstBetween(anchor, null, named)).isEqualTo(firstAfter(events, anchor, opaque));
            assertThat(trace.where(named)).isEqualTo(events.stream().filter(opaque).toList());
            assertThat(trace.after(anchor)).isEqualTo(events.stream().filter(e -> e.seq() > anchor.seq()).toList());
            assertThat(trace.through(anchor, other, named)).isEqualTo(events.stream()
                    .filter(e -> e.seq() > anchor.seq() && e.seq() <= other.seq() && opaque.test(e)).toList());
            assertThat(trace.through(anchor, null, named)).isEqualTo(events.stream()
                    .filter(e -> e.seq() > anchor.seq() && opaque.test(e)).toList());
        }
        assertThat(trace.calls()).containsExactlyElementsOf(events.stream().map(Event::call)
                .filter(java.util.Objects::nonNull).distinct().toList());
    }

    /** Narrowing twice matches what both narrowings match: to a call, or to the events that may concern it. */
    @Test
    void narrowingTwiceIntersects() {
        List<Event> events = randomEvents(new Random(3), 200);
        for (UUID c1 : CALLS) {
            for (UUID c2 : CALLS) {
                for (int kinds = 0; kinds < 4; kinds++) {
                    boolean mayConcern1 = (kinds & 1) != 0;
                    boolean mayConcern2 = (kinds & 2) != 0;
                    Trace.Named base = Trace.anyOf("startAudio", "noise");
                    Trace.Named once = mayConcern1 ? base.mayConcern(c1) : base.forCall(c1);
                    Trace.Named twice = mayConcern2 ? once.mayConcern(c2) : once.forCall(c2);
                    for (Event e : events) {
                        boolean expected = base.test(e) && narrowedTo(e, c1, mayConcern1) && narrowedTo(e, c2, mayConcern2);
                        assertThat(twice.test(e)).as("%s %s then %s %s on %s", mayConcern1 ? "mayConcern" : "forCall", c1,
                                mayConcern2 ? "mayConcern" : "forCall", c2, e).isEqualTo(expected);
                    }
                }
            }
        }
    }

    private static boolean narrowedTo(Event e, UUID call, boolean mayConcern) {
        return mayConcern ? call == null || e.call() == null || call.equals(e.call()) : call != null && call.equals(e.call());
    }

    /** Two narrowings in a row: the index must give what both predicates together match. */
    private static Trace.Named narrowTwice(Random random) {
        Trace.Named first = Trace.anyOf(NAMES[random.nextInt(NAMES.length)], NAMES[random.nextInt(NAMES.length)]);
        first = random.nextBoolean() ? first.forCall(CALLS[random.nextInt(CALLS.length)])
                : first.mayConcern(CALLS[random.nextInt(CALLS.length)]);
        UUID second = CALLS[random.nextInt(CALLS.length)];
        return random.nextBoolean() ? first.forCall(second) : first.mayConcern(second);
    }

    /** Live calls agree with asking knownBefore and endedBefore of every call at every anchor. */
    @RepeatedTest(40)
    void liveCallsAgreeWithAskingEveryCall(RepetitionInfo repetition) {
        Random random = new Random(104729L * repetition.getCurrentRepetition());
        String[] names = {"incomingCallUiShown", "reportNewIncomingCall", "reportNewIncomingCallCompletion",
                "performStartCallAction", "performAnswerCallAction", "callEnded", "reportCallEnded", "fulfill", "noise"};
        UUID[] calls = {A, B, UUID.fromString("00000000-0000-0000-0000-00000000000c"), null};
        List<Event> events = new ArrayList<>();
        long seq = 0;
        for (int i = 0, n = 1 + random.nextInt(80); i < n; i++) {
            seq += 1 + random.nextInt(3);
            String name = names[random.nextInt(names.length)];
            Map<String, String> attrs = switch (name) {
                case "reportNewIncomingCallCompletion" -> random.nextBoolean() ? Map.of("error", "filteredByDoNotDisturb") : Map.of();
                case "fulfill" -> Map.of("action", random.nextBoolean() ? "end" : "answer");
                default -> Map.of();
            };
            events.add(new Event(seq, seq * 1000, Source.APP, Level.INFO, name, calls[random.nextInt(calls.length)], 1, attrs));
        }
        Trace trace = new Trace(events);
        CallFacts.LiveCalls live = new CallFacts.LiveCalls(trace);
        for (Event anchor : events) {
            List<UUID> expected = trace.calls().stream()
                    .filter(c -> CallFacts.knownBefore(trace, c, anchor) && !CallFacts.endedBefore(trace, c, anchor)).toList();
            assertThat(live.countAt(anchor)).as("live at #%d", anchor.seq()).isEqualTo(expected.size());
            for (UUID c : calls) {
                assertThat(live.liveAt(c, anchor)).as("%s live at #%d", c, anchor.seq()).isEqualTo(expected.contains(c));
            }
        }
    }

    @Test
    void anchorsFromAnotherTimelineArePlacedBySequenceNumber() {
        List<Event> events = List.of(event(2, "startAudio", A), event(5, "stopAudio", A), event(9, "startAudio", A));
        Trace trace = new Trace(events);
        Event foreign = event(6, "noise", null);
        assertThat(trace.firstAfter(foreign, Trace.is("startAudio"))).contains(events.get(2));
        assertThat(trace.lastBefore(foreign, Trace.anyOf("startAudio", "stopAudio"))).contains(events.get(1));
        assertThat(trace.has("stopAudio")).isTrue();
        assertThat(trace.has("fulfill")).isFalse();
    }

    @Test
    void eventsOutOfTimelineOrderAreRefused() {
        List<Event> events = List.of(event(2, "startAudio", A), event(2, "stopAudio", A));
        assertThatThrownBy(() -> new Trace(events)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ascending sequence numbers").hasMessageContaining("#2 follows #2");
    }

    private static List<Event> randomEvents(Random random, int n) {
        List<Event> out = new ArrayList<>();
        long seq = 0;
        for (int i = 0; i < n; i++) {
            seq += 1 + random.nextInt(3);
            out.add(event(seq, NAMES[random.nextInt(NAMES.length)], CALLS[random.nextInt(CALLS.length)]));
        }
        return out;
    }

    private static Event event(long seq, String name, UUID call) {
        return new Event(seq, seq * 1000, Source.APP, Level.INFO, name, call, 1, Map.of());
    }

    private static Optional<Event> firstAfter(List<Event> events, Event anchor, Predicate<Event> p) {
        return events.stream().filter(e -> e.seq() > anchor.seq() && p.test(e)).findFirst();
    }

    private static Optional<Event> lastBefore(List<Event> events, Event anchor, Predicate<Event> p) {
        return events.stream().filter(e -> e.seq() < anchor.seq() && p.test(e)).reduce((a, b) -> b);
    }

    private static List<Event> between(List<Event> events, Event from, Event to, Predicate<Event> p) {
        return events.stream().filter(e -> e.seq() > from.seq() && e.seq() < to.seq() && p.test(e)).toList();
    }
}
