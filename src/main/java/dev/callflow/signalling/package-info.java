/**
 * Mock signalling for call-flow scenarios: the app's REST client ({@link dev.callflow.signalling.SignallingClient}),
 * the mock server ({@link dev.callflow.signalling.SignallingServer}, embedded WireMock 3.13.2 with fixtures from
 * {@code fixtures/signalling/mappings}) and the phones' endpoint for server-initiated events
 * ({@link dev.callflow.signalling.DeviceGateway}).
 *
 * <p>One server serves many parallel scenarios. Everything per scenario is keyed by the device id carried in
 * {@code X-Callflow-Device}: exchange listeners, fault stubs (priority 1, random UUID id, removed on close).
 * The server never calls {@code resetAll}.
 *
 * <p>Server → device events: {@code sendToDevice} posts the event to the {@code /harness/relay} stub; its webhook
 * (URL, headers and body templated from the original request; verified in 3.13.2) re-posts the body to the URL in
 * {@code X-Relay-Target}, i.e. the device's gateway endpoint. Delivery is asynchronous, on WireMock's webhook pool.
 * The relay stub is registered in code and needs the server's random key; the gateway's endpoint carries its own key;
 * WireMock's admin API refuses every request (the harness drives WireMock in process).
 *
 * <p>Depends on no other project package.
 */
package dev.callflow.signalling;
