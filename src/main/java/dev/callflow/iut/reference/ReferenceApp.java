package dev.callflow.iut.reference;

import dev.callflow.platform.ActionRequest;
import dev.callflow.platform.AppEnvironment;
import dev.callflow.platform.AppSettings;
import dev.callflow.platform.AppTimer;
import dev.callflow.platform.CallAction;
import dev.callflow.platform.CallApp;
import dev.callflow.platform.CallEndedReason;
import dev.callflow.platform.CallProvider;
import dev.callflow.platform.CallUpdate;
import dev.callflow.platform.Handle;
import dev.callflow.platform.HandleType;
import dev.callflow.platform.IncomingCallError;
import dev.callflow.platform.LaunchReason;
import dev.callflow.platform.MediaSdk;
import dev.callflow.platform.ProviderConfiguration;
import dev.callflow.platform.ProviderDelegate;
import dev.callflow.platform.PushRegistryDelegate;
import dev.callflow.platform.ServerEvent;
import dev.callflow.platform.SignallingResponse;
import dev.callflow.platform.VoipPush;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * The embedded implementation under test: an app that integrates CallKit, PushKit and the seed's mediasdk the way
 * the seed document and CALLKIT-RULES.md say it must. Configure after the system grants resources, start audio in
 * didActivate, release only after performEndCallAction, report every VoIP push before returning, report remote ends
 * with reportCall(endedAt:reason:), and complete every action exactly once.
 * <p>
 * Each step is a protected method so that a mutant (a deliberately broken app) overrides exactly one of them.
 * All state is touched on the main queue only.
 */
public class ReferenceApp implements CallApp, ProviderDelegate, PushRegistryDelegate {

    protected final AppSettings settings;
    protected AppEnvironment env;
    protected CallProvider provider;
    protected MediaSdk sdk;
    protected final Map<UUID, AppCall> calls = new HashMap<>();
    /** The call the single SDK instance is prepared for; a second call must not steal it (R-MULTI-2). */
    protected UUID mediaOwner;
    /** The call the next didActivate is for: answered, started or resumed, and not held. */
    protected UUID audioCall;
    /** Completes once the login to the signalling server is answered; call actions wait for it (R-TX-1). */
    protected CompletableFuture<SignallingResponse> loggedIn = CompletableFuture.completedFuture(null);
    /** Timers waiting for didActivate (R-AUD-6), by call. */
    protected final Map<UUID, AppTimer> activationDeadlines = new HashMap<>();

    /**
     * How long the app waits for its server before failing an answer or start itself, safely below the system's
     * undocumented action timeout (tens of seconds, R-TX-2). Real time: the device scales it with its profile.
     */
    protected static final Duration SERVER_DEADLINE = Duration.ofSeconds(15);
    /** How long the app waits for didActivate after its answer or start was fulfilled (R-AUD-6). */
    protected static final Duration ACTIVATION_DEADLINE = Duration.ofSeconds(10);

    public ReferenceApp() {
        this(AppSettings.defaults());
    }

    /** With the scenario's settings, e.g. a narrower {@code supportedHandleTypes} (R-CFG-3). */
    public ReferenceApp(AppSettings settings) {
        this.settings = java.util.Objects.requireNonNull(settings, "settings");
    }

    // ---- launch ---------------------------------------------------------------------------------------------

    @Override
    public void didFinishLaunching(AppEnvironment environment, LaunchReason reason) {
        this.env = environment;
        this.sdk = environment.mediaSdk();
        this.provider = environment.createProvider(providerConfiguration());
        provider.setDelegate(this);
        // Logged as part of the future every call action waits on, so nothing is sent before it shows.
        loggedIn = environment.signalling().login("user-" + environment.bundleId()).whenComplete((r, f) ->
                environment.log("signallingReady", null, "status", r == null ? "none" : String.valueOf(r.status())));
        registerForVoipPushes();
    }

    /** At launch, in the same run of the main queue as the provider: before any push can arrive (R-PUSH-6). */
    protected void registerForVoipPushes() {
        env.pushRegistry().setDelegate(this);
    }

    protected ProviderConfiguration providerConfiguration() {
        return ProviderConfiguration.builder("CallApp")
                .supportedHandleTypes(settings.supportedHandleTypes().orElse(EnumSet.of(HandleType.GENERIC, HandleType.PHONE_NUMBER)))
                .maximumCallGroups(intDefault("maximumCallGroups", 2))
                .maximumCallsPerCallGroup(intDefault("maximumCallsPerCallGroup", 1))
                .build();
    }

