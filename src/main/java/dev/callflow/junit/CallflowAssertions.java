package dev.callflow.junit;

import dev.callflow.steps.PhoneTimeline;

/** Entry point of the timeline assertions: {@code assertThat(phone.timeline()).hasInOrder(…)}. */
public final class CallflowAssertions {
    private CallflowAssertions() { }

    public static TimelineAssert assertThat(PhoneTimeline timeline) {
        return new TimelineAssert(timeline);
    }
}
