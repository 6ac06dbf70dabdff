package dev.callflow.iut.variants;

import dev.callflow.iut.reference.ReferenceApp;
import dev.callflow.platform.ActionRequest;
import dev.callflow.platform.AppEnvironment;
import dev.callflow.platform.AppFactory;
import dev.callflow.platform.AppSettings;
import dev.callflow.platform.AppTimer;
import dev.callflow.platform.AudioSession;
import dev.callflow.platform.CallAction;
import dev.callflow.platform.CallApp;
import dev.callflow.platform.CallController;
import dev.callflow.platform.CallEndedReason;
import dev.callflow.platform.CallProvider;
import dev.callflow.platform.Handle;
import dev.callflow.platform.HandleType;
import dev.callflow.platform.IncomingCallError;
import dev.callflow.platform.LaunchReason;
import dev.callflow.platform.MediaSdk;
import dev.callflow.platform.ProviderConfiguration;
import dev.callflow.platform.PushRegistry;
import dev.callflow.platform.ServerEvent;
import dev.callflow.platform.SignallingApi;
import dev.callflow.platform.VoipPush;
import dev.callflow.timeline.EventKind;
import dev.callflow.timeline.Level;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The variant zoo: correct implementations that each make a choice the rules leave to the app, differently from the
 * {@link ReferenceApp}. Each is a small override of the reference app's protected steps, like the mutants of
 * {@code iut/mutants/Mutants.java}, but where a mutant breaks a rule a variant keeps every rule. The whole suite must
 * pass against each (VariantNeutralityTest): a scenario that fails against a variant demands one implementation's
 * choice, not the platform's rules.
 */
public final class Variants {
    private Variants() { }

    private static final List<Variant> ALL = List.of(
            variant("config-audio-in-perform", "configAudio in perform*Action (Speakerbox, the seed's text) instead of in "
                    + "didActivate; the audio session category set right before each incoming report instead of in perform",
                    "R-AUD-2 (policy default): 'configAudio in perform*Action, or in didActivate before startAudio'; R-AUD-1 "
                            + "only forbids setActive(true); R-AUD-6: DTS advises setConfiguration immediately before reporting",
                    ConfigAudioInPerform::new),
            variant("stop-audio-in-did-deactivate", "the seed's placement: stopAudio, releaseAudio and unprepareSDK in "
                    + "didDeactivateAudioSession, after local and remote ends alike, while the session is active",
                    "R-AUD-3 (policy default): 'stop audio anywhere from performEndCallAction to didDeactivate'; R-END-2: "
                            + "release only after performEndCallAction; CALLKIT-RULES.md section 7 'Where audio stops'",
                    StopAudioInDidDeactivate::new),
            variant("silent", "writes no log line of its own: nothing of env.log reaches the timeline",
                    "DESIGN.md: the suite asserts only what a phone could observe from outside the app; no rule reads an "
                            + "app's own log words", Silent::new),
            variant("lazy-sdk", "prepareSDK only when the user answers (not at the report's completion), and no defensive "
                    + "unprepareSDK when nothing is prepared",
                    "R-INC-1 forbids preparing before the report succeeded, nothing requires it before the answer; R-AUD-4 "
                            + "needs a release between two prepares, which an SDK released at every end already has",
                    LazySdk::new),
            variant("quiet-server", "tells the server nothing after a refused report, except decline (not busy) for Do Not "
                    + "Disturb and the block list; after a failed end transaction tears down without a hang-up request",
                    "R-INC-1: 'The app may send a busy/decline over signalling'; R-INC-3: 'signalling busy or decline'; "
                            + "R-END-3: 'still tear the call down' (media), no server request required",
                    QuietServer::new),
            variant("other-end-reasons", "other CXCallEndedReasons where several fit: unanswered for a caller's cancel and a "
                    + "busy callee, remoteEnded for a phantom call; 'Unknown' as the caller of a push without one",
                    "R-END-1: cancel fits remoteEnded or unanswered, busy fits failed, remoteEnded or unanswered; R-PUSH-5: "
                            + ".remoteEnded/.unanswered; R-PUSH-4: the phantom call is ended, with no reason prescribed; "
                            + "R-INC-4: the handle value must only be non-empty", OtherEndReasons::new),
            variant("late-push-completion", "calls the PushKit completion 100 ms after the report's "
                    + "completion, on a timer of the main queue, not inside the completion block",
                    "R-PUSH-3: 'report → report-completion → push-completion'; Apple: call it 'when you finish processing "
                            + "the notification'", LatePushCompletion::new));

    public static List<Variant> all() {
        return ALL;
    }

    public static Optional<Variant> named(String name) {
        return ALL.stream().filter(v -> v.name().equals(name)).findFirst();
    }

    private static Variant variant(String name, String choice, String allowedBy, Function<AppSettings, CallApp> make) {
        return new Variant(name, choice, allowedBy, AppFactory.configurable(make));
    }

