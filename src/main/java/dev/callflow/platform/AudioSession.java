package dev.callflow.platform;

import java.util.Optional;

/** {@code AVAudioSession.sharedInstance()} as a CallKit app uses it: configure, never activate (R-AUD-1). */
public interface AudioSession {

    /** {@code setCategory(_:mode:options:)}, e.g. {@code playAndRecord} / {@code voiceChat}. */
    void setCategory(String category, String mode);

    /**
     * {@code setActive(_:)}. CallKit owns activation: an app's own activation is refused with
     * {@link AudioSessionError#INSUFFICIENT_PRIORITY} ({@code '!pri'}, 561017449).
     */
    Optional<AudioSessionError> setActive(boolean active);
}
