package dev.callflow.push;

/**
 * Where the mock APNs hands the pushes it saw for a registered device token: the device side of a scenario.
 * Called on a harness thread, never on the Netty event loop, in the order the server decided on the pushes.
 * Blocking here only delays later pushes for the same sink.
 */
@FunctionalInterface
public interface PushSink {

    /** APNs accepted the push (HTTP 200) and would now deliver it to the device. */
    void onAccepted(ApnsPush push);

    /**
     * APNs rejected the push; nothing reaches the device.
     *
     * @param reason Apple's reason string, e.g. {@code "Unregistered"}
     * @param status the HTTP status sent back to the provider, e.g. 410
     */
    default void onRejected(ApnsPush push, String reason, int status) {
    }
}
