package dev.callflow.push;

import java.util.Optional;

/** The default policy, one instance so the server can skip copying the push when no fault is set. */
final class AcceptAll implements RejectionPolicy {

    static final AcceptAll INSTANCE = new AcceptAll();

    private AcceptAll() {
    }

    @Override
    public Optional<Rejection> decide(ApnsPush push) {
        return Optional.empty();
    }
}
