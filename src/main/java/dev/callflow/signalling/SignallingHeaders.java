package dev.callflow.signalling;

/** Header names shared by the app client, the mock server and the relay. */
public final class SignallingHeaders {
    /** Carries the device id on every request the app makes; everything per-device is keyed on it. */
    public static final String DEVICE = "X-Callflow-Device";
    /** Where the relay stub's webhook delivers the request body. */
    public static final String RELAY_TARGET = "X-Relay-Target";
    /** Set by the delay fault's self-proxy hop so the inner request skips the fault and the journal tap. */
    static final String FAULT_BYPASS = "X-Callflow-Fault-Bypass";

    private SignallingHeaders() {
    }
}
