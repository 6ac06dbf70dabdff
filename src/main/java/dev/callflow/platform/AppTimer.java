package dev.callflow.platform;

/** A timer the app armed with {@link AppEnvironment#runOnMainAfter}: cancel it once it is no longer needed. */
@FunctionalInterface
public interface AppTimer {
    /** Idempotent; a timer that already fired is not affected. */
    void cancel();

    AppTimer NONE = () -> { };
}
