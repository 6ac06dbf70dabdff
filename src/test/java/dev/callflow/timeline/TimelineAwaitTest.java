package dev.callflow.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class TimelineAwaitTest {

    @Test
    void returnsAtOnceWhenAlreadySatisfied() {
        Timeline t = Timeline.start("BigoOfree", 1);
        t.record(Source.APP, "handleIncomingCall", null);
        long start = System.nanoTime();
        boolean held = t.await(events -> !events.isEmpty(), Duration.ofMinutes(10));
        long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertThat(held).isTrue();
        assertThat(tookMs).isLessThan(1_000);
    }

    @Test
    void wakesOnAnAppendFromAnotherThread() throws Exception {
        Timeline t = Timeline.start("BigoOfree", 1);
        CountDownLatch waiting = new CountDownLatch(1);
        Thread appender = new Thread(() -> {
            try {
                waiting.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            t.record(Source.SYSTEM, "performAnswerCallAction", null); // blocks until await releases the lock
        });
        appender.start();
        AtomicBoolean checkedEmpty = new AtomicBoolean();
        long start = System.nanoTime();
        boolean held = t.await(events -> {
            if (events.isEmpty()) {
                checkedEmpty.set(true);
                waiting.countDown(); // the append can only land once await is parked
                return false;
            }
            return events.get(0).is("performAnswerCallAction");
        }, Duration.ofSeconds(20));
        long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        appender.join();

        assertThat(checkedEmpty).isTrue();
        assertThat(held).isTrue();
        assertThat(tookMs).isLessThan(10_000);
        assertThat(t.awaitEvent(e -> e.is("performAnswerCallAction"), Duration.ZERO)).isPresent();
    }

    @Test
    void returnsFalseAfterAShortTimeout() {
        Timeline t = Timeline.start("BigoOfree", 1);
        long start = System.nanoTime();
        boolean held = t.await(events -> false, Duration.ofMillis(50));
        long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertThat(held).isFalse();
        assertThat(tookMs).isBetween(49L, 5_000L);
    }
}
