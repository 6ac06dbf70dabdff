package dev.callflow.iut.mutants;

import dev.callflow.iut.reference.ReferenceApp;
import dev.callflow.platform.ActionRequest;
import dev.callflow.platform.AppFactory;
import dev.callflow.platform.AppSettings;
import dev.callflow.platform.AppTimer;
import dev.callflow.platform.CallAction;
import dev.callflow.platform.CallApp;
import dev.callflow.platform.CallEndedReason;
import dev.callflow.platform.Handle;
import dev.callflow.platform.HandleType;
import dev.callflow.platform.IncomingCallError;
import dev.callflow.platform.ProviderConfiguration;
import dev.callflow.platform.SignallingResponse;
import dev.callflow.platform.VoipPush;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The mutant zoo: each entry overrides exactly one step of {@link ReferenceApp}, drawn from a real bug of
 * CALLKIT-RULES.md section 3, and names the rule it was written to break and the scenarios (tags) that can show it.
 * Every factory passes the scenario's {@link AppSettings} through, as the reference's does, so that a mutant fails
 * for its deviation and not for a configuration the scenario asked for (Recents, R-CFG-3).
 * Every rule has a mutant except R-PUSH-7 ({@link #UNMUTABLE}).
 */
public final class Mutants {
    private Mutants() { }

    /** The rules no app mutant can break, and why. */
    public static final String UNMUTABLE = "R-PUSH-7 has no mutant: it judges the app server's APNs request headers, "
            + "which the harness itself sends, so no change to the app can break it.";

    private static final List<Mutant> ALL = List.of(
            // ---- push (1A)
            mutant("skip-push-report", "R-PUSH-1", "#36/#37 wireapp/wire-ios PR #5070, element-x-ios PR #5682: early return "
                    + "in the PushKit handler without reporting a call", "@R-PUSH-1", SkipPushReport::new),
            mutant("early-return-on-duplicate-push", "R-PUSH-1", "#36 wireapp/wire-ios PR #5070: a push for a call the app "
                    + "already has returns early instead of reporting again", "@R-PUSH-8", EarlyReturnOnDuplicatePush::new),
            mutant("shared-push-completion-slot", "R-PUSH-3", "#46 GetStream/stream-video-swift PR #1219: one PushKit "
                    + "completion slot for all pushes; with two pushes in flight the second overwrites the first, which is "
                    + "lost, and the second runs at the first report's completion", "@R-PUSH-3", SharedPushCompletionSlot::new),
            warningMutant("push-completion-before-report", "R-PUSH-3", "#13 twilio/voice-quickstart-objc PR #142/#137: PushKit "
                    + "completion called together with the report, before the report's completion", "@flow-push-wake",
                    PushCompletionBeforeReport::new),
            mutant("non-call-push-not-reported", "R-PUSH-4", "#37/#32 element-hq/element-ios #3577, linphone-iphone #834: "
                    + "a VoIP push that starts no call (message, cancel) is dropped unreported", "@R-PUSH-4",
                    NonCallPushNotReported::new),
            mutant("never-check-late-push", "R-PUSH-5", "#26/#37 flutter_callkit_incoming #316/#778, element-x-ios PR #5682: "
                    + "a late push is reported and left ringing; the app never asks whether its caller already cancelled",
                    "@R-PUSH-5", NeverCheckLatePush::new),
            mutant("push-delegate-set-after-login", "R-PUSH-6", "DTS forum 817976 (R-PUSH-6): PKPushRegistry delegate set "
                    + "only once the signalling login answered, not at launch", "@R-PUSH-6 or @flow-push-wake",
                    PushDelegateSetAfterLogin::new),
            // ---- incoming (1B)
            mutant("dnd-error-swallowed", "R-INC-1", "#27 hiennguyen92/flutter_callkit_incoming PR #803: the report's "
                    + "error (DND, block list) swallowed and the SDK prepared anyway", "@R-INC-1 or @R-INC-2",
                    DndErrorSwallowed::new),
            mutant("end-refused-call", "R-INC-2", "#27/#35 flutter_callkit_incoming PR #803, wire-ios-sync-engine PR #357: "
                    + "the refused call's UUID reused in an end transaction to 'clean up'", "@R-INC-2", EndRefusedCall::new),
            mutant("empty-handle-without-caller", "R-INC-4", "#48 flutter-webrtc/callkeep #28: a push without a caller "
                    + "is reported with an empty CXHandle value", "@R-INC-4", EmptyHandleWithoutCaller::new),
            mutant("ignore-system-end-while-ringing", "R-INC-5", "#45 voximplant/flutter_callkit #29: the iOS 16 ring "
                    + "timeout's CXEndCallAction for a ringing call is fulfilled but the call and its SDK are kept",
                    "@R-INC-5", IgnoreSystemEndWhileRinging::new),
            mutant("request-end-after-system-end", "R-INC-6", "#11 twilio/voice-callkit-quickstart-swift #6: a side-button "
                    + "end is answered with the app's own CXEndCallAction request", "@R-INC-6",
                    RequestEndAfterSystemEnd::new),
            // ---- transactions (1C)
            mutant("ignore-end-for-unknown-call", "R-TX-6", "#24 flutter_callkit_incoming PR #850: a CXEndCallAction "
                    + "for a UUID the app does not know (e.g. a call of an earlier launch) is returned from without "
                    + "fulfil or fail", "@R-TX-6", IgnoreEndForUnknownCall::new),
            mutant("answer-never-fulfilled", "R-TX-2", "#20/#45 twilio/video-quickstart-ios #196, voximplant/flutter_callkit "
                    + "#12: the answer action is never fulfilled, so CallKit times it out", "@flow-answer",
                    AnswerNeverFulfilled::new),
            mutant("fulfil-end-twice", "R-TX-1", "#46 GetStream/stream-video-swift PR #1162: the end action is fulfilled "
                    + "by the call model and again by the delegate", "@flow-local-hangup", FulfilEndTwice::new),
            mutant("end-pending-until-server-confirms", "R-TX-6", "#24 flutter_callkit_incoming PR #850: the end action is "
                    + "completed only when the server confirms, so a failed decline leaves it pending", "@R-TX-6",
                    EndPendingUntilServerConfirms::new),
            warningMutant("end-request-after-reported-end", "R-TX-3", "#11/#49 twilio/voice-quickstart-ios #155, "
                    + "react-native-callkit #3: after reporting a remote end, the app also runs its hang-up path, whose "
                    + "CXEndCallAction names a call the system already ended (error 4)", "@R-END-1",
                    EndRequestAfterReportedEnd::new),
            // ---- audio (1D)
            mutant("activate-session-in-answer", "R-AUD-1", "#17/#22 twilio/voice-quickstart-ios #375, "
                    + "flutter_callkit_incoming #4: the app activates the AVAudioSession itself in performAnswerCallAction",
                    "@flow-answer", ActivateSessionInAnswer::new),
            mutant("activate-before-report", "R-AUD-1", "#1/#24 react-native-callkeep #244, flutter_callkit_incoming PR #850: "
                    + "audio session configured and activated before reportNewIncomingCall", "@flow-incoming or @flow-answer",
                    ActivateBeforeReport::new),
            mutant("start-audio-in-answer", "R-AUD-2", "#3/#4/#39 react-native-callkeep #84, react-native-callkit #57, "
                    + "jitsi-meet #6867: media started in performAnswerCallAction, before the system activated the session",
                    "@R-AUD-2", StartAudioInAnswer::new),
            mutant("keep-sdk-running-after-end", "R-AUD-3", "#9 twilio/voice-quickstart-ios #31/#39: the audio device is "
                    + "neither stopped nor reset when the call ends, so it still runs after didDeactivate", "@R-AUD-3",
                    KeepSdkRunningAfterEnd::new),
            mutant("prepare-without-release", "R-AUD-4", "#9/#30 twilio/voice-quickstart-ios #31, linphone-iphone #104: the "
                    + "next call's SDK is prepared while the previous call's is still prepared", "@R-AUD-4 or @R-AUD-7",
                    PrepareWithoutRelease::new),
            mutant("no-activation-deadline", "R-AUD-6", "#50 openradar #16116, DTS 783870: nothing happens when "
                    + "didActivate never comes; the call hangs", "@R-AUD-6", NoActivationDeadline::new),
            mutant("restart-audio-on-unhold", "R-AUD-7", "#2 react-native-callkeep #489: media restarted in "
                    + "performSetHeldCallAction(onHold: false) without waiting for didActivate", "@R-AUD-7",
                    RestartAudioOnUnhold::new),
            mutant("self-resume-after-other-call-ends", "R-AUD-7", "#2 react-native-callkeep #489: after Hold & Accept, "
                    + "the app resumes its held call itself once the other call ended remotely", "@R-AUD-7",
                    SelfResumeAfterOtherCallEnds::new),
            // ---- ending (1E)
            mutant("forget-remote-end-report", "R-END-1", "#10/#19 twilio/voice-quickstart-ios #190, "
                    + "voice-quickstart-objc #89: the remote hang-up tears down the app's call but never tells CallKit",
                    "@R-END-1", ForgetRemoteEndReport::new),
            warningMutant("end-transaction-for-remote-end", "R-END-1", "#18 twilio/voice-quickstart-ios #228: a remote end sent "
                    + "as a local CXEndCallAction instead of reportCall(endedAt:reason:)", "@R-END-1",
                    EndTransactionForRemoteEnd::new),
            mutant("release-before-perform-end", "R-END-2", "#18 twilio/voice-quickstart-ios #228: SDK released before "
                    + "performEndCallAction (the seed's top risk)", "@R-END-2", ReleaseBeforePerformEnd::new),
            mutant("no-cleanup-after-error-4", "R-END-3", "#11/#16/#49 twilio/voice-quickstart-ios #155, #451, "
                    + "react-native-callkit #3: an end that fails with unknownCallUUID leaves the app's call and SDK up",
                    "@R-END-3", NoCleanupAfterError4::new),
            mutant("no-teardown-on-reset", "R-END-4", "CXProvider.h providerDidReset (R-END-4): the reset is only logged; "
                    + "calls, media and timers stay", "@R-END-4", NoTeardownOnReset::new),
            // ---- outgoing (1F)
            mutant("no-connected-report", "R-OUT-1", "#14 twilio/voice-quickstart-objc PR #54: "
                    + "reportOutgoingCall(with:connectedAt:) never called when the callee answers", "@R-OUT-1",
                    NoConnectedReport::new),
            mutant("start-transaction-twice", "R-OUT-2", "#33 BelledonneCommunications/linphone-iphone #187: the outgoing "
                    + "call is registered with CallKit twice", "@flow-outgoing", StartTransactionTwice::new),
            mutant("redial-busy-callee", "R-OUT-3", "DTS forum 793663 (R-OUT-3): the app dials a busy callee again by "
                    + "itself, a CXStartCallAction requested from the background with no call active", "@R-OUT-3",
                    RedialBusyCallee::new),
            // ---- second calls (1G)
            mutant("end-every-call", "R-MULTI-1", "#25 hiennguyen92/flutter_callkit_incoming #794: the end handler ends "
                    + "every call, not just the action's", "@R-MULTI-1", EndEveryCall::new),
            mutant("end-others-after-fulfil", "R-MULTI-1", "#25 hiennguyen92/flutter_callkit_incoming #794: right after "
                    + "fulfilling the end action, still in the same handler, the app reports its other live calls ended "
                    + "(no request to the server)", "@R-MULTI-1", EndOthersAfterFulfil::new),
            mutant("reset-audio-in-perform-end", "R-MULTI-2", "#15/#34 twilio/voice-quickstart-ios PR #295, "
                    + "wire-ios-sync-engine PR #270: the audio device is reset in performEndCallAction, also when declining "
                    + "a second call", "@R-MULTI-2", ResetAudioInPerformEnd::new),
            mutant("fail-every-hold", "R-MULTI-3", "#28 hiennguyen92/flutter_callkit_incoming PR #825: "
                    + "CXSetHeldCallAction always fail(), so Hold & Accept of another call cannot hold the VoIP call",
                    "@R-MULTI-3", FailEveryHold::new),
            // ---- configuration (1H)
            mutant("provider-per-call", "R-CFG-1", "#12 twilio/voice-quickstart-ios #382/#332: a new CXProvider is created "
                    + "for every incoming call", "@flow-incoming or @R-CFG-1", ProviderPerCall::new),
            mutant("generic-handle-unsupported", "R-CFG-3", "#7 react-native-callkeep #349 + PR #660: generic missing "
                    + "from supportedHandleTypes", "@R-CFG-3 or @flow-incoming", GenericHandleUnsupported::new),
            mutant("no-supported-handle-types", "R-CFG-2", "#21 twilio/twilio-voice-react-native #369/#672: the SDK's "
                    + "CallKit layer leaves CXProviderConfiguration at its defaults, supportedHandleTypes empty",
                    "@flow-recents", NoSupportedHandleTypes::new));

    public static List<Mutant> all() {
        return ALL;
    }

    public static Optional<Mutant> named(String name) {
        return ALL.stream().filter(m -> m.name().equals(name)).findFirst();
    }

    private static Mutant mutant(String name, String rule, String bug, String tags, Function<AppSettings, CallApp> make) {
        return new Mutant(name, rule, bug, tags, AppFactory.configurable(make));
    }

    /** A mutant whose deviation its rule only warns about (see {@link Mutant#warns()}). */
    private static Mutant warningMutant(String name, String rule, String bug, String tags, Function<AppSettings, CallApp> make) {
        return new Mutant(name, rule, bug, tags, AppFactory.configurable(make), true);
    }

    // ---- push -------------------------------------------------------------------------------------------------

    /** Returns from the PushKit handler without reporting, planning to report once signalling connects. */
    static final class SkipPushReport extends ReferenceApp {
        SkipPushReport(AppSettings s) { super(s); }

        @Override
        public void didReceiveIncomingPush(VoipPush push, Runnable completion) {
            env.log("handleIncomingCall", push.field("callId").flatMap(ReferenceApp::uuid).orElse(null), "via", "push",
                    "deferred", "true");
            completion.run();
        }
    }

    /** A push for a call it already tracks (the NSE reported it, or APNs delivered twice) returns without a report. */
    static final class EarlyReturnOnDuplicatePush extends ReferenceApp {
        EarlyReturnOnDuplicatePush(AppSettings s) { super(s); }

        @Override
        public void didReceiveIncomingPush(VoipPush push, Runnable completion) {
            Optional<UUID> call = push.field("callId").flatMap(ReferenceApp::uuid);
            if (call.isPresent() && calls.containsKey(call.get())) {
                env.log("duplicatePushIgnored", call.get());
                completion.run();
                return;
            }
            super.didReceiveIncomingPush(push, completion);
        }
    }

    /** Calls the PushKit completion right after starting the report, not after the report's completion. */
    static final class PushCompletionBeforeReport extends ReferenceApp {
        PushCompletionBeforeReport(AppSettings s) { super(s); }

        @Override
        public void didReceiveIncomingPush(VoipPush push, Runnable completion) {
            super.didReceiveIncomingPush(push, () -> { });
            completion.run();
        }
    }

    /** One field holds "the" PushKit completion; each report's completion runs whatever it holds, then clears it. */
    static final class SharedPushCompletionSlot extends ReferenceApp {
        private Runnable slot;

        SharedPushCompletionSlot(AppSettings s) { super(s); }

        @Override
        public void didReceiveIncomingPush(VoipPush push, Runnable completion) {
            slot = completion;
            super.didReceiveIncomingPush(push, () -> {
                Runnable pending = slot;
                slot = null;
                if (pending != null) {
                    pending.run();
                }
            });
        }
    }

    /** An end action for a call the app has no record of is simply returned from: it stays pending. */
    static final class IgnoreEndForUnknownCall extends ReferenceApp {
        IgnoreEndForUnknownCall(AppSettings s) { super(s); }

        @Override
        public void performEndCallAction(CallAction action) {
            if (calls.containsKey(action.callUUID())) {
                super.performEndCallAction(action);
            }
        }
    }

    /** Drops a VoIP push that starts no call; "it is only a message". */
    static final class NonCallPushNotReported extends ReferenceApp {
        NonCallPushNotReported(AppSettings s) { super(s); }

        @Override
        protected void reportPhantomCall(VoipPush push, String type, Optional<UUID> callId, String caller, Runnable completion) {
            env.log("nonCallPushIgnored", callId.orElse(null), "pushType", type);
            if (type.equals("cancel") && callId.isPresent() && calls.containsKey(callId.get())) {
                onRemoteEnd(callId.get(), CallEndedReason.REMOTE_ENDED);
            }
            completion.run();
        }
    }

    /** Trusts every push it reports: never asks the server whether the call still rings, so a late push's call rings on. */
    static final class NeverCheckLatePush extends ReferenceApp {
        NeverCheckLatePush(AppSettings s) { super(s); }

        @Override
        protected void checkCallState(UUID call) {
            env.log("callStateNotChecked", call);
        }
    }

    /** Sets the PushKit delegate only when the signalling login answered ("we cannot take calls before that"). */
    static final class PushDelegateSetAfterLogin extends ReferenceApp {
        PushDelegateSetAfterLogin(AppSettings s) { super(s); }

        @Override
        protected void registerForVoipPushes() {
            loggedIn.whenComplete((r, f) -> env.runOnMain(() -> env.pushRegistry().setDelegate(this)));
        }
    }

    // ---- incoming -----------------------------------------------------------------------------------------------

    /** Ignores the report's error (DND, block list) and prepares the SDK anyway. */
    static final class DndErrorSwallowed extends ReferenceApp {
        DndErrorSwallowed(AppSettings s) { super(s); }

        @Override
        protected void onIncomingReported(UUID call, Optional<IncomingCallError> error) {
            if (error.isPresent() && error.get() != IncomingCallError.CALL_UUID_ALREADY_EXISTS && calls.containsKey(call)) {
                env.log("reportErrorIgnored", call, "error", error.get().wireName());
                prepareMedia(call);
                return;
            }
            super.onIncomingReported(call, error);
        }
    }

    /** After a refused report, requests a CXEndCallAction for the refused UUID to make sure nothing rings. */
    static final class EndRefusedCall extends ReferenceApp {
        EndRefusedCall(AppSettings s) { super(s); }

        @Override
        protected void onIncomingReported(UUID call, Optional<IncomingCallError> error) {
            boolean refused = error.isPresent() && error.get() != IncomingCallError.CALL_UUID_ALREADY_EXISTS
                    && calls.containsKey(call);
            super.onIncomingReported(call, error);
            if (refused) {
                env.log("endCallWithCompletion", call);
                env.callController().request(ActionRequest.end(call), e ->
                        e.ifPresent(x -> env.log("endCallFailed", call, "error", x.wireName())));
            }
        }
    }

    /** Reports a push without a caller with an empty handle value (no fallback). */
    static final class EmptyHandleWithoutCaller extends ReferenceApp {
        EmptyHandleWithoutCaller(AppSettings s) { super(s); }

        @Override
        public void didReceiveIncomingPush(VoipPush push, Runnable completion) {
            Optional<UUID> callId = push.field("callId").flatMap(ReferenceApp::uuid);
            String type = push.field("type").filter(t -> !t.isBlank()).orElse("call");
            String caller = push.field("caller").orElse("");
            if (!type.equals("call") || callId.isEmpty()) {
                reportPhantomCall(push, type, callId, caller.isBlank() ? UNKNOWN_CALLER : caller, completion);
                return;
            }
            env.log("handleIncomingCall", callId.get(), "via", "push");
            reportIncoming(callId.get(), new Handle(HandleType.GENERIC, caller), completion);
        }
    }

    /** A system end of a call that still rings is fulfilled, but the app keeps the call and its SDK for a "missed call" screen. */
    static final class IgnoreSystemEndWhileRinging extends ReferenceApp {
        IgnoreSystemEndWhileRinging(AppSettings s) { super(s); }

        @Override
        public void performEndCallAction(CallAction action) {
            AppCall call = calls.get(action.callUUID());
            if (call != null && !call.outgoing && !call.answered) {
                env.log("ringingEndDeferred", call.id);
                action.fulfill();
                return;
            }
            super.performEndCallAction(action);
        }
    }

    /** Handles a system end like a local one, but then also runs its own hang-up, which requests another end. */
    static final class RequestEndAfterSystemEnd extends ReferenceApp {
        RequestEndAfterSystemEnd(AppSettings s) { super(s); }

        @Override
        public void performEndCallAction(CallAction action) {
            super.performEndCallAction(action);
            userHangsUp(action.callUUID());
        }
    }

    // ---- transactions -------------------------------------------------------------------------------------------

    /** Tells the server it accepted, but never fulfils the answer (and has no deadline of its own). */
    static final class AnswerNeverFulfilled extends ReferenceApp {
        AnswerNeverFulfilled(AppSettings s) { super(s); }

        @Override
        protected void completeWhenServerAnswers(CompletableFuture<SignallingResponse> request, CallAction action, AppTimer deadline) {
            deadline.cancel();
            request.whenComplete((r, f) -> env.runOnMain(() -> env.log("accepted", action.callUUID(),
                    "status", r == null ? "none" : String.valueOf(r.status()))));
        }
    }

    /** Fulfils the end action in the shared end handler and again in the delegate. */
    static final class FulfilEndTwice extends ReferenceApp {
        FulfilEndTwice(AppSettings s) { super(s); }

        @Override
        public void performEndCallAction(CallAction action) {
            super.performEndCallAction(action);
            action.fulfill();
        }
    }

    /** Completes the end action only once the server confirmed the hang-up or decline; a failure leaves it pending. */
    static final class EndPendingUntilServerConfirms extends ReferenceApp {
        EndPendingUntilServerConfirms(AppSettings s) { super(s); }

        @Override
        public void performEndCallAction(CallAction action) {
            AppCall call = calls.get(action.callUUID());
            if (call == null) {
                action.fail();
                return;
            }
            String id = call.id.toString();
            CompletableFuture<SignallingResponse> told = call.outgoing || call.answered
                    ? env.signalling().hangUp(id) : env.signalling().decline(id);
            told.whenComplete((r, f) -> env.runOnMain(() -> {
                if (f != null || r.status() / 100 != 2) {
                    env.log("endWaitsForServer", call.id, "status", r == null ? "none" : String.valueOf(r.status()));
                    return;
                }
                calls.remove(call.id);
                cancelActivationDeadline(call.id);
                releaseMedia(call.id);
                if (call.id.equals(audioCall)) {
                    audioCall = null;
                }
                if (action.state() == CallAction.State.PENDING) {
                    action.fulfill();
                }
            }));
        }
    }

    /** A remote end is reported, then also handed to the app's hang-up path, which requests an end for the gone call. */
    static final class EndRequestAfterReportedEnd extends ReferenceApp {
        EndRequestAfterReportedEnd(AppSettings s) { super(s); }

        @Override
        protected void onRemoteEnd(UUID call, CallEndedReason reason) {
            boolean known = calls.containsKey(call);
            super.onRemoteEnd(call, reason);
            if (known) {
                userHangsUp(call);
            }
        }
    }

    // ---- audio --------------------------------------------------------------------------------------------------

    /** Configures and activates the session itself ("pre-heat") when the user answers. */
    static final class ActivateSessionInAnswer extends ReferenceApp {
        ActivateSessionInAnswer(AppSettings s) { super(s); }

        @Override
        public void performAnswerCallAction(CallAction action) {
            env.audioSession().setCategory("playAndRecord", "voiceChat");
            env.audioSession().setActive(true);
            super.performAnswerCallAction(action);
        }
    }

    /** Configures and activates the session before reporting the incoming call. */
    static final class ActivateBeforeReport extends ReferenceApp {
        ActivateBeforeReport(AppSettings s) { super(s); }

        @Override
        protected void reportIncoming(UUID call, Handle handle, Runnable pushCompletion) {
            configureAudioSession();
            env.audioSession().setActive(true);
            super.reportIncoming(call, handle, pushCompletion);
        }
    }

    /** Starts media as soon as the user answers, instead of in didActivateAudioSession. */
    static final class StartAudioInAnswer extends ReferenceApp {
        StartAudioInAnswer(AppSettings s) { super(s); }

        @Override
        public void performAnswerCallAction(CallAction action) {
            sdk.configAudio();
            sdk.startAudio();
            super.performAnswerCallAction(action);
        }

        @Override
        protected void startMedia() {
            // the mutant believes audio is already running
        }
    }

    /** Forgets the SDK when a call ends, without stopping or releasing it ("it is reset when the next call prepares it"). */
    static final class KeepSdkRunningAfterEnd extends ReferenceApp {
        KeepSdkRunningAfterEnd(AppSettings s) { super(s); }

        @Override
        protected void releaseMedia(UUID call) {
            if (mediaOwner != null && mediaOwner.equals(call)) {
                env.log("sdkKeptWarm", call);
                mediaOwner = null;
            }
        }
    }

    /** Prepares the SDK for a call without the seed's defensive release of whatever it was prepared for. */
    static final class PrepareWithoutRelease extends ReferenceApp {
        PrepareWithoutRelease(AppSettings s) { super(s); }

        @Override
        protected void prepareMedia(UUID call) {
            if (call.equals(mediaOwner)) {
                return;
            }
            AppCall owner = mediaOwner == null ? null : calls.get(mediaOwner);
            if (owner != null && !owner.held) {
                env.log("mediaDeferred", call, "owner", mediaOwner.toString());
                return;
            }
            sdk.prepareSDK(call);
            mediaOwner = call;
        }
    }

    /** Waits for didActivate for ever: no deadline. */
    static final class NoActivationDeadline extends ReferenceApp {
        NoActivationDeadline(AppSettings s) { super(s); }

        @Override
        protected void awaitActivation(UUID call) {
            audioCall = call;
        }
    }

    /** Restarts media as soon as the unhold is performed, without waiting for didActivate. */
    static final class RestartAudioOnUnhold extends ReferenceApp {
        RestartAudioOnUnhold(AppSettings s) { super(s); }

        @Override
        public void performSetHeldCallAction(CallAction action) {
            super.performSetHeldCallAction(action);
            if (!action.onHold() && calls.containsKey(action.callUUID())) {
                startMedia();
            }
        }
    }

    // ---- ending -------------------------------------------------------------------------------------------------

    /** Tears its own call down on a remote end, but never reports the end to CallKit. */
    static final class ForgetRemoteEndReport extends ReferenceApp {
        ForgetRemoteEndReport(AppSettings s) { super(s); }

        @Override
        protected void onRemoteEnd(UUID call, CallEndedReason reason) {
            if (calls.remove(call) == null) {
                env.log("remoteEndForUnknownCall", call, "reason", reason.wireName());
                return;
            }
            cancelActivationDeadline(call);
            releaseMedia(call);
            if (call.equals(audioCall)) {
                audioCall = null;
            }
        }
    }

    /** Ends a remotely ended call with a local CXEndCallAction, as if the user hung up. */
    static final class EndTransactionForRemoteEnd extends ReferenceApp {
        EndTransactionForRemoteEnd(AppSettings s) { super(s); }

        @Override
        protected void onRemoteEnd(UUID call, CallEndedReason reason) {
            if (!calls.containsKey(call)) {
                super.onRemoteEnd(call, reason);
                return;
            }
            userHangsUp(call);
        }
    }

    /** Tears the SDK down when the user taps hang-up, before the system's performEndCallAction. */
    static final class ReleaseBeforePerformEnd extends ReferenceApp {
        ReleaseBeforePerformEnd(AppSettings s) { super(s); }

        @Override
        public void userHangsUp(UUID call) {
            releaseMedia(call);
            super.userHangsUp(call);
        }
    }

    /** An end request that fails (unknownCallUUID) is only logged: the app's call and its SDK stay. */
    static final class NoCleanupAfterError4 extends ReferenceApp {
        NoCleanupAfterError4(AppSettings s) { super(s); }

        @Override
        public void userHangsUp(UUID call) {
            env.log("endCallWithCompletion", call);
            env.callController().request(ActionRequest.end(call), error ->
                    error.ifPresent(e -> env.log("endCallFailed", call, "error", e.wireName())));
        }
    }

    /** Logs providerDidReset and does nothing else. */
    static final class NoTeardownOnReset extends ReferenceApp {
        NoTeardownOnReset(AppSettings s) { super(s); }

        @Override
        public void providerDidReset() {
            env.log("providerReset", null);
        }
    }

    // ---- outgoing -----------------------------------------------------------------------------------------------

    /** Marks the call answered when the callee answers, but never reports connectedAt. */
    static final class NoConnectedReport extends ReferenceApp {
        NoConnectedReport(AppSettings s) { super(s); }

        @Override
        protected void onRemoteAnswered(UUID call) {
            AppCall c = calls.get(call);
            if (c == null || !c.outgoing) {
                env.log("answeredForUnknownCall", call);
                return;
            }
            env.log("calleeAnswered", call);
        }
    }

    /** Requests the start transaction twice: once from the UI and once from the call model. */
    static final class StartTransactionTwice extends ReferenceApp {
        StartTransactionTwice(AppSettings s) { super(s); }

        @Override
        public void userStartsCall(UUID call, Handle handle) {
            super.userStartsCall(call, handle);
            env.callController().request(ActionRequest.start(call, handle), error ->
                    error.ifPresent(e -> env.log("startCallFailed", call, "error", e.wireName())));
        }
    }

    /** "Call again" on a busy callee, pressed by the app itself: a new start, requested wherever the app is. */
    static final class RedialBusyCallee extends ReferenceApp {
        RedialBusyCallee(AppSettings s) { super(s); }

        @Override
        protected void onRemoteEnd(UUID call, CallEndedReason reason) {
            AppCall busy = reason == CallEndedReason.FAILED ? calls.get(call) : null;
            super.onRemoteEnd(call, reason);
            if (busy != null && busy.outgoing) {
                env.log("redialBusyCallee", call);
                userStartsCall(env.newUuid(), busy.handle);
            }
        }
    }

    // ---- second calls -------------------------------------------------------------------------------------------

    /** Ending one call ends every call the app has ("hang up" means hang up everything). */
    static final class EndEveryCall extends ReferenceApp {
        EndEveryCall(AppSettings s) { super(s); }

        @Override
        public void performEndCallAction(CallAction action) {
            super.performEndCallAction(action);
            for (UUID other : List.copyOf(calls.keySet())) {
                AppCall gone = calls.remove(other);
                env.signalling().hangUp(other.toString());
                provider.reportCallEnded(other, Instant.now(), CallEndedReason.REMOTE_ENDED);
                if (gone != null && other.equals(mediaOwner)) {
                    releaseMedia(other);
                }
            }
        }
    }

    /** Fulfils the end, then (same handler) reports every other live call ended, telling the server nothing. */
    static final class EndOthersAfterFulfil extends ReferenceApp {
        EndOthersAfterFulfil(AppSettings s) { super(s); }

        @Override
        public void performEndCallAction(CallAction action) {
            super.performEndCallAction(action);
            for (UUID other : List.copyOf(calls.keySet())) {
                calls.remove(other);
                provider.reportCallEnded(other, Instant.now(), CallEndedReason.REMOTE_ENDED);
                if (other.equals(mediaOwner)) {
                    releaseMedia(other);
                }
            }
        }
    }

    /** Resets the audio device in performEndCallAction, whichever call is ending. */
    static final class ResetAudioInPerformEnd extends ReferenceApp {
        ResetAudioInPerformEnd(AppSettings s) { super(s); }

        @Override
        public void performEndCallAction(CallAction action) {
            if (mediaOwner != null) {
                sdk.stopAudio();
                sdk.releaseAudio();
            }
            super.performEndCallAction(action);
        }
    }

    /** When the other call ends remotely, resumes its held call itself. */
    static final class SelfResumeAfterOtherCallEnds extends ReferenceApp {
        SelfResumeAfterOtherCallEnds(AppSettings s) { super(s); }

        @Override
        protected void onRemoteEnd(UUID call, CallEndedReason reason) {
            super.onRemoteEnd(call, reason);
            calls.values().stream().filter(c -> c.held).map(c -> c.id).findFirst().ifPresent(this::userResumesCall);
        }
    }

    /** Fails every hold action: "the app does not support hold" (maximumCallGroups hard-coded to 1). */
    static final class FailEveryHold extends ReferenceApp {
        FailEveryHold(AppSettings s) { super(s); }

        @Override
        public void performSetHeldCallAction(CallAction action) {
            env.log("holdNotSupported", action.callUUID());
            action.fail();
        }
    }

    // ---- configuration ------------------------------------------------------------------------------------------

    /** Creates a new CXProvider (and configuration) for every incoming call. */
    static final class ProviderPerCall extends ReferenceApp {
        ProviderPerCall(AppSettings s) { super(s); }

        @Override
        protected void reportIncoming(UUID call, Handle handle, Runnable pushCompletion) {
            provider = env.createProvider(providerConfiguration());
            provider.setDelegate(this);
            super.reportIncoming(call, handle, pushCompletion);
        }
    }

    /** Configures supportedHandleTypes without generic. */
    static final class GenericHandleUnsupported extends ReferenceApp {
        GenericHandleUnsupported(AppSettings s) { super(s); }

        @Override
        protected ProviderConfiguration providerConfiguration() {
            EnumSet<HandleType> types = EnumSet.of(HandleType.PHONE_NUMBER);
            settings.supportedHandleTypes().ifPresent(t -> {
                types.clear();
                types.addAll(t);
                types.remove(HandleType.GENERIC);
            });
            ProviderConfiguration reference = super.providerConfiguration();
            return ProviderConfiguration.builder("CallApp")
                    .supportedHandleTypes(types)
                    .maximumCallGroups(reference.maximumCallGroups())
                    .maximumCallsPerCallGroup(reference.maximumCallsPerCallGroup())
                    .build();
        }
    }

    /** Builds its provider configuration without supportedHandleTypes, which stays the builder's (and CallKit's) empty set. */
    static final class NoSupportedHandleTypes extends ReferenceApp {
        NoSupportedHandleTypes(AppSettings s) { super(s); }

        @Override
        protected ProviderConfiguration providerConfiguration() {
            ProviderConfiguration reference = super.providerConfiguration();
            return ProviderConfiguration.builder("CallApp")
                    .maximumCallGroups(reference.maximumCallGroups())
                    .maximumCallsPerCallGroup(reference.maximumCallsPerCallGroup())
                    .build();
        }
    }
}
