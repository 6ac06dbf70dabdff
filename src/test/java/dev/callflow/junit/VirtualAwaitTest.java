package dev.callflow.junit;

import dev.callflow.steps.Phone;
import dev.callflow.timeline.Event;
import dev.callflow.timeline.EventKind;
import dev.callflow.timeline.Source;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Awaitility's fluent wait on the virtual clock: it lets the phone run, and never sleeps in real time. */
class VirtualAwaitTest {

    @CallflowTest
    void untilEventRunsThePhoneToTheEventInVirtualTime(Phone phone) {
        phone.appInForeground().serverOffersCall("A", "alice");
        assertThat(phone.timeline().events()).as("the clock is held until a wait lets the phone run")
                .noneMatch(e -> e.is(EventKind.INCOMING_CALL_UI_SHOWN));
        Event shown = phone.await().alias("the incoming-call UI")
                .untilEvent(e -> e.is(Source.SYSTEM, EventKind.INCOMING_CALL_UI_SHOWN));
        assertThat(shown.call()).isEqualTo(phone.calls().idOf("A"));
    }

    @CallflowTest
    void aConditionThatAlreadyHoldsReturnsAtOnceWithoutTheDefault100MsPollDelay(Phone phone) {
        phone.appInForeground();
        long virtualBefore = phone.rig().clock().now().toNanos();
        long t0 = System.nanoTime();
        for (int i = 0; i < 20; i++) {
            phone.await().until(events -> !events.isEmpty());
        }
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).as("20 waits on a true condition, in real time")
                .isLessThan(Duration.ofMillis(1000));
        assertThat(phone.rig().clock().now().toNanos()).isEqualTo(virtualBefore);
    }

    @CallflowTest
    void anEventThatNeverComesFailsWithTheClocksReasonNotAnAwaitilityTimeout(Phone phone) {
        phone.appInForeground();
        assertThatThrownBy(() -> phone.await().alias("a call to ring").atMost(Duration.ofSeconds(5))
                .untilEvent(e -> e.is(EventKind.INCOMING_CALL_UI_SHOWN)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Waited for a call to ring, but the device settled");
    }
}
