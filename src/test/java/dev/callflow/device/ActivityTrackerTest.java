package dev.callflow.device;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(5)
class ActivityTrackerTest {

    @Test
    void settlesOnlyWhenIdlenessIsConfirmedWithNothingNewInBetween() {
        ActivityTracker t = new ActivityTracker();
        AtomicLong idleEpoch = new AtomicLong(-1);
        t.onIdle(idleEpoch::set);
        assertThat(t.settled()).as("a fresh device has nothing in flight").isTrue();

        t.begin();
        assertThat(t.settled()).isFalse();
        t.end();
        long first = idleEpoch.get();
        t.begin();
        t.end();
        assertThat(t.confirm(first)).as("work started after the first idleness: that confirmation is stale").isFalse();
        assertThat(t.settled()).isFalse();
        assertThat(t.confirm(idleEpoch.get())).isTrue();
        assertThat(t.settled()).isTrue();
    }

    @Test
    void awaitSettledIsBoundedAndWakesOnConfirmation() throws Exception {
        ActivityTracker t = new ActivityTracker();
        AtomicLong idleEpoch = new AtomicLong(-1);
        t.onIdle(idleEpoch::set);
        t.begin();
        assertThat(t.awaitSettled(Duration.ofMillis(20))).as("still in flight").isFalse();
        Thread confirmer = new Thread(() -> {
            t.end();
            t.confirm(idleEpoch.get());
        });
        confirmer.start();
        assertThat(t.awaitSettled(Duration.ofSeconds(2))).isTrue();
        confirmer.join();
    }
}