    // ---- audio placement ---------------------------------------------------------------------------------------

    /**
     * configAudio inside perform Answer/Start (and the unhold's perform, where the SDK may have been prepared again), so
     * didActivate only starts audio. The category is set before each incoming report (DTS, FB19429215).
     */
    static final class ConfigAudioInPerform extends ReferenceApp {
        ConfigAudioInPerform(AppSettings s) { super(s); }

        @Override
        protected void reportIncoming(UUID call, Handle handle, Runnable pushCompletion) {
            super.configureAudioSession();
            super.reportIncoming(call, handle, pushCompletion);
        }

        @Override
        protected void configureAudioSession() {
            // already configured before the report (incoming); outgoing calls configure here
        }

        @Override
        public void performAnswerCallAction(CallAction action) {
            super.performAnswerCallAction(action);
            configMediaFor(action.callUUID());
        }

        @Override
        public void performStartCallAction(CallAction action) {
            super.configureAudioSession();
            super.performStartCallAction(action);
            configMediaFor(action.callUUID());
        }

        @Override
        public void performSetHeldCallAction(CallAction action) {
            super.performSetHeldCallAction(action);
            if (!action.onHold()) {
                configMediaFor(action.callUUID());
            }
        }

        private void configMediaFor(UUID call) {
            if (call.equals(mediaOwner) && calls.containsKey(call)) {
                sdk.configAudio();
            }
        }

        @Override
        protected void startMedia() {
            sdk.startAudio();
        }
    }

    /**
     * The seed document's text: stop audio in didDeactivateAudioSession. Ending a call whose audio session is active
     * leaves its media running until the system deactivates the session; then stop, release and unprepare. A call ended
     * without an active session (ringing, or never activated) is released at once, since no didDeactivate will come.
     */
    static final class StopAudioInDidDeactivate extends ReferenceApp {
        private boolean sessionActive;
        private UUID releaseAtDeactivation;

        StopAudioInDidDeactivate(AppSettings s) { super(s); }

        @Override
        public void didActivateAudioSession() {
            sessionActive = true;
            super.didActivateAudioSession();
        }

        @Override
        public void didDeactivateAudioSession() {
            sessionActive = false;
            UUID ended = releaseAtDeactivation;
            releaseAtDeactivation = null;
            if (ended != null && ended.equals(mediaOwner)) {
                super.releaseMedia(ended);
            }
        }

        @Override
        protected void releaseMedia(UUID call) {
            if (sessionActive && call.equals(mediaOwner)) {
                releaseAtDeactivation = call; // the SDK stays prepared for it until then; a next call's prepare releases it
                return;
            }
            super.releaseMedia(call);
        }
    }

    // ---- logging -----------------------------------------------------------------------------------------------

    /** The reference app with every log line of its own dropped before it reaches the device. */
    static final class Silent extends ReferenceApp {
        Silent(AppSettings s) { super(s); }

        @Override
        public void didFinishLaunching(AppEnvironment environment, LaunchReason reason) {
            super.didFinishLaunching(new SilentEnvironment(environment), reason);
        }
    }

    /** An {@link AppEnvironment} that passes everything through except the app's own log lines. */
    static final class SilentEnvironment implements AppEnvironment {
        private final AppEnvironment env;

        SilentEnvironment(AppEnvironment env) {
            this.env = env;
        }

        @Override public CallProvider createProvider(ProviderConfiguration configuration) { return env.createProvider(configuration); }

        @Override public CallController callController() { return env.callController(); }

        @Override public PushRegistry pushRegistry() { return env.pushRegistry(); }

        @Override public AudioSession audioSession() { return env.audioSession(); }

        @Override public MediaSdk mediaSdk() { return env.mediaSdk(); }

        @Override public SignallingApi signalling() { return env.signalling(); }

        @Override public void runOnMain(Runnable task) { env.runOnMain(task); }

        @Override public AppTimer runOnMainAfter(Duration realDelay, Runnable task) { return env.runOnMainAfter(realDelay, task); }

        @Override public Optional<String> userDefault(String key) { return env.userDefault(key); }

        @Override public Map<String, String> userDefaults() { return env.userDefaults(); }

        @Override public void log(String event, UUID call, String... keyValues) { }

        @Override public String bundleId() { return env.bundleId(); }

        @Override public String deviceId() { return env.deviceId(); }

        @Override public void record(EventKind kind, Level level, UUID call, String... keyValues) { env.record(kind, level, call, keyValues); }

        @Override public void sdkReport(String op, UUID call, String... keyValues) { env.sdkReport(op, call, keyValues); }

        @Override public void crash(String exception, String detail) { env.crash(exception, detail); }
    }

    // ---- the media SDK's life ----------------------------------------------------------------------------------

    /**
     * Prepares the SDK only when the user answers (or starts a call), and releases only what it prepared: no defensive
     * unprepareSDK before a prepare when nothing is prepared, no stop or release for a call that never had the SDK.
     */
    static final class LazySdk extends ReferenceApp {
        LazySdk(AppSettings s) { super(s); }

