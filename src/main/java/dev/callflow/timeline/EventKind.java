package dev.callflow.timeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static dev.callflow.timeline.EventKind.Category.APNS;
import static dev.callflow.timeline.EventKind.Category.APP_LOG;
import static dev.callflow.timeline.EventKind.Category.HARNESS;
import static dev.callflow.timeline.EventKind.Category.MEDIA_SDK;
import static dev.callflow.timeline.EventKind.Category.SIGNALLING_EVENT;
import static dev.callflow.timeline.EventKind.Category.SIGNALLING_REQUEST;
import static dev.callflow.timeline.EventKind.Category.SYSTEM_API;
import static dev.callflow.timeline.EventKind.Category.SYSTEM_CALLBACK;
import static dev.callflow.timeline.EventKind.Category.SYSTEM_EFFECT;
import static dev.callflow.timeline.EventKind.Category.UNRECOGNISED;
import static dev.callflow.timeline.EventKind.Category.USER_GESTURE;
import static dev.callflow.timeline.EventKind.Category.VERDICT;
import static dev.callflow.timeline.EventKind.Logs.GRAMMAR;
import static dev.callflow.timeline.EventKind.Logs.STANDARD;

/**
 * The event vocabulary: every kind of event the harness records on a timeline, and every standard name the device-log
 * reader gives a record, with who produces it ({@link #source()}), what kind of act it is ({@link #category()}),
 * whether a real phone shows it from outside the app ({@link #platformObservable()}), the iOS API it stands for, what
 * it means, and its attributes. {@code ./callflow events} prints it; {@code docs/events.md} is generated from it.
 * <p>
 * An app's own log lines (whatever word an app passes to {@code AppEnvironment.log}, or an external implementation to
 * the protocol's {@code log} message) are not kinds: {@link #named} finds nothing for them. The few app words that the
 * seed grammar or a rule reads are kinds of {@link Category#APP_LOG}, never platform-observable.
 * <p>
 * The wire name ({@link #wireName()}, also {@link #toString()}) is what a timeline and a feature table write. A kind
 * may come from more than one source ({@link #sources()}): {@link #FAULT_INJECTED} (system or signalling) and
 * {@link #LOG} (app or system).
 */
public enum EventKind {

    // ---- system: callbacks into the app --------------------------------------------------------------------

    PERFORM_START_CALL_ACTION(Source.SYSTEM, SYSTEM_CALLBACK, "performStartCallAction", STANDARD,
            "provider(_:perform: CXStartCallAction)",
            "The system asks the app to start the outgoing call it requested; the app connects it, then fulfils or "
                    + "fails the action.",
            performAttributes()),
    PERFORM_ANSWER_CALL_ACTION(Source.SYSTEM, SYSTEM_CALLBACK, "performAnswerCallAction", STANDARD,
            "provider(_:perform: CXAnswerCallAction)",
            "The system asks the app to answer the incoming call: the user answered on the system call UI or with the "
                    + "headset, or chose Hold & Accept or End & Accept.",
            performAttributes()),
    PERFORM_END_CALL_ACTION(Source.SYSTEM, SYSTEM_CALLBACK, "performEndCallAction", STANDARD,
            "provider(_:perform: CXEndCallAction)",
            "The system asks the app to end the call: the app's own end request, Decline or End on the system call "
                    + "UI, the side or headset button, the ring timeout, an action timeout, or End & Accept.",
            performAttributes()),
    PERFORM_SET_HELD_CALL_ACTION(Source.SYSTEM, SYSTEM_CALLBACK, "performSetHeldCallAction", STANDARD,
            "provider(_:perform: CXSetHeldCallAction)",
            "The system asks the app to hold or resume the call: Hold & Accept, the app's own request, or the system "
                    + "resuming a held call after the other call ended on this phone.",
            performAttributes(a("onHold", "true to hold, false to resume"))),
    PERFORM_SET_MUTED_CALL_ACTION(Source.SYSTEM, SYSTEM_CALLBACK, "performSetMutedCallAction", STANDARD,
            "provider(_:perform: CXSetMutedCallAction)",
            "The system asks the app to mute or unmute the call.",
            performAttributes()),
    PERFORM_PLAY_DTMF_CALL_ACTION(Source.SYSTEM, SYSTEM_CALLBACK, "performPlayDTMFCallAction", STANDARD,
            "provider(_:perform: CXPlayDTMFCallAction)",
            "The system asks the app to play DTMF tones. Only device logs have it: the simulator never sends it.",
            performAttributes()),
    PERFORM_SET_GROUP_CALL_ACTION(Source.SYSTEM, SYSTEM_CALLBACK, "performSetGroupCallAction", STANDARD,
            "provider(_:perform: CXSetGroupCallAction)",
            "The system asks the app to merge or split calls. Only device logs have it: the simulator never sends it.",
            performAttributes()),
    TIMED_OUT_PERFORMING_ACTION(Source.SYSTEM, SYSTEM_CALLBACK, "timedOutPerformingAction", STANDARD,
            "provider(_:timedOutPerforming:)",
            "The app did not complete an action within the action timeout: the system gives up on it, and ends the "
                    + "call unless the action was a mute (R-TX-2).",
            a("action", "the action's type: start, answer, end, setHeld or setMuted"),
            a("actionId", "the id the action's perform*CallAction carried as action"),
            a("after", "the action timeout, e.g. 1500ms")),
    DID_ACTIVATE_AUDIO_SESSION(Source.SYSTEM, SYSTEM_CALLBACK, "didActivateAudioSession", STANDARD,
            "provider(_:didActivate:)",
            "The system activated the audio session for the call: media I/O may start now, and not before (R-AUD-2).",
            a("via", "device logs of the daemons only: mediaserverd (its activate names a controlling_PID) or "
                    + "callservicesd (it lowers the other interruption providers' priority)"),
            a("controllingPid", "with via=mediaserverd: the process that activated the app's session, callservicesd")),
    DID_DEACTIVATE_AUDIO_SESSION(Source.SYSTEM, SYSTEM_CALLBACK, "didDeactivateAudioSession", STANDARD,
            "provider(_:didDeactivate:)",
            "The system deactivated the audio session (the call ended or was held): media I/O must have stopped "
                    + "(R-AUD-3).",
            a("via", "device logs of the daemons only: mediaserverd (its deactivate names a controlling_PID)"),
            a("controllingPid", "with via=mediaserverd: the process that deactivated the app's session")),
    PROVIDER_DID_RESET(Source.SYSTEM, SYSTEM_CALLBACK, "providerDidReset", STANDARD,
            "providerDidReset(_:)",
            "The system reset the provider: every call has ended; the app tears down all call state and completes no "
                    + "pending action (R-END-4)."),
    PROVIDER_DID_BEGIN(Source.SYSTEM, SYSTEM_CALLBACK, "providerDidBegin", STANDARD,
            "providerDidBegin(_:)",
            "The provider is ready to send actions and receive updates. Only device logs have it."),
    EXECUTE_TRANSACTION(Source.SYSTEM, SYSTEM_CALLBACK, "executeTransaction", STANDARD,
            "provider(_:execute:)",
            "The system offers the app a whole transaction before performing its actions one by one. Only device logs "
                    + "have it."),
    REPORT_NEW_INCOMING_CALL_COMPLETION(Source.SYSTEM, SYSTEM_CALLBACK, "reportNewIncomingCallCompletion", STANDARD,
            "the completion of CXProvider.reportNewIncomingCall(with:update:completion:)",
            "The system answers the app's incoming-call report: without an error the call rings; with one the system "
                    + "refused it, shows nothing, and the app must not proceed with the call (R-INC-1).",
            a("error", "the CXErrorCodeIncomingCallError, e.g. filteredByDoNotDisturb; absent when the call was accepted"),
            a("code", "the error's number, e.g. 3")),
    REQUEST_TRANSACTION_COMPLETION(Source.SYSTEM, SYSTEM_CALLBACK, "requestTransactionCompletion", STANDARD,
            "the completion of CXCallController.request(_:completion:)",
            "The system answers the app's transaction request: without an error its actions will be performed; with "
                    + "one, none will (R-TX-3).",
            a("error", "the CXErrorCodeRequestTransactionError, e.g. unknownCallUUID; absent when the request was "
                    + "accepted"),
            a("code", "the error's number, e.g. 4")),
    DID_RECEIVE_INCOMING_PUSH(Source.SYSTEM, SYSTEM_CALLBACK, "didReceiveIncomingPush", STANDARD,
            "pushRegistry(_:didReceiveIncomingPushWith:for:completion:)",
            "PushKit hands the app a VoIP push; the app must report a call before the method returns (R-PUSH-1).",
            a("apnsId", "the push's apns-id, as APNs gave it to the app server"),
            a("type", "the push type, voIP")),
    DID_RECEIVE_INCOMING_PUSH_WITH_PAYLOAD(Source.SYSTEM, SYSTEM_CALLBACK, "didReceiveIncomingPushWithPayload",
            STANDARD, "pushRegistry:didReceiveIncomingPushWithPayload:forType:",
            "PushKit hands the app a push, as older logs name the delegate method. Only device logs have it, and only "
                    + "a record that is just this name and key=value pairs keeps it; in free text the reader reads "
                    + "it as didReceiveIncomingPush."),
    DID_UPDATE_PUSH_CREDENTIALS(Source.SYSTEM, SYSTEM_CALLBACK, "didUpdatePushCredentials", STANDARD,
            "pushRegistry(_:didUpdate:for:)",
            "PushKit gives the app its VoIP push token, which the app uploads to its server.",
            a("token", "the 64-hex APNs device token")),
    DID_INVALIDATE_PUSH_TOKEN(Source.SYSTEM, SYSTEM_CALLBACK, "didInvalidatePushToken", STANDARD,
            "pushRegistry(_:didInvalidatePushTokenFor:)",
            "PushKit invalidated the app's push token. Only device logs have it."),
    CALL_CHANGED(Source.SYSTEM, SYSTEM_CALLBACK, "callChanged", STANDARD,
            "CXCallObserverDelegate.callObserver(_:callChanged:)",
            "A call, the app's or another app's or the phone's, changed state (R-CFG-6). Only device logs have it."),
    AUDIO_SESSION_INTERRUPTION(Source.SYSTEM, SYSTEM_CALLBACK, "audioSessionInterruption", STANDARD,
            "AVAudioSession.interruptionNotification",
            "The audio session was interrupted, or the interruption ended. Only device logs have it."),
    CONTINUE_USER_ACTIVITY(Source.SYSTEM, SYSTEM_CALLBACK, "continueUserActivity", STANDARD,
            "application(_:continue:restorationHandler:)",
            "The system hands the app a call the user tapped in Recents or Contacts, as an NSUserActivity; only for a "
                    + "handle type in the provider's supportedHandleTypes (R-CFG-3).",
            a("handle", "the tapped handle's value"),
            a("handleType", "generic, phoneNumber or emailAddress"),
            a("intent", "the activity's intent, INStartCallIntent")),
    APP_DID_ENTER_BACKGROUND(Source.SYSTEM, SYSTEM_CALLBACK, "appDidEnterBackground", STANDARD,
            "applicationDidEnterBackground(_:)",
            "The app moved to the background: the user locked the phone or left the app."),
    APP_WILL_ENTER_FOREGROUND(Source.SYSTEM, SYSTEM_CALLBACK, "appWillEnterForeground", STANDARD,
            "applicationWillEnterForeground(_:)",
            "The app comes back to the foreground: the user opened it, answered on the unlocked phone, or tapped one "
                    + "of its calls in Recents."),

