package dev.callflow.junit;

import dev.callflow.steps.PhoneTimeline;
import dev.callflow.timeline.FlowMatch;
import org.assertj.core.api.AbstractAssert;

import java.util.Arrays;
import java.util.List;

/**
 * Assertions on a phone's timeline that read like the event tables, over the same implementation as the table steps
 * ({@link dev.callflow.steps.Phone#showsInOrder}, {@link FlowMatch}): the same waits on the virtual clock, the same
 * failure message with the expected flow beside the observed one.
 */
public final class TimelineAssert extends AbstractAssert<TimelineAssert, PhoneTimeline> {

    TimelineAssert(PhoneTimeline actual) {
        super(actual, TimelineAssert.class);
    }

    /** {@code Then the timeline shows in order:} these rows, other events may come between. */
    public TimelineAssert hasInOrder(Expect... rows) {
        isNotNull();
        List<FlowMatch.Group> groups = Arrays.stream(rows)
                .map(r -> new FlowMatch.Group(null, List.of(r.on(actual.phone())))).toList();
        actual.phone().showsInOrder(groups);
        return this;
    }

    /** {@code Then there is no <event> at all}, judged once the phone has settled. */
    public TimelineAssert hasNo(String event) {
        isNotNull();
        actual.phone().hasNo(event, null);
        return this;
    }

    /** {@code Then there is no <event> for call <alias>} when the row names a call; its source and attributes are not read. */
    public TimelineAssert hasNo(Expect row) {
        isNotNull();
        actual.phone().hasNo(row.name(), row.alias());
        return this;
    }
}
