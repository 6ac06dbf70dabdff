package dev.callflow.device;

import dev.callflow.platform.VoipPush;
import java.time.Duration;
import java.util.Objects;

/**
 * How the network between APNs and the phone treats each VoIP push that APNs accepted: deliver it now, late, not at
 * all, or twice. A fault is one lambda, e.g. {@code push -> PushDeliveryPolicy.delay(Duration.ofMillis(200))}
 * (R-PUSH-7: a stale push must not ring a dead call; R-PUSH-8: a duplicate must not break the live one).
 */
@FunctionalInterface
public interface PushDeliveryPolicy {

    Delivery decide(VoipPush push);

    /** Every push at once (the default). */
    static PushDeliveryPolicy immediate() {
        return push -> now();
    }

    static Delivery now() {
        return new Now();
    }

    /** Delivered {@code by} later; the device counts the push as in flight meanwhile. */
    static Delivery delay(Duration by) {
        return new Delay(by);
    }

    /** Lost on the way: PushKit never sees it. */
    static Delivery drop() {
        return new Drop();
    }

    /** Delivered twice, back to back, with the same payload and APNs id. */
    static Delivery duplicate() {
        return new Duplicate();
    }

    /**
     * Held until the next accepted push arrives, then both reach PushKit back to back: both handlers are queued on the
     * app's main queue before either runs, so two pushes for different calls are in flight at once (R-PUSH-3).
     */
    static Delivery withNext() {
        return new WithNext();
    }

    /** The first push of each pair waits for the second; the second releases both. */
    static PushDeliveryPolicy inPairs() {
        java.util.concurrent.atomic.AtomicBoolean holding = new java.util.concurrent.atomic.AtomicBoolean();
        return push -> holding.compareAndSet(false, true) ? withNext() : release(holding);
    }

    private static Delivery release(java.util.concurrent.atomic.AtomicBoolean holding) {
        holding.set(false);
        return now();
    }

    /** What happens to one push. */
    sealed interface Delivery permits Now, Delay, Drop, Duplicate, WithNext { }

    record Now() implements Delivery { }

    record Delay(Duration by) implements Delivery {
        public Delay {
            Objects.requireNonNull(by, "by");
            if (by.isNegative() || by.isZero()) {
                throw new IllegalArgumentException("a push delay must be positive, got " + by);
            }
        }
    }

    record Drop() implements Delivery { }

    record Duplicate() implements Delivery { }

    record WithNext() implements Delivery { }
}