    /**
     * The user switches CallKit off or on in the app's settings (jitsi-meet PR #4117): invalidate the provider, which
     * ends its calls in failure (R-END-4), and create a new one when CallKit comes back, never a second live one
     * (R-CFG-1). The app's own calls stay in its model until a transaction or the server tells it otherwise.
     */
    @Override
    public void callKitSettingChanged(boolean enabled) {
        if (!enabled && provider != null) {
            if (mediaOwner != null) {
                sdk.stopAudio(); // the system is about to end the calls and take the session: no audio may outlive it (R-AUD-3)
            }
            provider.invalidate();
            provider = null;
        } else if (enabled && provider == null) {
            provider = env.createProvider(providerConfiguration());
            provider.setDelegate(this);
        }
    }

    /** Whether the app's calls support holding ({@code CXCallUpdate.supportsHolding}); a setting, default true. */
    protected boolean supportsHolding() {
        return env.userDefault("supportsHolding").map(Boolean::parseBoolean).orElse(true);
    }

    private int intDefault(String key, int fallback) {
        return env.userDefault(key).map(Integer::parseInt).orElse(fallback);
    }

    @Override
    public void didUpdatePushCredentials(String deviceToken) {
        env.signalling().uploadPushToken(deviceToken);
    }

    // ---- incoming -------------------------------------------------------------------------------------------

    /** A caller handle for a push without a usable caller: a nil CXHandle value would crash the app (R-INC-4). */
    protected static final String UNKNOWN_CALLER = "Unknown caller";

    @Override
    public void didReceiveIncomingPush(VoipPush push, Runnable completion) {
        Optional<UUID> callId = push.field("callId").flatMap(ReferenceApp::parseUuid);
        String type = push.field("type").filter(t -> !t.isBlank()).orElse("call");
        String caller = push.field("caller").filter(s -> !s.isBlank()).orElse(UNKNOWN_CALLER);
        if (!type.equals("call") || callId.isEmpty()) {
            reportPhantomCall(push, type, callId, caller, completion);
            return;
        }
        UUID call = callId.get();
        env.log("handleIncomingCall", call, "via", "push");
        reportIncoming(call, new Handle(HandleType.GENERIC, caller), completion);
    }

    /**
     * R-PUSH-4/R-PUSH-5: a VoIP push that does not start a call (a message, a cancel, no usable call id) must still be
     * reported before the handler returns. Report a phantom call and end it at once; a cancel still ends its call.
     */
    protected void reportPhantomCall(VoipPush push, String type, Optional<UUID> callId, String caller, Runnable completion) {
        UUID phantom = env.newUuid();
        env.log("phantomCall", phantom, "pushType", type, "forCall", callId.map(UUID::toString).orElse(null),
                "why", callId.isEmpty() ? "no usable callId" : "not a call push");
        reportIncoming(phantom, new Handle(HandleType.GENERIC, caller), completion);
        provider.reportCallEnded(phantom, Instant.now(), CallEndedReason.FAILED);
        calls.remove(phantom);
        if (type.equals("cancel") && callId.isPresent() && calls.containsKey(callId.get())) {
            onRemoteEnd(callId.get(), CallEndedReason.REMOTE_ENDED);
        }
    }

    @Override
    public void onSignallingEvent(ServerEvent event) {
        Optional<UUID> call = parseUuid(event.callId());
        if (call.isEmpty()) {
            env.log("signallingEventIgnored", null, "type", event.type(), "why", "callId is not a UUID");
            return;
        }
        UUID id = call.get();
        switch (event.type()) {
            case "offer" -> onOffer(id, event);
            case "cancel" -> onRemoteEnd(id, CallEndedReason.REMOTE_ENDED);
            case "remoteHangup" -> onRemoteEnd(id, CallEndedReason.REMOTE_ENDED);
            case "declined" -> onRemoteEnd(id, CallEndedReason.REMOTE_ENDED);
            case "busy" -> onRemoteEnd(id, CallEndedReason.FAILED);
            case "noAnswer" -> onRemoteEnd(id, CallEndedReason.UNANSWERED);
            case "answeredElsewhere" -> onRemoteEnd(id, CallEndedReason.ANSWERED_ELSEWHERE);
            case "declinedElsewhere" -> onRemoteEnd(id, CallEndedReason.DECLINED_ELSEWHERE);
            case "answered" -> onRemoteAnswered(id);
            default -> env.log("signallingEventIgnored", id, "type", event.type());
        }
    }

