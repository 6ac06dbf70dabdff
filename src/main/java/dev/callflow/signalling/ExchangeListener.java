package dev.callflow.signalling;

/**
 * Receives a device's exchanges. Called on a WireMock (Jetty) thread after the response was sent:
 * keep it quick (hand off to a queue), and it must be thread-safe. Exceptions are logged and swallowed.
 */
@FunctionalInterface
public interface ExchangeListener {
    void onExchange(SignallingExchange exchange);
}