    // ---- system: what the system does on its own -------------------------------------------------------------

    APP_LAUNCHED(Source.SYSTEM, SYSTEM_EFFECT, "appLaunched", STANDARD,
            "the system starts the app process; application(_:didFinishLaunchingWithOptions:) follows",
            "The system launched the app process: the user opened it, or a VoIP push cold-launched it in the "
                    + "background.",
            a("reason", "user, or voipPush"),
            a("state", "the state it launched into: foreground or background")),
    APP_WOKEN_FOR_PUSH(Source.SYSTEM, SYSTEM_EFFECT, "appWokenForPush", STANDARD,
            "PushKit resumes the app in the background",
            "A VoIP push reached the app while it was in the background."),
    APP_TERMINATED(Source.SYSTEM, SYSTEM_EFFECT, "appTerminated", STANDARD,
            "the system ends the app process",
            "The app process died: killed over an unreported push, by the launch watchdog or by the user, or it "
                    + "crashed. Its calls end with it.",
            a("reason", "pushNotReported, launchWatchdog, killed, userForceQuit (swiped up in the app switcher; a "
                    + "VoIP push still launches the app since iOS 13) or crash"),
            a("exception", "what killed it: NSInternalInconsistencyException (an unreported push), 0x8badf00d (the "
                    + "launch watchdog), a crash's exception such as NSInvalidArgumentException; for an external "
                    + "implementation the bridge's verdict: iutExited, iutNoHello, iutNotStarted, iutHung, "
                    + "iutProtocolError or iutFlood"),
            a("detail", "the message, e.g. PushKit's \"Killing app because it never posted an incoming call…\"")),
    INCOMING_CALL_UI_SHOWN(Source.SYSTEM, SYSTEM_EFFECT, "incomingCallUiShown", STANDARD,
            "the system's incoming-call UI",
            "The system shows the incoming-call UI for a call it accepted, on the lock screen or as a banner.",
            a("lockScreen", "true when the phone is locked"),
            a("options", "the choices offered: answer,decline; with a call live endAndAccept,holdAndAccept,decline or "
                    + "endAndAccept,decline (R-MULTI-1)")),
    RING_TIMEOUT(Source.SYSTEM, SYSTEM_EFFECT, "ringTimeout", STANDARD,
            "the system's ring timeout (about 60 s since iOS 16; undocumented)",
            "The call rang unanswered past the ring timeout: the system ends it with a CXEndCallAction "
                    + "(origin=ringTimeout) (R-INC-5).",
            a("after", "the ring timeout, e.g. 3000ms")),
    CALL_CARRIED_OVER(Source.SYSTEM, HARNESS, "callCarriedOver", GRAMMAR,
            "none: a precondition the scenario sets",
            "The system still holds a call an earlier launch of the app reported and never ended (R-END-3's ghost call); "
                    + "the running app never heard of it.",
            a("handle", "the call's remote handle value"),
            a("why", "how the call came to be left over")),
    CALL_ENDED(Source.SYSTEM, SYSTEM_EFFECT, "callEnded", STANDARD,
            "the system ends the call and dismisses its UI",
            "The call ended in the system: the app reported it ended, an end action completed, an answer or start "
                    + "failed, the app died, or the provider was reset or invalidated.",
            a("why", "in words, e.g. \"app reported remoteEnded\", \"end action fulfilled\", \"provider reset\"")),
    AUDIO_SESSION_ACTIVATION_FAILED(Source.SYSTEM, SYSTEM_EFFECT, "audioSessionActivationFailed", STANDARD,
            "CallKit cannot activate the AVAudioSession",
            "The system could not activate the audio session for the call because the app had activated it itself: "
                    + "no didActivateAudioSession comes (R-AUD-1).",
            a("why", "in words")),
    AUDIO_SESSION_DEACTIVATED(Source.SYSTEM, SYSTEM_EFFECT, "audioSessionDeactivated", STANDARD,
            "the system deactivates the AVAudioSession",
            "The system deactivated the audio session but had no provider delegate to tell.",
            a("delegate", "none")),
    ACTION_UNDELIVERABLE(Source.SYSTEM, SYSTEM_EFFECT, "actionUndeliverable", STANDARD,
            "a CXAction for a provider without a delegate",
            "The system had an action for the app but no provider with a delegate to deliver it to.",
            a("action", "the action's id, as its perform*CallAction carries it"),
            a("why", "in words")),
    PUSH_NOT_REPORTED(Source.SYSTEM, SYSTEM_EFFECT, "pushNotReported", STANDARD,
            "-[PKPushRegistry _terminateAppIfThereAreUnhandledVoIPPushes]",
            "The app did not report a call for a VoIP push before its delegate returned (or had no delegate): PushKit "
                    + "kills the app (R-PUSH-1), and counts the failure towards the push ban (R-PUSH-2).",
            a("failures", "how many pushes the app has failed so far"),
            a("exception", "NSInternalInconsistencyException; 0xbaadca11 when a device log shows callservicesd's kill"),
            a("where", "the PushKit method that kills, or callservicesd")),
    PUSH_NOT_DELIVERED(Source.SYSTEM, SYSTEM_EFFECT, "pushNotDelivered", STANDARD,
            "PushKit does not deliver the VoIP push",
            "A VoIP push APNs accepted never reached the app: PushKit no longer launches it after repeated failures "
                    + "(R-PUSH-2), the app set no PushKit delegate at launch (R-PUSH-6), or the launch watchdog killed "
                    + "it first.",
            a("apnsId", "the push's apns-id"),
            a("why", "in words; the push ban quotes the system's \"will not be launched because it failed to report…\""),
            a("failures", "with the launch watchdog: how many pushes the app has failed so far")),
    OTHER_CALL_INCOMING(Source.SYSTEM, SYSTEM_EFFECT, "otherCallIncoming", STANDARD,
            "a cellular call or another app's CallKit call rings",
            "A call that is not the app's comes in while the app's call is active (R-MULTI-3).",
            a("kind", "cellular or otherApp"),
            a("options", "what the system UI offers: endAndAccept,holdAndAccept,decline")),
    OTHER_CALL_ENDED(Source.SYSTEM, SYSTEM_EFFECT, "otherCallEnded", STANDARD,
            "the cellular or other app's call ends",
            "The other call ended: after an end on this phone the system resumes the app's held call; after a remote "
                    + "end the call stays held until the user resumes it (R-AUD-7).",
            a("kind", "cellular or otherApp"),
            a("by", "localUser or remote")),
    CONTINUE_USER_ACTIVITY_NOT_DELIVERED(Source.SYSTEM, SYSTEM_EFFECT, "continueUserActivityNotDelivered", GRAMMAR,
            "application(_:continue:restorationHandler:) is not called",
            "A tap in Recents or Contacts opened the app but gave it no call: the handle type is not in the provider's "
                    + "supportedHandleTypes (R-CFG-3).",
            a("handle", "the tapped handle's value"),
            a("handleType", "generic, phoneNumber or emailAddress"),
            a("supportedHandleTypes", "the live provider's, e.g. [phoneNumber], or \"no live provider\""),
            a("why", "in words")),

