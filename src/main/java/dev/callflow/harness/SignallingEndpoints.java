package dev.callflow.harness;

import dev.callflow.timeline.EventKind;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The signalling server's endpoints as timeline events ({@code POST /v1/calls/{id}/accept} → {@link EventKind#ACCEPT}). */
final class SignallingEndpoints {
    private static final Pattern CALL_ACTION = Pattern.compile("/v1/calls/([^/]+)/(accept|decline|hangup|busy)");
    private static final Pattern CALL_STATE = Pattern.compile("/v1/calls/([^/]+)");
    private static final Pattern DEVICE_ACTION = Pattern.compile("/v1/devices/[^/]+/(login|push-token)");
    private static final Pattern CALL_ID_IN_BODY = Pattern.compile("\"callId\"\\s*:\\s*\"([^\"]+)\"");

    private SignallingEndpoints() { }

    static Optional<EventKind> kindOf(String method, String path) {
        Matcher m = CALL_ACTION.matcher(path);
        if (m.matches()) {
            return Optional.of(switch (m.group(2)) {
                case "accept" -> EventKind.ACCEPT;
                case "decline" -> EventKind.DECLINE;
                case "busy" -> EventKind.BUSY;
                default -> EventKind.HANG_UP;
            });
        }
        m = DEVICE_ACTION.matcher(path);
        if (m.matches()) {
            return Optional.of(m.group(1).equals("login") ? EventKind.LOGIN : EventKind.UPLOAD_PUSH_TOKEN);
        }
        if (method.equals("GET") && CALL_STATE.matcher(path).matches()) {
            return Optional.of(EventKind.CALL_STATE);
        }
        if (path.equals("/v1/calls") && method.equals("POST")) {
            return Optional.of(EventKind.INVITE);
        }
        if (path.startsWith("/harness/")) {
            return Optional.empty(); // the relay that carries server-initiated events; recorded where they arrive
        }
        return Optional.of(EventKind.UNKNOWN_REQUEST);
    }

    static Optional<UUID> callOf(String path, String body) {
        Matcher m = CALL_ACTION.matcher(path);
        String id = m.matches() ? m.group(1) : null;
        Matcher state = CALL_STATE.matcher(path);
        if (id == null && state.matches()) {
            id = state.group(1);
        }
        if (id == null && body != null) {
            Matcher b = CALL_ID_IN_BODY.matcher(body);
            id = b.find() ? b.group(1) : null;
        }
        try {
            return id == null ? Optional.empty() : Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException notAUuid) {
            return Optional.empty();
        }
    }
}
