package dev.callflow.devicelog;

import dev.callflow.timeline.Event;

import java.util.List;
import java.util.stream.Collectors;

/** Test helpers: read text with the standard vocabulary and the seed grammar, and show events compactly. */
final class Logs {
    private Logs() { }

    static final Grammar SEED = load("fixtures/grammars/seed.grammar");

    static Grammar load(String path) {
        try {
            return Grammar.load(java.nio.file.Path.of(path));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static DeviceLog read(String... lines) {
        return new DeviceLogReader(new Recogniser(SEED)).read(List.of(lines));
    }

    /** {@code name@line}, e.g. {@code performAnswerCallAction@3}. */
    static List<String> names(DeviceLog log) {
        return log.events().stream().map(e -> e.name() + "@" + e.attributes().get(DeviceLog.LINE)).toList();
    }

    static Event only(DeviceLog log) {
        if (log.events().size() != 1) {
            throw new AssertionError("expected one event, got " + log.events().stream().map(Event::brief)
                    .collect(Collectors.joining("; ")));
        }
        return log.events().get(0);
    }
}