    protected void onOffer(UUID call, ServerEvent offer) {
        if (calls.containsKey(call)) {
            env.log("duplicateOffer", call);
            return;
        }
        String caller = offer.fields().getOrDefault("caller", "Unknown caller");
        HandleType type = Optional.ofNullable(offer.fields().get("handleType"))
                .map(HandleType::fromWireName).orElse(HandleType.GENERIC);
        env.log("handleIncomingCall", call, "via", "signalling");
        reportIncoming(call, new Handle(type, caller), null);
    }

    protected void reportIncoming(UUID call, Handle handle, Runnable pushCompletion) {
        // A duplicate push for a call we already track must not reset what we know about it (R-PUSH-8).
        boolean known = calls.containsKey(call);
        if (!known) {
            calls.put(call, new AppCall(call, false, handle));
        }
        CallUpdate update = CallUpdate.builder().remoteHandle(handle).localizedCallerName(handle.value())
                .supportsHolding(supportsHolding()).build();
        provider.reportNewIncomingCall(call, update, error -> {
            if (known && error.filter(e -> e == IncomingCallError.CALL_UUID_ALREADY_EXISTS).isPresent()) {
                // R-PUSH-8: a second report of a call we already have (a duplicate push) is fine; keep the call.
                env.log("duplicateReportKept", call);
            } else {
                onIncomingReported(call, error);
                if (pushCompletion != null && error.isEmpty() && calls.containsKey(call)) {
                    checkCallState(call);
                }
            }
            if (pushCompletion != null) {
                pushCompletion.run();
            }
        });
    }

    /**
     * R-PUSH-5/R-PUSH-7: a push can arrive late, after the caller gave up. Ask the server whether the call still
     * rings; if it is already over, end it with reportCall(endedAt:reason:).
     */
    protected void checkCallState(UUID call) {
        env.signalling().callState(call.toString()).whenComplete((response, failure) -> env.runOnMain(() -> {
            if (failure != null || response.status() / 100 != 2) {
                env.log("callStateUnknown", call, "status", response == null ? "none" : String.valueOf(response.status()));
                return;
            }
            String state = stateOf(response.body());
            if ((state.equals("cancelled") || state.equals("ended")) && calls.containsKey(call)) {
                env.log("callAlreadyOver", call, "state", state);
                onRemoteEnd(call, CallEndedReason.REMOTE_ENDED);
            }
        }));
    }

