package dev.callflow.device;

import java.util.UUID;

/**
 * Decides whether the system's audio activation for a call reaches the app. Suppressing it reproduces
 * "didActivate never comes" (R-AUD-6).
 */
@FunctionalInterface
public interface ActivationPolicy {
    boolean deliver(UUID call);

    static ActivationPolicy always() {
        return call -> true;
    }
}
