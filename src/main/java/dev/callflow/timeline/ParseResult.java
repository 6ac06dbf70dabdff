package dev.callflow.timeline;

import java.util.List;

/**
 * What a lenient parse found: the timeline of every well-formed line, and one problem per malformed line,
 * in line order.
 */
public record ParseResult(Timeline timeline, List<LogParseException> problems) {

    public ParseResult {
        problems = List.copyOf(problems);
    }

    public boolean clean() {
        return problems.isEmpty();
    }
}