    // ---- system: the harness's own bookkeeping -------------------------------------------------------------

    TIME_PASSES(Source.SYSTEM, HARNESS, "timePasses", GRAMMAR, "none: a marker of the harness",
            "A scenario lets time pass on the device's virtual clock; timePassed marks the end.",
            a("duration", "how long, e.g. 2000ms")),
    TIME_PASSED(Source.SYSTEM, HARNESS, "timePassed", GRAMMAR, "none: a marker of the harness",
            "The time a timePasses asked for has passed.",
            a("duration", "as its timePasses"),
            a("since", "the sequence number of its timePasses")),
    HARNESS_FAULT(Source.SYSTEM, HARNESS, "harnessFault", STANDARD, "none: the harness failed",
            "The simulated system failed (an exception on its queue): the harness is wrong, not the app.",
            a("where", "which part, e.g. system queue"),
            a("error", "the exception")),
    FAULT_INJECTED(List.of(Source.SYSTEM, Source.SIGNALLING), HARNESS, "faultInjected", GRAMMAR,
            "none: a fault the scenario injects",
            "A scenario injected a fault: the system will never activate the audio session (system), or the signalling "
                    + "server delays, fails or resets an endpoint (signalling).",
            a("fault", "system: the fault in words; signalling: connectionReset"),
            a("endpoint", "signalling: accept, decline, hangup, busy, invite or login"),
            a("delay", "signalling: the delay, on the device's virtual clock"),
            a("status", "signalling: the HTTP status the endpoint answers with")),
    ACTIVATION_SUPPRESSED(Source.SYSTEM, HARNESS, "activationSuppressed", STANDARD,
            "none: a fault the scenario injects",
            "The injected fault swallowed an activation the system would have made: no didActivateAudioSession comes "
                    + "(R-AUD-6).",
            a("fault", "the fault in words")),
    PUSH_DELIVERY_DELAYED(Source.SYSTEM, HARNESS, "pushDeliveryDelayed", GRAMMAR,
            "none: a fault the scenario injects",
            "The injected network delay holds a VoIP push APNs accepted before it reaches the phone.",
            a("apnsId", "the push's apns-id"),
            a("delay", "the delay on the device's clock")),
    PUSH_DELIVERY_HELD(Source.SYSTEM, HARNESS, "pushDeliveryHeld", GRAMMAR,
            "none: a fault the scenario injects",
            "A VoIP push APNs accepted waits for the next one, so that both reach PushKit together (two pushes in flight).",
            a("apnsId", "the push's apns-id"),
            a("until", "what releases it")),
    PUSH_DROPPED(Source.SYSTEM, HARNESS, "pushDropped", GRAMMAR, "none: a fault the scenario injects",
            "The injected network fault loses a VoIP push APNs accepted: it never reaches the phone.",
            a("apnsId", "the push's apns-id"),
            a("why", "in words")),
    PUSH_DUPLICATED(Source.SYSTEM, HARNESS, "pushDuplicated", GRAMMAR, "none: a fault the scenario injects",
            "The injected network fault delivers a VoIP push twice, with the same payload (R-PUSH-8).",
            a("apnsId", "the push's apns-id")),
    APP_MAIN_THREAD_HANGS(Source.SYSTEM, HARNESS, "appMainThreadHangs", GRAMMAR, "none: a fault the scenario injects",
            "The injected fault blocks the app's main thread: nothing the system sends is handled until "
                    + "appMainThreadResumes.",
            a("in", "idle, or the perform*CallAction it hangs in"),
            a("for", "how long, on the device's virtual clock")),
    APP_MAIN_THREAD_RESUMES(Source.SYSTEM, HARNESS, "appMainThreadResumes", GRAMMAR,
            "none: a fault the scenario injects",
            "The injected hang is over: the app's main thread runs again.",
            a("in", "as its appMainThreadHangs")),
    PROVIDER_RESET(Source.SYSTEM, HARNESS, "providerReset", GRAMMAR, "none: a fault the scenario injects",
            "The scenario makes the system reset the provider: every call ends, the session is deactivated, then the "
                    + "app gets providerDidReset.",
            a("liveCalls", "how many calls the reset ends")),
    DO_NOT_DISTURB_NOT_APPLIED(Source.SYSTEM, HARNESS, "doNotDisturbNotApplied", GRAMMAR,
            "none: the simulated iOS 10 quirk",
            "Do Not Disturb set to \"only while locked\" did not filter a call on the locked phone: no error, and the "
                    + "incoming-call UI shows (radar 32540260, R-INC-3).",
            a("mode", "whileLocked"),
            a("radar", "32540260")),

