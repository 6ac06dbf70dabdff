package dev.callflow.platform;

import java.util.UUID;

/**
 * The seed document's mediasdk, in CallKit mode. Where the seed says each call belongs:
 * configAudio in perform Answer/StartCallAction (or didActivate before startAudio), startAudio in
 * didActivateAudioSession, stopAudio in didDeactivateAudioSession (or performEnd), releaseAudio in performEndCallAction.
 */
public interface MediaSdk {
    /** Initialise the SDK for a call. A second prepare without unprepare is visible on the timeline. */
    boolean prepareSDK(UUID call);

    void unprepareSDK();

    boolean configAudio();

    /** Starts media I/O; fails (561145187) unless the audio session is active. */
    boolean startAudio();

    void stopAudio();

    void releaseAudio();
}
