package dev.callflow.push;

import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * A device token registered with the mock APNs for one topic. Pushes for it are validated like Apple does and
 * handed to its {@link PushSink}. {@link #close()} unregisters: later pushes are rejected with
 * {@code DeviceTokenNotForTopic} and the sink hears nothing more.
 */
public final class Registration implements AutoCloseable {

    private final DeviceRegistry registry;
    private final String deviceToken;
    private final String topic;
    private final PushSink sink;
    private final Executor sinkExecutor;
    private volatile RejectionPolicy policy = RejectionPolicy.acceptAll();
    private volatile boolean open = true;

    Registration(DeviceRegistry registry, String deviceToken, String topic, PushSink sink, Executor sinkExecutor) {
        this.registry = registry;
        this.deviceToken = deviceToken;
        this.topic = topic;
        this.sink = sink;
        this.sinkExecutor = new SerialExecutor(sinkExecutor);
    }

    public String deviceToken() {
        return deviceToken;
    }

    public String topic() {
        return topic;
    }

    public boolean isOpen() {
        return open;
    }

    /**
     * Replaces this token's fault policy; it sees every push that passed validation and may reject it.
     * {@code rejectWith(RejectionPolicy.acceptAll())} removes the fault.
     */
    public Registration rejectWith(RejectionPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy; use RejectionPolicy.acceptAll() to clear a fault");
        return this;
    }

    RejectionPolicy policy() {
        return policy;
    }

    void deliverAccepted(ApnsPush push) {
        sinkExecutor.execute(() -> {
            if (open) {
                sink.onAccepted(push);
            }
        });
    }

    void deliverRejected(ApnsPush push, String reason, int status) {
        sinkExecutor.execute(() -> {
            if (open) {
                sink.onRejected(push, reason, status);
            }
        });
    }

    /** Unregisters the token; idempotent. Pushes already queued for the sink are dropped. */
    @Override
    public void close() {
        if (open) {
            open = false;
            registry.remove(this);
        }
    }

    @Override
    public String toString() {
        return "Registration[" + deviceToken + " -> " + topic + (open ? "" : ", closed") + "]";
    }
}