    // ---- app: system APIs the app calls ------------------------------------------------------------------------

    PROVIDER_CREATED(Source.APP, SYSTEM_API, "providerCreated", GRAMMAR, "CXProvider(configuration:)",
            "The app creates a CXProvider; a VoIP app creates one for its lifetime (R-CFG-1).",
            a("instance", "1 for the app's first provider, then counting"),
            a("liveProviders", "how many of its providers are not invalidated, this one included"),
            a("maximumCallGroups", "from its CXProviderConfiguration"),
            a("maximumCallsPerCallGroup", "from its CXProviderConfiguration"),
            a("supportedHandleTypes", "from its CXProviderConfiguration, e.g. [generic, phoneNumber]")),
    PROVIDER_CONFIGURATION_CHANGED(Source.APP, SYSTEM_API, "providerConfigurationChanged", GRAMMAR,
            "CXProvider.configuration",
            "The app changes its provider's configuration instead of creating another provider.",
            a("instance", "which provider")),
    PROVIDER_INVALIDATED(Source.APP, SYSTEM_API, "providerInvalidated", GRAMMAR, "CXProvider.invalidate()",
            "The app invalidates a provider: its calls end in failure (R-END-4).",
            a("instance", "which provider")),
    REPORT_NEW_INCOMING_CALL(Source.APP, SYSTEM_API, "reportNewIncomingCall", STANDARD,
            "CXProvider.reportNewIncomingCall(with:update:completion:)",
            "The app reports an incoming call to the system; for a VoIP push, before its PushKit delegate returns "
                    + "(R-PUSH-1).",
            a("handle", "the CXCallUpdate's remoteHandle value, possibly blank"),
            a("handleType", "generic, phoneNumber or emailAddress"),
            a("caller", "the localizedCallerName")),
    REPORT_NEW_INCOMING_VOIP_PUSH_PAYLOAD(Source.APP, SYSTEM_API, "reportNewIncomingVoIPPushPayload", STANDARD,
            "CXProvider.reportNewIncomingVoIPPushPayload(_:completion:)",
            "A Notification Service Extension hands a VoIP payload to the system (iOS 14.5+, R-PUSH-8). Only device "
                    + "logs have it."),
    REPORT_CALL_ENDED(Source.APP, SYSTEM_API, "reportCallEnded", STANDARD,
            "CXProvider.reportCall(with:endedAt:reason:)",
            "The app tells the system that a call ended without the user ending it here: a remote hang-up, a "
                    + "failure, no answer (R-END-1).",
            a("reason", "the CXCallEndedReason: failed, remoteEnded, unanswered, answeredElsewhere or declinedElsewhere"),
            a("knownCall", "whether the system still had the call live; false for an unknown or already ended call")),
    REPORT_OUTGOING_CALL_STARTED_CONNECTING(Source.APP, SYSTEM_API, "reportOutgoingCallStartedConnecting", STANDARD,
            "CXProvider.reportOutgoingCall(with:startedConnectingAt:)",
            "The app tells the system its outgoing call started connecting (R-OUT-1)."),
    REPORT_OUTGOING_CALL_CONNECTED(Source.APP, SYSTEM_API, "reportOutgoingCallConnected", STANDARD,
            "CXProvider.reportOutgoingCall(with:connectedAt:)",
            "The app tells the system its outgoing call connected; without it the call counts as cancelled (R-OUT-1)."),
    REPORT_OUTGOING_CALL(Source.APP, SYSTEM_API, "reportOutgoingCall", STANDARD,
            "CXProvider.reportOutgoingCall(with:startedConnectingAt:) or (with:connectedAt:)",
            "An outgoing-call report whose kind the device log does not say. Only device logs have it."),
    REQUEST_TRANSACTION(Source.APP, SYSTEM_API, "requestTransaction", STANDARD,
            "CXCallController.request(_:completion:)",
            "The app asks the system for actions on a call: start, answer, end, hold, mute.",
            a("actions", "the CXActions' types in order, comma-separated: start, answer, end, setHeld, setMuted")),
    FULFILL(Source.APP, SYSTEM_API, "fulfill", STANDARD,
            "CXAction.fulfill() (and fulfill(withDateConnected:), fulfill(withDateStarted:), fulfill(withDateEnded:))",
            "The app completes an action successfully; every action exactly once (R-TX-1).",
            completionAttributes()),
    FAIL(Source.APP, SYSTEM_API, "fail", STANDARD, "CXAction.fail()",
            "The app completes an action as failed; every action exactly once (R-TX-1).",
            completionAttributes()),
    AUDIO_SESSION_SET_CATEGORY(Source.APP, SYSTEM_API, "audioSessionSetCategory", STANDARD,
            "AVAudioSession.setCategory(_:mode:options:)",
            "The app configures the audio session's category and mode, which is all it may do to the session.",
            a("category", "e.g. playAndRecord"),
            a("mode", "e.g. voiceChat")),
    AUDIO_SESSION_SET_ACTIVE(Source.APP, SYSTEM_API, "audioSessionSetActive", STANDARD, "AVAudioSession.setActive(_:)",
            "The app activates or deactivates the audio session itself; under CallKit only the system activates it "
                    + "(R-AUD-1).",
            a("active", "true or false"),
            a("error", "561017449 when the system refused the activation"),
            a("reason", "'!pri' Insufficient priority, with that error")),
    PUSH_REGISTRY_DELEGATE_SET(Source.APP, SYSTEM_API, "pushRegistryDelegateSet", GRAMMAR,
            "PKPushRegistry.delegate and desiredPushTypes",
            "The app registers for VoIP pushes; it must do so at launch (R-PUSH-6).",
            a("desiredPushTypes", "voIP")),
    PUSH_COMPLETION(Source.APP, SYSTEM_API, "pushCompletion", GRAMMAR,
            "the completion handler of pushRegistry(_:didReceiveIncomingPushWith:for:completion:)",
            "The app tells PushKit it has finished with a push; safely after its report's completion (R-PUSH-3).",
            a("apnsId", "the push's apns-id")),

