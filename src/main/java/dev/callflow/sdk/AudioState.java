package dev.callflow.sdk;

/** What the simulated media SDK needs to know of the audio session: whether media I/O can run, and who activated it. */
public interface AudioState {
    /** Whether the session is active (by CallKit or, against R-AUD-1, by the app). */
    boolean isActive();

    /** Whether CallKit activated it (the app's own activation does not count). */
    boolean isSystemActive();
}
