package dev.callflow.rules;

import dev.callflow.timeline.Event;
import dev.callflow.timeline.Source;
import dev.callflow.timeline.Timeline;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Hand-built timelines for rule tests, one millisecond per event:
 * {@code new TraceBuilder().system("performAnswerCallAction", a).sdk("startAudio", a, "result", "ok").trace()}.
 */
public final class TraceBuilder {
    private final AtomicLong nanos = new AtomicLong();
    private final Timeline timeline = Timeline.withClock(() -> nanos.getAndAdd(1_000_000), Instant.parse("2026-01-01T00:00:00Z"),
            ZoneOffset.UTC, "TestApp", 4242);
    private final Map<String, UUID> calls = new LinkedHashMap<>();

    /** A stable UUID per call name. */
    public UUID call(String name) {
        return calls.computeIfAbsent(name, n -> UUID.nameUUIDFromBytes(n.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    public TraceBuilder system(String name, UUID call, String... kv) { return add(Source.SYSTEM, name, call, kv); }

    public TraceBuilder app(String name, UUID call, String... kv) { return add(Source.APP, name, call, kv); }

    public TraceBuilder sdk(String name, UUID call, String... kv) { return add(Source.SDK, name, call, kv); }

    public TraceBuilder push(String name, UUID call, String... kv) { return add(Source.PUSH, name, call, kv); }

    public TraceBuilder signalling(String name, UUID call, String... kv) { return add(Source.SIGNALLING, name, call, kv); }

    public TraceBuilder user(String name, UUID call, String... kv) { return add(Source.USER, name, call, kv); }

    public TraceBuilder add(Source source, String name, UUID call, String... kv) {
        timeline.record(source, name, call, kv);
        return this;
    }

    public List<Event> events() {
        return timeline.events();
    }

    public Trace trace() {
        return new Trace(timeline.events());
    }

    public Timeline timeline() {
        return timeline;
    }
}