    // ---- app: the app's own words that the vocabulary knows --------------------------------------------------

    HANDLE_INCOMING_CALL(Source.APP, APP_LOG, "handleIncomingCall", STANDARD, "none: the seed app's own log word",
            "The app starts handling an incoming call (the seed's word; the seed grammar and the standard vocabulary "
                    + "know it).",
            a("via", "the reference app: push or signalling")),
    END_CALL_WITH_COMPLETION(Source.APP, APP_LOG, "endCallWithCompletion", STANDARD,
            "none: the seed app's own log word, before its CXEndCallAction request",
            "The app asks to end a call (the seed's word); the rules read it as an end request."),
    START_CALL_WITH_COMPLETION(Source.APP, APP_LOG, "startCallWithCompletion", GRAMMAR,
            "none: the seed grammar's word, before a CXStartCallAction request",
            "The app starts an outgoing call; R-CFG-3 reads its handle type when it has one.",
            a("handle", "the callee's handle"),
            a("handleType", "generic, phoneNumber or emailAddress, when the app writes it")),
    START_CALL(Source.APP, APP_LOG, "startCall", STANDARD, "none: an app's own log word",
            "An app's word for starting an outgoing call, kept from the first vocabulary; no rule reads it."),
    INCOMING_CALL_REJECTED(Source.APP, APP_LOG, "incomingCallRejected", GRAMMAR, "none: the reference app's own log word",
            "The app notes that the system refused its incoming-call report; R-INC-3 counts it, like a busy or "
                    + "decline request, as telling the caller.",
            a("error", "the refusal's CXErrorCodeIncomingCallError")),

    // ---- app: verdicts of the bridge to an external implementation --------------------------------------------

    IUT_HELLO(Source.APP, VERDICT, "iutHello", GRAMMAR, "none: the callflow-iut hello message",
            "The external implementation greeted the harness with a protocol version it speaks.",
            a("name", "the implementation's name"),
            a("version", "its version"),
            a("via", "the channel: its command line or a TCP address")),
    HTTP_REFUSED(Source.APP, VERDICT, "httpRefused", GRAMMAR, "none: the harness is the external app's network",
            "The external implementation asked for a path outside /v1/: the harness refused it without any request "
                    + "(httpResponse status 0, error forbidden).",
            a("method", "the request's method"),
            a("path", "the path it asked for"),
            a("why", "why it was refused")),
    APP_LOG_LINE(Source.APP, Category.APP_LOG, "appLogLine", GRAMMAR, "none: an app's own log line",
            "An external app's log line whose word is also an event of this vocabulary: recorded under this name, with "
                    + "the word in 'event', so that a log line can never pass for the platform event it names.",
            a("event", "the app's word")),
    IUT_STDERR(Source.APP, VERDICT, "iutStderr", GRAMMAR, "none: the external implementation's stderr",
            "The external implementation wrote a line on stderr. A session records the first 100 lines (64 Ki "
                    + "characters, 4 KiB a line) and counts the rest; the line where it cut says so.",
            a("text", "the line"),
            a("truncated", "true on the one event that says where stderr was cut (its text says how); what follows is counted")),
    IUT_PROTOCOL_ERROR(Source.APP, VERDICT, "iutProtocolError", GRAMMAR, "none: a callflow-iut protocol violation",
            "The external implementation broke the protocol; the session ends (appTerminated exception=iutProtocolError).",
            a("line", "the offending line's number"),
            a("problem", "what is wrong with it"),
            a("text", "the line, shortened")),
    IUT_HUNG(Source.APP, VERDICT, "iutHung", GRAMMAR, "none: the callflow-iut hang guard",
            "The external implementation did not answer within the hang guard; the session ends "
                    + "(appTerminated exception=iutHung).",
            a("where", "the delegate method or message it hangs in"),
            a("waited", "the hang guard, e.g. 5000ms")),
    IUT_FLOOD(Source.APP, VERDICT, "iutFlood", GRAMMAR, "none: the callflow-iut flood guard",
            "The external implementation wrote more messages than one session allows; the session ends "
                    + "(appTerminated exception=iutFlood).",
            a("limit", "the most messages a session may hold")),

    // ---- app or system: what the device-log reader did not recognise -----------------------------------------

    LOG(List.of(Source.APP, Source.SYSTEM), UNRECOGNISED, "log", STANDARD, "none: a record the reader did not recognise",
            "A device-log record the reader did not recognise, kept with its text: system for a system process's line "
                    + "(callservicesd, mediaserverd, …), app otherwise.",
            a("text", "the record's text")),

    // ---- sdk: the media SDK the app links ---------------------------------------------------------------------

    PREPARE_SDK(Source.SDK, MEDIA_SDK, "prepareSDK", STANDARD, "mediasdk prepareSDK()",
            "The app prepares the media SDK for a call.",
            a("alreadyPrepared", "true when it was prepared already and not released since")),
    UNPREPARE_SDK(Source.SDK, MEDIA_SDK, "unprepareSDK", STANDARD, "mediasdk unprepareSDK()",
            "The app releases the media SDK: after performEndCallAction, never before (R-END-2).",
            a("wasPrepared", "whether it was prepared"),
            a("audioRunning", "true when media I/O still ran")),
    CONFIG_AUDIO(Source.SDK, MEDIA_SDK, "configAudio", STANDARD, "mediasdk configAudio()",
            "The app configures the SDK's audio; in CallKit mode in perform Answer/StartCallAction.",
            a("result", "ok or failed"),
            a("why", "with failed: why")),
    START_AUDIO(Source.SDK, MEDIA_SDK, "startAudio", STANDARD, "mediasdk startAudio()",
            "The app starts media I/O; in CallKit mode in didActivateAudioSession, never before it (R-AUD-2).",
            a("result", "ok or failed"),
            a("session", "with ok: who activated the session, callkit or app"),
            a("error", "with failed for want of a session: 561145187 ('!rec', AUIOClient_StartIO failed)"),
            a("why", "with failed: why")),
    STOP_AUDIO(Source.SDK, MEDIA_SDK, "stopAudio", STANDARD, "mediasdk stopAudio()",
            "The app stops media I/O; in CallKit mode in didDeactivateAudioSession (R-AUD-3).",
            a("wasRunning", "whether media I/O ran")),
    RELEASE_AUDIO(Source.SDK, MEDIA_SDK, "releaseAudio", STANDARD, "mediasdk releaseAudio()",
            "The app releases the SDK's audio; in CallKit mode in performEndCallAction, never before it (R-END-2).",
            a("audioRunning", "true when media I/O still ran")),