    private static String stateOf(String json) {
        try {
            return JSON.readTree(json == null ? "{}" : json).path("state").asText("");
        } catch (com.fasterxml.jackson.core.JsonProcessingException notJson) {
            return "";
        }
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /**
     * R-INC-1: after an error, no SDK and no media; tell the server we are busy. Except callUUIDAlreadyExists: the
     * report was a duplicate (R-PUSH-8), and the call it names goes on untouched.
     */
    protected void onIncomingReported(UUID call, Optional<IncomingCallError> error) {
        if (!calls.containsKey(call)) {
            return; // ended while the report was in flight (a phantom or cancelled call): nothing to prepare
        }
        if (error.filter(e -> e == IncomingCallError.CALL_UUID_ALREADY_EXISTS).isPresent()) {
            env.log("duplicateReport", call, "error", error.get().wireName());
            return;
        }
        if (error.isPresent()) {
            env.log("incomingCallRejected", call, "error", error.get().wireName());
            calls.remove(call);
            env.signalling().busy(call.toString());
            return;
        }
        prepareMedia(call);
    }

    /** The seed's defensive order: release any stale SDK before preparing for this call (R-AUD-4). */
    protected void prepareMedia(UUID call) {
        if (call.equals(mediaOwner)) {
            return; // already prepared: the user answered before the report's completion arrived
        }
        AppCall owner = mediaOwner == null ? null : calls.get(mediaOwner);
        if (owner != null && !owner.held) {
            // The live call keeps the single SDK; a ringing second call must not touch its audio (R-MULTI-2).
            env.log("mediaDeferred", call, "owner", mediaOwner.toString());
            return;
        }
        if (owner != null) {
            // Hold & Accept: the held call's media was stopped at hold; hand the SDK over, it is re-prepared on resume.
            env.log("mediaHandedOver", call, "from", mediaOwner.toString());
            sdk.releaseAudio();
        }
        sdk.unprepareSDK();
        sdk.prepareSDK(call);
        mediaOwner = call;
    }

    @Override
    public void performAnswerCallAction(CallAction action) {
        AppCall call = calls.get(action.callUUID());
        if (call == null) {
            action.fail();
            return;
        }
        configureAudioSession();
        call.answered = true;
        call.awaitingServer = action;
        if (!call.id.equals(mediaOwner)) {
            prepareMedia(call.id);
        }
        // Fulfil only once the server connection exists (R-TX-1): after the login of a push-woken launch, then the
        // accept. A server slower than our deadline fails the answer before the system's action timeout does (R-TX-2).
        AppTimer deadline = env.runOnMainAfter(SERVER_DEADLINE, () -> serverTooSlow(action));
        CompletableFuture<SignallingResponse> accepted = loggedIn.handle((r, f) -> r)
                .thenCompose(login -> env.signalling().accept(call.id.toString()));
        completeWhenServerAnswers(accepted, action, deadline);
    }

    /** The server did not answer within our deadline: fail the action ourselves, and end the call cleanly. */
    protected void serverTooSlow(CallAction action) {
        if (!pendingFor(action)) {
            return;
        }
        env.log("serverDeadlineExceeded", action.callUUID(), "action", action.type().wireName(),
                "deadline", SERVER_DEADLINE.toSeconds() + "s");
        actionFailed(action);
    }

    /** Whether the action still needs our answer: not completed, not timed out, and its call still ours. */
    protected boolean pendingFor(CallAction action) {
        return action.state() == CallAction.State.PENDING && calls.containsKey(action.callUUID());
    }

    /** An answer or start failed: the system ends the call; we drop it and release its media (R-TX-1). */
    protected void actionFailed(CallAction action) {
        UUID id = action.callUUID();
        action.fail();
        AppCall gone = calls.remove(id);
        if (gone != null && (gone.answered || gone.outgoing)) {
            env.signalling().hangUp(id.toString());
        }
        cancelActivationDeadline(id);
        releaseMedia(id);
    }

    protected void configureAudioSession() {
        env.audioSession().setCategory("playAndRecord", "voiceChat");
    }

    protected void completeWhenServerAnswers(CompletableFuture<SignallingResponse> request, CallAction action) {
        completeWhenServerAnswers(request, action, AppTimer.NONE);
    }

    protected void completeWhenServerAnswers(CompletableFuture<SignallingResponse> request, CallAction action, AppTimer deadline) {
        request.whenComplete((response, failure) -> env.runOnMain(() -> {
            deadline.cancel();
            if (!pendingFor(action)) {
                // Timed out, failed by our deadline, or the call ended meanwhile: never complete it again (R-TX-1, R-TX-2).
                env.log("lateServerAnswerIgnored", action.callUUID(), "action", action.type().wireName(),
                        "status", response == null ? "none" : String.valueOf(response.status()));
                return;
            }
            if (failure == null && response.status() / 100 == 2) {
                action.fulfill();
                awaitActivation(action.callUUID());
            } else {
                env.log("serverRefused", action.callUUID(), "status", response == null ? "none" : String.valueOf(response.status()));
                actionFailed(action);
            }
        }));
    }

    /** The session should now be activated for {@code call}; if didActivate never comes, end the call (R-AUD-6). */
    protected void awaitActivation(UUID call) {
        audioCall = call;
        cancelActivationDeadline(call);
        activationDeadlines.put(call, env.runOnMainAfter(ACTIVATION_DEADLINE, () -> activationNeverCame(call)));
    }

    protected void activationNeverCame(UUID call) {
        activationDeadlines.remove(call);
        AppCall c = calls.remove(call);
        if (c == null) {
            return;
        }
        env.log("activationDeadlineExceeded", call, "deadline", ACTIVATION_DEADLINE.toSeconds() + "s");
        env.signalling().hangUp(call.toString());
        provider.reportCallEnded(call, Instant.now(), CallEndedReason.FAILED);
        releaseMedia(call);
    }

    protected void cancelActivationDeadline(UUID call) {
        AppTimer t = activationDeadlines.remove(call);
        if (t != null) {
            t.cancel();
        }
    }

    @Override
    public void didActivateAudioSession() {
        List.copyOf(activationDeadlines.keySet()).forEach(this::cancelActivationDeadline);
        if (audioCall == null || !audioCall.equals(mediaOwner)) {
            env.log("activationWithoutCall", audioCall, "mediaOwner", mediaOwner == null ? null : mediaOwner.toString());
            return;
        }
        startMedia();
    }

    /** The seed's didActivate: configure the SDK's audio, then start it (R-AUD-2). */
    protected void startMedia() {
        sdk.configAudio();
        sdk.startAudio();
    }

    @Override
    public void didDeactivateAudioSession() {
        // Media I/O was stopped in performEndCallAction (Speakerbox policy); nothing may still run now (R-AUD-3).
    }

    // ---- ending -----------------------------------------------------------------------------------------------

    @Override
    public void userHangsUp(UUID call) {
        env.log("endCallWithCompletion", call);
        env.callController().request(ActionRequest.end(call), error -> error.ifPresent(e -> {
            // R-END-3: the system no longer knows the call; still tear down our own state.
            env.log("endCallFailed", call, "error", e.wireName());
            AppCall gone = calls.remove(call);
            if (gone != null) {
                if (gone.outgoing || gone.answered) {
                    env.signalling().hangUp(call.toString());
                } else {
                    env.signalling().decline(call.toString());
                }
                releaseMedia(call);
            }
        }));
    }

    @Override
    public void performEndCallAction(CallAction action) {
        AppCall call = calls.remove(action.callUUID());
        if (call == null) {
            action.fail(); // R-TX-6: never leave an end pending, even for an unknown UUID
            return;
        }
        String id = call.id.toString();
        // The call ends locally whatever the server says: a failed hang-up must not keep it alive.
        CompletableFuture<SignallingResponse> told = call.outgoing || call.answered
                ? env.signalling().hangUp(id) : env.signalling().decline(id);
        told.whenComplete((r, f) -> {
            if (f != null || r.status() / 100 != 2) {
                env.runOnMain(() -> env.log("serverNotToldOfEnd", call.id, "status", r == null ? "none" : String.valueOf(r.status())));
            }
        });
        cancelActivationDeadline(call.id);
        releaseMedia(call.id);
        if (call.id.equals(audioCall)) {
            audioCall = null;
        }
        if (action.state() == CallAction.State.PENDING) {
            action.fulfill();
        } else {
            env.log("endAlreadyTimedOut", call.id); // the system ended the call; never complete it late (R-TX-2)
        }
    }

    /** Only ever after performEndCallAction or a reported end (R-END-2). */
    protected void releaseMedia(UUID call) {
        if (mediaOwner != null && !mediaOwner.equals(call)) {
            return;
        }
        sdk.stopAudio();
        sdk.releaseAudio();
        sdk.unprepareSDK();
        mediaOwner = null;
    }

    protected void onRemoteEnd(UUID call, CallEndedReason reason) {
        AppCall gone = calls.remove(call);
        if (gone == null) {
            env.log("remoteEndForUnknownCall", call, "reason", reason.wireName());
            return;
        }
        provider.reportCallEnded(call, Instant.now(), reason);
        if (gone.awaitingServer != null && gone.awaitingServer.state() == CallAction.State.PENDING) {
            gone.awaitingServer.fail(); // the server's late answer will find no call; the action still needs its completion (R-TX-1)
        }
        cancelActivationDeadline(call);
        releaseMedia(call);
        if (call.equals(audioCall)) {
            audioCall = null;
        }
    }

    /**
     * R-END-4: the system ended every call; tear everything down (server told, media released, timers cancelled)
     * and complete no action afterwards: late server answers find no call and are ignored.
     */
    @Override
    public void providerDidReset() {
        for (AppCall c : List.copyOf(calls.values())) {
            String id = c.id.toString();
            if (c.outgoing || c.answered) {
                env.signalling().hangUp(id);
            } else {
                env.signalling().decline(id);
            }
        }
        List.copyOf(activationDeadlines.keySet()).forEach(this::cancelActivationDeadline);
        if (mediaOwner != null) {
            sdk.stopAudio();
            sdk.releaseAudio();
            sdk.unprepareSDK();
            mediaOwner = null;
        }
        audioCall = null;
        calls.clear();
    }

    @Override
    public void timedOutPerformingAction(CallAction action) {
        env.log("actionTimedOut", action.callUUID(), "action", action.type().wireName());
    }

    // ---- outgoing and hold ------------------------------------------------------------------------------------

    @Override
    public void userStartsCall(UUID call, Handle handle) {
        calls.put(call, new AppCall(call, true, handle));
        env.log("startCallWithCompletion", call, "handle", handle.value());
        env.callController().request(ActionRequest.start(call, handle), error -> error.ifPresent(e -> {
            env.log("startCallFailed", call, "error", e.wireName());
            calls.remove(call);
        }));
    }

    @Override
    public void performStartCallAction(CallAction action) {
        AppCall call = calls.get(action.callUUID());
        if (call == null) {
            action.fail();
            return;
        }
        configureAudioSession();
        prepareMedia(call.id);
        String callee = action.handle().map(Handle::value).orElse(call.handle.value());
        call.awaitingServer = action;
        AppTimer deadline = env.runOnMainAfter(SERVER_DEADLINE, () -> serverTooSlow(action));
        loggedIn.handle((r, f) -> r).thenCompose(login -> env.signalling().invite(call.id.toString(), callee))
                .whenComplete((response, failure) -> env.runOnMain(() -> {
            deadline.cancel();
            if (!pendingFor(action)) {
                env.log("lateServerAnswerIgnored", call.id, "action", "start",
                        "status", response == null ? "none" : String.valueOf(response.status()));
                return;
            }
            if (failure == null && response.status() / 100 == 2) {
                action.fulfill();
                provider.reportOutgoingCallStartedConnecting(call.id);
                call.startedConnecting = true;
                if (call.answered) {
                    provider.reportOutgoingCallConnected(call.id); // the callee answered before the invite's response
                }
                awaitActivation(call.id);
            } else {
                env.log("inviteFailed", call.id, "status", response == null ? "none" : String.valueOf(response.status()));
                action.fail();
                calls.remove(call.id);
                releaseMedia(call.id);
            }
        }));
    }

    protected void onRemoteAnswered(UUID call) {
        AppCall c = calls.get(call);
        if (c == null || !c.outgoing) {
            env.log("answeredForUnknownCall", call);
            return;
        }
        c.answered = true;
        if (c.startedConnecting) {
            provider.reportOutgoingCallConnected(call);
        } else {
            // R-OUT-1: connectedAt only after startedConnectingAt; performStartCallAction reports it once the invite is answered.
            env.log("connectedDeferred", call, "why", "not started connecting yet");
        }
    }

    @Override
    public void performSetHeldCallAction(CallAction action) {
        AppCall call = calls.get(action.callUUID());
        if (call == null) {
            action.fail();
            return;
        }
        call.held = action.onHold();
        if (action.onHold()) {
            if (call.id.equals(mediaOwner)) {
                sdk.stopAudio(); // Speakerbox: stop audio on hold; it restarts in the next didActivate (R-AUD-7)
            }
            if (call.id.equals(audioCall)) {
                audioCall = null;
            }
        } else {
            // Resume: the SDK may have gone to the other call meanwhile; media starts only in didActivate (R-AUD-7).
            prepareMedia(call.id);
            audioCall = call.id;
        }
        if (action.state() == CallAction.State.PENDING) {
            action.fulfill();
        }
    }

    @Override
    public void userResumesCall(UUID call) {
        env.log("resumeCallWithCompletion", call);
        env.callController().request(ActionRequest.setHeld(call, false), error ->
                error.ifPresent(e -> env.log("resumeCallFailed", call, "error", e.wireName())));
    }

    @Override
    public void continueUserActivity(Handle handle) {
        userStartsCall(env.newUuid(), handle);
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    protected static Optional<UUID> uuid(String text) {
        return parseUuid(text);
    }

    private static Optional<UUID> parseUuid(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException | NullPointerException notAUuid) {
            return Optional.empty();
        }
    }

    /** What the app itself knows about one call. */
    protected static final class AppCall {
        public final UUID id;
        public final boolean outgoing;
        public final Handle handle;
        public boolean answered;
        public boolean startedConnecting;
        public boolean held;
        /** The answer or start action waiting for the server's answer. */
        public CallAction awaitingServer;

        AppCall(UUID id, boolean outgoing, Handle handle) {
            this.id = id;
            this.outgoing = outgoing;
            this.handle = handle;
        }
    }

}
