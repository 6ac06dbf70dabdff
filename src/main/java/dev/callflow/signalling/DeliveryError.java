package dev.callflow.signalling;

/**
 * A server-initiated POST the gateway could not hand to the device: {@code status} 400 for a malformed body,
 * 500 when the device's handler threw. {@code body} is what arrived (truncated to 4 KiB).
 */
public record DeliveryError(String deviceId, int status, String problem, String body) {
}
