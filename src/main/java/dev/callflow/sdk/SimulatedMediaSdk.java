package dev.callflow.sdk;

import dev.callflow.platform.AudioSessionError;
import dev.callflow.platform.MediaSdk;
import dev.callflow.timeline.EventKind;
import dev.callflow.timeline.Level;
import dev.callflow.timeline.Timeline;

import java.util.UUID;

/**
 * The seed's mediasdk as a simulation that behaves like the real thing: media I/O cannot start without an active
 * audio session (561145187, as {@code AUIOClient_StartIO} fails on devices), a second prepare without a release is
 * visible, and every call lands on the timeline with its outcome. One instance per app process.
 */
public final class SimulatedMediaSdk implements MediaSdk {
    private final Timeline timeline;
    private final AudioState session;
    private UUID call;
    private boolean prepared;
    private boolean configured;
    private boolean running;
    private Failure lastFailure;

    /** Why the last call that failed did: the platform error code, if it had one, and the reason. */
    public record Failure(String error, String why) { }

    public SimulatedMediaSdk(Timeline timeline, AudioState session) {
        this.timeline = timeline;
        this.session = session;
    }

    @Override
    public synchronized boolean prepareSDK(UUID forCall) {
        boolean again = prepared;
        prepared = true;
        call = forCall;
        record(Level.VERBOSE, EventKind.PREPARE_SDK, "alreadyPrepared", again ? "true" : null);
        return true;
    }

    @Override
    public synchronized void unprepareSDK() {
        record(Level.INFO, EventKind.UNPREPARE_SDK, "wasPrepared", String.valueOf(prepared), "audioRunning", running ? "true" : null);
        prepared = false;
        configured = false;
        running = false;
    }

    @Override
    public synchronized boolean configAudio() {
        if (!prepared) {
            lastFailure = new Failure(null, "SDK not prepared");
            record(Level.ERROR, EventKind.CONFIG_AUDIO, "result", "failed", "why", lastFailure.why());
            return false;
        }
        configured = true;
        record(Level.INFO, EventKind.CONFIG_AUDIO, "result", "ok");
        return true;
    }

    @Override
    public synchronized boolean startAudio() {
        String why = !prepared ? "SDK not prepared"
                : !configured ? "audio not configured (configAudio first)"
                : !session.isActive() ? "no active audio session: AUIOClient_StartIO failed" : null;
        if (why != null) {
            lastFailure = new Failure(session.isActive() ? null : String.valueOf(AudioSessionError.CANNOT_START_RECORDING.code()), why);
            record(Level.ERROR, EventKind.START_AUDIO, "result", "failed", "error", lastFailure.error(), "why", why);
            return false;
        }
        running = true;
        record(Level.INFO, EventKind.START_AUDIO, "result", "ok", "session", session.isSystemActive() ? "callkit" : "app");
        return true;
    }

    @Override
    public synchronized void stopAudio() {
        record(Level.INFO, EventKind.STOP_AUDIO, "wasRunning", String.valueOf(running));
        running = false;
    }

    @Override
    public synchronized void releaseAudio() {
        record(Level.INFO, EventKind.RELEASE_AUDIO, "audioRunning", running ? "true" : null);
        running = false;
        configured = false;
    }

    /** The last failure of {@link #configAudio} or {@link #startAudio}, for a caller that reports it to its app. */
    public synchronized java.util.Optional<Failure> lastFailure() {
        return java.util.Optional.ofNullable(lastFailure);
    }

    /** The call the SDK is prepared for: from {@code prepareSDK} until {@code unprepareSDK}. */
    public synchronized java.util.Optional<UUID> preparedFor() {
        return prepared ? java.util.Optional.ofNullable(call) : java.util.Optional.empty();
    }

    public synchronized boolean audioRunning() {
        return running;
    }

    private void record(Level level, EventKind kind, String... kv) {
        timeline.record(kind, level, call, Timeline.attrs(kv));
    }
}
