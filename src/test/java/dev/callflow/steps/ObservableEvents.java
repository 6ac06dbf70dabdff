package dev.callflow.steps;

import dev.callflow.timeline.Source;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The events a conformance scenario may name: what a real phone lets an observer see from outside the app. Provisional:
 * the full event vocabulary (another change) will replace it; until then this is the one place that says which names
 * are platform-observable, read by {@link FeatureNeutralityTest}.
 * <p>
 * Source {@code app} holds only the app's calls into the platform that the simulated device itself records (CallKit,
 * PushKit and audio-session APIs). Every other event of source {@code app} is the app's own log line
 * ({@code env.log}), private to one implementation: {@code handleIncomingCall}, {@code lateServerAnswerIgnored}, ...
 * The other sources are observable by construction (the system, the media SDK's API, the signalling server, APNs, the
 * user), so their names are listed to catch a typo or a name given the wrong source.
 */
public final class ObservableEvents {
    private ObservableEvents() { }

    /** The app's calls into the platform APIs, recorded by the simulated device (never by the app's own log). */
    public static final List<String> APP_API_CALLS = List.of(
            // CXProvider
            "reportNewIncomingCall", "reportCallEnded", "reportOutgoingCallStartedConnecting", "reportOutgoingCallConnected",
            "providerCreated", "providerInvalidated", "providerConfigurationChanged",
            // CXCallController, CXAction
            "requestTransaction", "fulfill", "fail",
            // AVAudioSession
            "audioSessionSetCategory", "audioSessionSetActive",
            // PKPushRegistry
            "pushCompletion", "pushRegistryDelegateSet");

    /** Delegate callbacks and what the simulated system does on its own. */
    public static final List<String> SYSTEM = List.of(
            "performStartCallAction", "performAnswerCallAction", "performEndCallAction", "performSetHeldCallAction",
            "performSetMutedCallAction", "didActivateAudioSession", "didDeactivateAudioSession", "providerDidReset",
            "timedOutPerformingAction", "didReceiveIncomingPush", "didUpdatePushCredentials", "continueUserActivity",
            "reportNewIncomingCallCompletion", "requestTransactionCompletion", "incomingCallUiShown", "callEnded",
            "ringTimeout", "providerReset", "actionUndeliverable", "activationSuppressed", "audioSessionActivationFailed",
            "audioSessionDeactivated", "appLaunched", "appWokenForPush", "appDidEnterBackground", "appWillEnterForeground",
            "appTerminated", "appMainThreadHangs", "appMainThreadResumes", "pushNotReported", "pushNotDelivered",
            "pushDeliveryDelayed", "pushDropped", "pushDuplicated", "otherCallIncoming", "otherCallEnded",
            "continueUserActivityNotDelivered", "doNotDisturbNotApplied", "faultInjected", "timePassed", "timePasses");

    /** The media SDK's entry points (the seed's mediasdk). */
    public static final List<String> SDK = List.of(
            "prepareSDK", "unprepareSDK", "configAudio", "startAudio", "stopAudio", "releaseAudio");

    /** Requests the app sends to its signalling server, and what the server sends or records. */
    public static final List<String> SIGNALLING = List.of(
            "login", "uploadPushToken", "accept", "decline", "hangUp", "busy", "invite", "callState",
            "serverEvent", "serverSends", "serverEventUndelivered", "malformedServerEvent", "callStateChanged",
            "faultInjected", "unknownRequest");

    /** The app server and the mock APNs. */
    public static final List<String> PUSH = List.of("pushSent", "pushAccepted", "pushRejected", "apnsResponse",
            "pushPayloadUnreadable");

    /** A person's gestures. */
    public static final List<String> USER = List.of(
            "userTappedAnswer", "userTappedDecline", "userTappedHangUp", "userTappedEndOnSystemUi", "userStartedCall",
            "userTappedEndAndAccept", "userTappedHoldAndAccept", "userTappedResume", "userTappedRecents",
            "userPressedSideButton", "userPressedHeadsetButton", "userChoseHoldAndAccept", "userChoseEndAndAccept",
            "userDeclinedOtherCall", "userToggledCallKit", "optionNotOffered", "deviceLocked", "deviceUnlocked");

    private static final Map<String, Set<Source>> BY_NAME = build();

    private static Map<String, Set<Source>> build() {
        Map<String, Set<Source>> m = new LinkedHashMap<>();
        add(m, Source.APP, APP_API_CALLS);
        add(m, Source.SYSTEM, SYSTEM);
        add(m, Source.SDK, SDK);
        add(m, Source.SIGNALLING, SIGNALLING);
        add(m, Source.PUSH, PUSH);
        add(m, Source.USER, USER);
        return Map.copyOf(m);
    }

    private static void add(Map<String, Set<Source>> m, Source source, List<String> names) {
        for (String n : names) {
            m.computeIfAbsent(n, k -> EnumSet.noneOf(Source.class)).add(source);
        }
    }

    /** Whether an event of this name is platform-observable (from any source). */
    public static boolean observable(String name) {
        return BY_NAME.containsKey(name);
    }

    /** Whether an event of this name and source is platform-observable; a null source means "any". */
    public static boolean observable(Source source, String name) {
        Set<Source> sources = BY_NAME.get(name);
        return sources != null && (source == null || sources.contains(source));
    }

    /** The sources an observable name may come from; empty for a name that is not observable. */
    public static Set<Source> sourcesOf(String name) {
        return BY_NAME.getOrDefault(name, Set.of());
    }
}
