package dev.callflow.signalling;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One request the mock signalling server served for a device, reported after the response was written.
 * {@code status} is 0 when no HTTP response was produced (an injected connection fault).
 * {@code requestHeaders} is case-insensitive; multi-valued headers are joined with ", ".
 */
public record SignallingExchange(String deviceId, String method, String path, int status,
                                 String requestBody, String responseBody, Map<String, String> requestHeaders) {

    public SignallingExchange {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        requestBody = requestBody == null ? "" : requestBody;
        responseBody = responseBody == null ? "" : responseBody;
        TreeMap<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (requestHeaders != null) {
            headers.putAll(requestHeaders);
        }
        requestHeaders = Collections.unmodifiableMap(headers);
    }
}
