package dev.callflow.platform;

/** AVAudioSession OSStatus codes seen in CallKit audio bugs (CALLKIT-RULES.md section 2). */
public enum AudioSessionError implements PlatformCode {
    /** '!pri' AVAudioSessionErrorInsufficientPriority: an app-initiated activation during a call (R-AUD-1). */
    INSUFFICIENT_PRIORITY(561017449, "!pri"),
    /** '!rec' CannotStartRecording: media I/O started without a CallKit-activated session (R-AUD-2). */
    CANNOT_START_RECORDING(561145187, "!rec");

    private final int code;
    private final String wireName;

    AudioSessionError(int code, String wireName) {
        this.code = code;
        this.wireName = wireName;
    }

    @Override public int code() { return code; }

    @Override public String wireName() { return wireName; }
}