    // ---- push: the app server and APNs ---------------------------------------------------------------------------

    PUSH_SENT(Source.PUSH, APNS, "pushSent", GRAMMAR, "POST /3/device/<token> to APNs (HTTP/2)",
            "The app server sends a push to APNs.",
            a("topic", "the apns-topic header, <bundle id>.voip for VoIP"),
            a("pushType", "the apns-push-type header, voip for VoIP (R-PUSH-7)")),
    APNS_RESPONSE(Source.PUSH, APNS, "apnsResponse", GRAMMAR, "APNs' HTTP/2 response",
            "APNs answers the app server.",
            a("status", "200 when accepted, else the rejection's status"),
            a("reason", "with a rejection: APNs' reason, e.g. BadDeviceToken"),
            a("apnsId", "the apns-id APNs gave the push")),
    PUSH_ACCEPTED(Source.PUSH, APNS, "pushAccepted", GRAMMAR, "APNs accepts a push for the device's token",
            "APNs accepted a push for this phone and sends it on towards it.",
            a("apnsId", "the push's apns-id"),
            a("topic", "its apns-topic"),
            a("pushType", "its apns-push-type"),
            a("priority", "its apns-priority"),
            a("payloadType", "the payload's own type field, e.g. call or message; R-PUSH-4 judges non-call pushes by it")),
    PUSH_REJECTED(Source.PUSH, APNS, "pushRejected", GRAMMAR, "APNs rejects a push for the device's token",
            "APNs rejected a push addressed to this phone's token.",
            a("apnsId", "the push's apns-id"),
            a("reason", "APNs' reason, e.g. BadTopic"),
            a("status", "the HTTP status")),
    PUSH_PAYLOAD_UNREADABLE(Source.PUSH, HARNESS, "pushPayloadUnreadable", GRAMMAR,
            "none: the harness could not decode a payload",
            "An accepted push's payload is not the JSON the harness reads; the push goes on to the phone without fields.",
            a("apnsId", "the push's apns-id"),
            a("problem", "why it cannot be read")),

    // ---- signalling: the app's requests to its server ------------------------------------------------------------

    LOGIN(Source.SIGNALLING, SIGNALLING_REQUEST, "login", GRAMMAR, "POST /v1/devices/{deviceId}/login",
            "The app logs in to its signalling server.", requestAttributes()),
    UPLOAD_PUSH_TOKEN(Source.SIGNALLING, SIGNALLING_REQUEST, "uploadPushToken", GRAMMAR,
            "PUT /v1/devices/{deviceId}/push-token",
            "The app uploads its VoIP push token to its server.", requestAttributes()),
    INVITE(Source.SIGNALLING, SIGNALLING_REQUEST, "invite", GRAMMAR, "POST /v1/calls",
            "The app invites the callee to an outgoing call.", requestAttributes()),
    CALL_STATE(Source.SIGNALLING, SIGNALLING_REQUEST, "callState", GRAMMAR, "GET /v1/calls/{callId}",
            "The app asks its server for a call's state, e.g. whether a late push's call is still ringing (R-PUSH-5).",
            requestAttributes()),
    ACCEPT(Source.SIGNALLING, SIGNALLING_REQUEST, "accept", GRAMMAR, "POST /v1/calls/{callId}/accept",
            "The app tells its server the user answered.", requestAttributes()),
    DECLINE(Source.SIGNALLING, SIGNALLING_REQUEST, "decline", GRAMMAR, "POST /v1/calls/{callId}/decline",
            "The app tells its server the user declined.", requestAttributes()),
    BUSY(Source.SIGNALLING, SIGNALLING_REQUEST, "busy", GRAMMAR, "POST /v1/calls/{callId}/busy",
            "The app tells its server it cannot take the call, e.g. the system refused it.", requestAttributes()),
    HANG_UP(Source.SIGNALLING, SIGNALLING_REQUEST, "hangUp", GRAMMAR, "POST /v1/calls/{callId}/hangup",
            "The app tells its server the call ended on this side.", requestAttributes()),
    UNKNOWN_REQUEST(Source.SIGNALLING, SIGNALLING_REQUEST, "unknownRequest", GRAMMAR,
            "any other endpoint of the signalling server",
            "The app made a request to an endpoint the harness has no name for.", requestAttributes()),

    // ---- signalling: what the server sends --------------------------------------------------------------------------

    SERVER_EVENT(Source.SIGNALLING, SIGNALLING_EVENT, "serverEvent", GRAMMAR,
            "the server's event to the phone, relayed over HTTP",
            "An event from the signalling server reached the phone.",
            a("type", "offer, cancel, remoteHangup, answered, declined, busy, noAnswer, answeredElsewhere, or another "
                    + "word the server sends")),
    SERVER_EVENT_UNDELIVERED(Source.SIGNALLING, SIGNALLING_EVENT, "serverEventUndelivered", GRAMMAR,
            "the server's event to the phone, relayed over HTTP",
            "An event from the signalling server reached the phone while the app was not running.",
            a("type", "the event's type"),
            a("why", "in words")),
    MALFORMED_SERVER_EVENT(Source.SIGNALLING, SIGNALLING_EVENT, "malformedServerEvent", GRAMMAR,
            "the server's event to the phone, relayed over HTTP",
            "The phone's endpoint refused an event from the server that it could not read.",
            a("status", "what the phone's endpoint answered"),
            a("problem", "what is wrong with the event")),
    CALL_STATE_CHANGED(Source.SIGNALLING, SIGNALLING_EVENT, "callStateChanged", GRAMMAR,
            "the call's state on the signalling server (GET /v1/calls/{callId})",
            "The call's state on the server changed: the caller cancelled while the call's push was on its way "
                    + "(R-PUSH-5).",
            a("state", "cancelled"),
            a("by", "caller")),
    SERVER_SENDS(Source.SIGNALLING, HARNESS, "serverSends", GRAMMAR, "none: the scenario drives the server",
            "The scenario has the signalling server send an event; serverEvent marks its arrival.",
            a("type", "the event's type")),

