package dev.callflow.platform;

import java.util.List;
import java.util.Optional;

/** The server-initiated events the harness knows, with their wire names and the fields each one must carry. */
public enum ServerEventType {
    OFFER("offer", List.of("caller", "handleType")),
    CANCEL("cancel", List.of()),
    REMOTE_HANGUP("remoteHangup", List.of()),
    ANSWERED("answered", List.of()),
    BUSY("busy", List.of()),
    DECLINED("declined", List.of());

    private final String wireName;
    private final List<String> requiredFields;

    ServerEventType(String wireName, List<String> requiredFields) {
        this.wireName = wireName;
        this.requiredFields = requiredFields;
    }

    public String wireName() {
        return wireName;
    }

    public List<String> requiredFields() {
        return requiredFields;
    }

    /** Unknown wire names are allowed on the wire (forward compatibility); they simply have no required fields. */
    public static Optional<ServerEventType> fromWireName(String wireName) {
        for (ServerEventType t : values()) {
            if (t.wireName.equals(wireName)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
