package dev.callflow.signalling;

/** Header names shared by the app client, the mock server and the relay. */
public final class SignallingHeaders {
    /** Carries the device id on every request the app makes; everything per-device is keyed on it. */
    public static final String DEVICE = "X-Callflow-Device";
    /** Names each request of one client ({@code <deviceId>/<n>}), so its journal entry can be matched to it. */
    public static final String REQUEST = "X-Callflow-Request";
    /** Where the relay stub's webhook delivers the request body. */
    public static final String RELAY_TARGET = "X-Relay-Target";
    /**
     * The server's random key, sent by the harness's own clients and relay posts: only requests carrying it reach a
     * device's listener or the relay, so a process that connects around the protocol cannot pose as a phone.
     */
    static final String KEY = "X-Callflow-Key";

    private SignallingHeaders() {
    }
}
