package dev.callflow.push;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A device side for tests: records what the mock APNs hands it, and on which thread. */
final class RecordingSink implements PushSink {

    record Rejected(ApnsPush push, String reason, int status) {
    }

    private static final long WAIT_SECONDS = 5;

    final BlockingQueue<Object> events = new LinkedBlockingQueue<>();
    final BlockingQueue<String> threads = new LinkedBlockingQueue<>();

    @Override
    public void onAccepted(ApnsPush push) {
        threads.add(Thread.currentThread().getName());
        events.add(push);
    }

    @Override
    public void onRejected(ApnsPush push, String reason, int status) {
        threads.add(Thread.currentThread().getName());
        events.add(new Rejected(push, reason, status));
    }

    ApnsPush nextAccepted() throws InterruptedException {
        Object event = events.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(event).as("an accepted push within %d s", WAIT_SECONDS).isInstanceOf(ApnsPush.class);
        return (ApnsPush) event;
    }

    Rejected nextRejected() throws InterruptedException {
        Object event = events.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(event).as("a rejected push within %d s", WAIT_SECONDS).isInstanceOf(Rejected.class);
        return (Rejected) event;
    }
}
