package dev.callflow.platform;

/** Why the system launched the app process. */
public enum LaunchReason {
    /** The user opened the app. */
    USER("user"),
    /** A VoIP push arrived while the app was not running (cold launch in the background). */
    VOIP_PUSH("voipPush");

    private final String wireName;

    LaunchReason(String wireName) { this.wireName = wireName; }

    public String wireName() { return wireName; }
}