        @Override
        protected void onIncomingReported(UUID call, Optional<IncomingCallError> error) {
            if (error.isEmpty() && calls.containsKey(call)) {
                return; // reported and ringing: the SDK is prepared when the user answers
            }
            super.onIncomingReported(call, error);
        }

        @Override
        protected void prepareMedia(UUID call) {
            if (call.equals(mediaOwner)) {
                return;
            }
            AppCall owner = mediaOwner == null ? null : calls.get(mediaOwner);
            if (owner != null && !owner.held) {
                return; // the live call keeps the single SDK (R-MULTI-2)
            }
            if (mediaOwner != null) {
                // still prepared for another call (a held one, or one whose release is pending): hand it over
                sdk.releaseAudio();
                sdk.unprepareSDK();
            }
            sdk.prepareSDK(call);
            mediaOwner = call;
        }

        @Override
        protected void releaseMedia(UUID call) {
            if (mediaOwner == null || !mediaOwner.equals(call)) {
                return;
            }
            super.releaseMedia(call);
        }
    }

    // ---- what the server is told ---------------------------------------------------------------------------------

    /**
     * After a refused report it tells the server nothing, except a decline for a call filtered by Do Not Disturb or the
     * block list (R-INC-3: the caller's side learns it was missed). After a failed end transaction (error 4) it tears
     * its call down without a hang-up request.
     */
    static final class QuietServer extends ReferenceApp {
        QuietServer(AppSettings s) { super(s); }

        @Override
        protected void onIncomingReported(UUID call, Optional<IncomingCallError> error) {
            boolean refused = error.isPresent() && error.get() != IncomingCallError.CALL_UUID_ALREADY_EXISTS;
            if (!refused || !calls.containsKey(call)) {
                super.onIncomingReported(call, error);
                return;
            }
            calls.remove(call);
            if (error.get() == IncomingCallError.FILTERED_BY_DO_NOT_DISTURB || error.get() == IncomingCallError.FILTERED_BY_BLOCK_LIST) {
                env.signalling().decline(call.toString());
            }
        }

        @Override
        public void userHangsUp(UUID call) {
            env.callController().request(ActionRequest.end(call), error -> error.ifPresent(e -> {
                if (calls.remove(call) != null) {
                    releaseMedia(call);
                }
            }));
        }
    }

    // ---- end reasons and handles --------------------------------------------------------------------------------

    /**
     * {@code .unanswered} for a caller's cancel (also when a cancel arrives as a VoIP push) and for a busy callee,
     * {@code .remoteEnded} for the phantom call of a push that starts no call, and "Unknown" as the caller of a push
     * without one.
     */
    static final class OtherEndReasons extends ReferenceApp {
        OtherEndReasons(AppSettings s) { super(s); }

        @Override
        public void onSignallingEvent(ServerEvent event) {
            Optional<UUID> call = uuid(event.callId());
            if (call.isPresent() && (event.type().equals("cancel") || event.type().equals("busy"))) {
                onRemoteEnd(call.get(), CallEndedReason.UNANSWERED);
                return;
            }
            super.onSignallingEvent(event);
        }

        @Override
        public void didReceiveIncomingPush(VoipPush push, Runnable completion) {
            Optional<UUID> callId = push.field("callId").flatMap(ReferenceApp::uuid);
            String type = push.field("type").filter(t -> !t.isBlank()).orElse("call");
            String caller = push.field("caller").filter(s -> !s.isBlank()).orElse("Unknown");
            if (!type.equals("call") || callId.isEmpty()) {
                reportPhantomCall(push, type, callId, caller, completion);
                return;
            }
            reportIncoming(callId.get(), new Handle(HandleType.GENERIC, caller), completion);
        }

        @Override
        protected void reportPhantomCall(VoipPush push, String type, Optional<UUID> callId, String caller, Runnable completion) {
            UUID phantom = env.newUuid();
            reportIncoming(phantom, new Handle(HandleType.GENERIC, caller), completion);
            provider.reportCallEnded(phantom, Instant.now(), CallEndedReason.REMOTE_ENDED);
            calls.remove(phantom);
            if (type.equals("cancel") && callId.isPresent() && calls.containsKey(callId.get())) {
                onRemoteEnd(callId.get(), CallEndedReason.UNANSWERED);
            }
        }
    }

    // ---- PushKit completion --------------------------------------------------------------------------------------

    /** Calls the PushKit completion a while after the report's completion ran, on a later turn of the main queue. */
    static final class LatePushCompletion extends ReferenceApp {
        static final Duration LATER = Duration.ofMillis(100);

        LatePushCompletion(AppSettings s) { super(s); }

        @Override
        public void didReceiveIncomingPush(VoipPush push, Runnable completion) {
            super.didReceiveIncomingPush(push, () -> env.runOnMainAfter(LATER, completion));
        }
    }
}