    // ---- user: what a person does ----------------------------------------------------------------------------

    DEVICE_LOCKED(Source.USER, USER_GESTURE, "deviceLocked", GRAMMAR, "the side button locks the phone",
            "The user locks the phone; an app in the foreground goes to the background."),
    DEVICE_UNLOCKED(Source.USER, USER_GESTURE, "deviceUnlocked", GRAMMAR, "the user unlocks the phone",
            "The user unlocks the phone."),
    USER_TAPPED_ANSWER(Source.USER, USER_GESTURE, "userTappedAnswer", GRAMMAR, "Answer on the system's incoming-call UI",
            "The user answers the ringing call on the system call UI.",
            a("lockScreen", "true on the locked phone")),
    USER_TAPPED_DECLINE(Source.USER, USER_GESTURE, "userTappedDecline", GRAMMAR,
            "Decline on the system's incoming-call UI",
            "The user declines the ringing call on the system call UI.",
            a("lockScreen", "true on the locked phone")),
    USER_TAPPED_END_ON_SYSTEM_UI(Source.USER, USER_GESTURE, "userTappedEndOnSystemUi", GRAMMAR,
            "End on the system's in-call UI",
            "The user ends the call with the system's in-call UI (the lock screen's)."),
    USER_PRESSED_SIDE_BUTTON(Source.USER, USER_GESTURE, "userPressedSideButton", GRAMMAR, "the side (lock) button",
            "The user presses the side button during a call, which ends the active call (R-INC-6)."),
    USER_PRESSED_HEADSET_BUTTON(Source.USER, USER_GESTURE, "userPressedHeadsetButton", GRAMMAR,
            "the headset's centre button",
            "The user presses the headset button: it ends the active call, or answers the ringing one (R-INC-6).",
            a("effect", "end or answer")),
    USER_TAPPED_RECENTS(Source.USER, USER_GESTURE, "userTappedRecents", GRAMMAR, "a call in Recents or Contacts",
            "The user taps one of the app's calls in Recents, which opens the app.",
            a("handle", "the handle's value"),
            a("handleType", "generic, phoneNumber or emailAddress")),
    USER_TAPPED_HOLD_AND_ACCEPT(Source.USER, USER_GESTURE, "userTappedHoldAndAccept", GRAMMAR,
            "Hold & Accept on the system's second-call UI",
            "The user holds the active call and answers the ringing one, both the app's (R-MULTI-1).",
            a("held", "the UUID of the call put on hold")),
    USER_TAPPED_END_AND_ACCEPT(Source.USER, USER_GESTURE, "userTappedEndAndAccept", GRAMMAR,
            "End & Accept on the system's second-call UI",
            "The user ends the active call and answers the ringing one, both the app's (R-MULTI-1).",
            a("ended", "the UUID of the call ended")),
    USER_CHOSE_HOLD_AND_ACCEPT(Source.USER, USER_GESTURE, "userChoseHoldAndAccept", GRAMMAR,
            "Hold & Accept for a cellular or other app's call",
            "The user holds the app's active call to take the other call (R-MULTI-3).",
            a("kind", "cellular or otherApp")),
    USER_CHOSE_END_AND_ACCEPT(Source.USER, USER_GESTURE, "userChoseEndAndAccept", GRAMMAR,
            "End & Accept for a cellular or other app's call",
            "The user ends the app's active call to take the other call (R-MULTI-3).",
            a("kind", "cellular or otherApp")),
    USER_DECLINED_OTHER_CALL(Source.USER, USER_GESTURE, "userDeclinedOtherCall", GRAMMAR,
            "Decline for a cellular or other app's call",
            "The user declines the other call; the app's call goes on.",
            a("kind", "cellular or otherApp")),
    USER_TAPPED_HANG_UP(Source.USER, USER_GESTURE, "userTappedHangUp", GRAMMAR, "hang-up in the app's own UI",
            "The user hangs up in the app's own UI; the app asks the system for an end action."),
    USER_STARTED_CALL(Source.USER, USER_GESTURE, "userStartedCall", GRAMMAR, "a call started in the app's own UI",
            "The user starts an outgoing call in the app's own UI.",
            a("handle", "the callee's handle")),
    USER_TAPPED_RESUME(Source.USER, USER_GESTURE, "userTappedResume", GRAMMAR, "resume in the app's own UI",
            "The user resumes a held call in the app's own UI (R-AUD-7)."),
    USER_TOGGLED_CALL_KIT(Source.USER, USER_GESTURE, "userToggledCallKit", GRAMMAR, "a switch in the app's settings",
            "The user switches the app's CallKit integration off or on (R-CFG-1).",
            a("enabled", "true or false")),
    OPTION_NOT_OFFERED(Source.USER, HARNESS, "optionNotOffered", GRAMMAR, "none: a scenario's check",
            "A scenario looked for a choice the incoming-call UI does not offer (R-MULTI-1).",
            a("choice", "the choice looked for, e.g. Hold & Accept"),
            a("offered", "what the UI offers, e.g. endAndAccept,decline"));

    /**
     * Names of any CXAction's perform callback, also of actions without a kind here: the standard vocabulary maps them
     * to the system.
     */
    public static final String PERFORM_PATTERN = "perform*CallAction";

    /** What kind of act an event is; whether a real phone shows it from outside the app follows from it. */
    public enum Category {
        SYSTEM_CALLBACK("system callback", true,
                "The system calls into the app: a CallKit, PushKit or UIKit delegate method or completion handler."),
        SYSTEM_API("system API", true,
                "The app calls a system API: CXProvider, CXCallController, CXAction, AVAudioSession, PushKit."),
        MEDIA_SDK("media SDK", true, "The app calls the media SDK it links (the seed's mediasdk); each call with its "
                + "outcome."),
        SIGNALLING_REQUEST("signalling request", true, "A request the app made to its signalling server, with the "
                + "server's answer."),
        SIGNALLING_EVENT("signalling event", true, "The signalling server sends the phone an event, or a call's state "
                + "on the server changes."),
        APNS("push", true, "The app server and APNs: a push sent, answered, accepted or rejected."),
        USER_GESTURE("user gesture", true, "A person acts: on the system call UI, the lock screen, a button, the "
                + "app's own UI."),
        SYSTEM_EFFECT("system effect", true, "The system acts on its own: it shows a UI, ends a call, launches, "
                + "wakes or kills the app, refuses a push."),
        HARNESS("harness-internal", false, "The harness's own bookkeeping: time markers, injected faults, checks, "
                + "its own failures."),
        VERDICT("verdict about the IUT", false, "The bridge to an implementation outside the JVM judges the "
                + "implementation's process."),
        APP_LOG("app log word", false, "An app's own log word that the seed grammar or a rule reads; an app need not "
                + "write it."),
        UNRECOGNISED("unrecognised log record", false, "A device-log record the reader did not recognise.");

        private final String label;
        private final boolean observable;
        private final String description;

        Category(String label, boolean observable, String description) {
            this.label = label;
            this.observable = observable;
            this.description = description;
        }

