package dev.callflow.push;

import java.util.Optional;

/**
 * Per-token fault injection: decides, for a push that passed APNs validation, whether to reject it anyway.
 * A fault is one lambda, e.g. {@code push -> Optional.of(Rejection.tooManyRequests())}.
 *
 * <p>Runs on the Netty event loop while the request is being answered: decide quickly and do not block.
 */
@FunctionalInterface
public interface RejectionPolicy {

    Optional<Rejection> decide(ApnsPush push);

    /** Accepts every valid push (the default). */
    static RejectionPolicy acceptAll() {
        return AcceptAll.INSTANCE;
    }

    /** Rejects every push with {@code rejection}. */
    static RejectionPolicy always(Rejection rejection) {
        Optional<Rejection> decision = Optional.of(rejection);
        return push -> decision;
    }
}
