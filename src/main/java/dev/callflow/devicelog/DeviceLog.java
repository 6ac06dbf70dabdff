package dev.callflow.devicelog;

import dev.callflow.timeline.Event;
import dev.callflow.timeline.LogParseException;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A device log read into timeline events: one event per recognised record (two for a kill that is also a crash),
 * a {@code log} event for every other record, and one problem per line that could not be read. Every event carries
 * its first source line as the attribute {@code line}. Consecutive {@code log} records that name no call are one
 * event, with the first one's text and line and their number as the attribute {@code records}; so are consecutive ones of
 * one call from one source.
 *
 * @param events   in line order, {@code seq} from 1
 * @param problems   the first {@link #PROBLEMS_KEPT} unreadable lines, skipped, in line order, each line's text cut at
 *                   {@link #PROBLEM_TEXT_KEPT} characters: a log of millions of bad lines costs their count, not them
 * @param unreadable how many lines were unreadable in all
 * @param lines      lines read, blank ones included
 * @param shapes     how many records each {@link LineShape} read, by shape name
 */
public record DeviceLog(List<Event> events, List<LogParseException> problems, int unreadable, int lines,
                        Map<String, Integer> shapes) {

    /** The attribute that holds an event's source line number. */
    public static final String LINE = "line";
    /** The attribute that counts the records a {@code log} event stands for, when more than one. */
    public static final String RECORDS = "records";
    /** Unreadable lines kept to list; the rest are only counted. */
    public static final int PROBLEMS_KEPT = 1000;
    /** Characters of an unreadable line's text kept with it. */
    public static final int PROBLEM_TEXT_KEPT = 1024;

    public DeviceLog {
        events = List.copyOf(events);
        problems = List.copyOf(problems);
        shapes = Map.copyOf(shapes);
        if (unreadable < problems.size()) {
            throw new IllegalArgumentException(unreadable + " unreadable lines, yet " + problems.size() + " listed");
        }
    }

    /** Events the recogniser mapped to a canonical name (everything but {@code log}). */
    public long recognised() {
        return events.stream().filter(e -> !e.is(Recogniser.LOG)).count();
    }

    /** Records kept as {@code log} events, each counted even where a run of them is one event. */
    public long keptAsLog() {
        return events.stream().filter(e -> e.is(Recogniser.LOG))
                .mapToLong(e -> e.attribute(RECORDS).map(Long::parseLong).orElse(1L)).sum();
    }

    /** The source line of an event read from a device log. */
    public static Optional<Integer> lineOf(Event e) {
        return e.attribute(LINE).map(Integer::valueOf);
    }
}