        public String label() { return label; }

        /** Whether events of this category are what a real phone and its servers show from outside the app. */
        public boolean observable() { return observable; }

        public String description() { return description; }
    }

    /** One attribute an event of a kind may carry, and what its value means. */
    public record Attribute(String key, String meaning) { }

    /** Whether the device-log reader knows a kind's name without a grammar. */
    enum Logs {
        /** The standard vocabulary knows the name: a device log may write it as it is. */
        STANDARD,
        /** Only the harness records it; a device log shows it only where a grammar maps an app's word to it. */
        GRAMMAR
    }

    private static final Map<String, EventKind> BY_NAME;
    private static final List<EventKind> ALL = List.of(values());

    static {
        Map<String, EventKind> byName = new LinkedHashMap<>();
        for (EventKind k : values()) {
            if (byName.put(k.wireName, k) != null) {
                throw new IllegalStateException("Two event kinds are named " + k.wireName);
            }
        }
        BY_NAME = Collections.unmodifiableMap(byName);
    }

    private final List<Source> sources;
    private final Category category;
    private final String wireName;
    private final boolean standard;
    private final String api;
    private final String meaning;
    private final List<Attribute> attributes;

    EventKind(Source source, Category category, String wireName, Logs logs, String api, String meaning,
              Attribute... attributes) {
        this(List.of(source), category, wireName, logs, api, meaning, attributes);
    }

    EventKind(List<Source> sources, Category category, String wireName, Logs logs, String api, String meaning,
              Attribute... attributes) {
        this.sources = List.copyOf(sources);
        this.category = category;
        this.wireName = wireName;
        this.standard = logs == STANDARD;
        this.api = api;
        this.meaning = meaning;
        this.attributes = List.of(attributes);
    }

    /** The name a timeline, a device log and a feature table write: {@code performAnswerCallAction}. */
    public String wireName() { return wireName; }

    /** Who produces it; for a kind of several sources, the usual one. */
    public Source source() { return sources.get(0); }

    /** Every source it may come from, the usual one first. */
    public List<Source> sources() { return sources; }

    public Category category() { return category; }

    /**
     * Whether a real phone and its servers show it from outside the app: everything except the harness's own
     * bookkeeping, the external bridge's verdicts and the app's own log words.
     */
    public boolean platformObservable() { return category.observable(); }

    /** The iOS API (or server endpoint, or gesture) it stands for; "none: …" for what has none. */
    public String api() { return api; }

    /** What it means, in one line. */
    public String meaning() { return meaning; }

    /** The attributes it may carry, in the order the harness records them. */
    public List<Attribute> attributes() { return attributes; }

    /**
     * Whether the device-log reader knows the name without a grammar (the standard {@link EventVocabulary}): a
     * record written as just this name and {@code key=value} pairs keeps it, and a seed-style {@code [CallKit]} line
     * of it gets this kind's source.
     */
    public boolean inStandardVocabulary() { return standard; }

    /** The wire name, so that a kind reads in messages as the timeline writes it. */
    @Override
    public String toString() { return wireName; }

    // ---- lookups ------------------------------------------------------------------------------------------------

    /** The kind of this name; empty for a name the vocabulary does not know (an app's own log word, a typo). */
    public static Optional<EventKind> named(String name) {
        return Optional.ofNullable(name == null ? null : BY_NAME.get(name));
    }

    /** Every kind, grouped by usual source and category in the order this catalogue lists them. */
    public static List<EventKind> all() { return ALL; }

    /** The kinds that may come from {@code source}. */
    public static List<EventKind> from(Source source) {
        return ALL.stream().filter(k -> k.sources.contains(source)).toList();
    }

    /** The kinds of one category. */
    public static List<EventKind> in(Category category) {
        return ALL.stream().filter(k -> k.category == category).toList();
    }

    /** The perform callbacks, one per CXAction the vocabulary names ({@link #PERFORM_PATTERN}). */
    public static List<EventKind> performs() {
        return ALL.stream().filter(k -> k.wireName.startsWith("perform") && k.wireName.endsWith("CallAction")).toList();
    }

    /**
     * One line on what {@code name} is: {@code performAnswerCallAction: system callback from system, platform-observable
     * — The system asks …}, or, for a name the vocabulary does not know, that it is none of its events (with the
     * names meant when it is a known wrong name or looks like a typo, {@link EventNameAdvice}).
     */
    public static String explain(String name) {
        Optional<EventKind> kind = named(name);
        if (kind.isPresent()) {
            EventKind k = kind.get();
            return k.wireName + ": " + k.category.label + " from "
                    + String.join(" or ", k.sources.stream().map(Source::label).toList())
                    + (k.platformObservable() ? ", platform-observable" : ", not platform-observable") + ": " + k.meaning;
        }
        List<String> close = EventNameAdvice.suggestions(name, 3);
        return "'" + name + "' is not an event of the vocabulary (an app's own log word?)"
                + (close.isEmpty() ? "" : "; did you mean " + String.join(", ", close) + "?");
    }

    /** Up to {@code limit} kind names within a small edit distance of {@code name}, closest first. */
    public static List<String> closest(String name, int limit) {
        String n = name == null ? "" : name.toLowerCase(Locale.ROOT);
        int bound = Math.max(2, n.length() / 4);
        List<Map.Entry<String, Integer>> near = new ArrayList<>();
        for (String k : BY_NAME.keySet()) {
            int d = EditDistance.between(n, k.toLowerCase(Locale.ROOT));
            if (d <= bound) {
                near.add(Map.entry(k, d));
            }
        }
        near.sort(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()));
        return near.stream().limit(limit).map(Map.Entry::getKey).toList();
    }


    // ---- shared attribute lists --------------------------------------------------------------------------------

    private static Attribute a(String key, String meaning) {
        return new Attribute(key, meaning);
    }

    private static Attribute[] performAttributes(Attribute... more) {
        List<Attribute> all = new ArrayList<>(List.of(
                a("action", "the action's id, which the app's fulfill or fail carries as actionId (device logs often "
                        + "have none)"),
                a("origin", "why the system performs it: transaction (the app's own request), systemCallUi, sideButton, "
                        + "headset, ringTimeout, actionTimeout, otherCall or otherCallEnded")));
        all.addAll(Arrays.asList(more));
        return all.toArray(Attribute[]::new);
    }

    private static Attribute[] completionAttributes() {
        return new Attribute[] {
                a("action", "the action's type: start, answer, end, setHeld or setMuted"),
                a("actionId", "the id the action's perform*CallAction carried as action"),
                a("duplicate", "true when the action had been completed before (R-TX-1)"),
                a("afterTimeout", "true when the action had already timed out (R-TX-2)"),
                a("callGone", "true when the system had ended the call meanwhile, so no answer was needed")};
    }

    private static Attribute[] requestAttributes() {
        return new Attribute[] {
                a("method", "the HTTP method"),
                a("path", "the request's path"),
                a("status", "the server's HTTP status; 0 when it reset the connection")};
    }
}
