package dev.callflow.platform;

import java.util.UUID;

/**
 * The implementation under test, as the simulated device sees it: the app's entry points other than the CallKit
 * and PushKit delegates, which the app registers itself at launch. Every method runs on the app's main queue.
 */
public interface CallApp {

    /**
     * {@code application(_:didFinishLaunchingWithOptions:)}. Create the one {@code CXProvider} and set the PushKit
     * delegate here, before anything else (R-PUSH-6, R-CFG-1).
     */
    void didFinishLaunching(AppEnvironment env, LaunchReason reason);

    default void didEnterBackground() { }

    default void willEnterForeground() { }

    /** The user starts a call from the app's own UI. */
    void userStartsCall(UUID call, Handle handle);

    /** The user taps hang-up in the app's own call screen. */
    void userHangsUp(UUID call);

    /** The user resumes a held call from the app's own UI ({@code CXSetHeldCallAction(onHold: false)}, R-AUD-7). */
    default void userResumesCall(UUID call) { }

    /** A server-initiated signalling event arrived on the app's connection (offer, cancel, remote hang-up, ...). */
    void onSignallingEvent(ServerEvent event);

    /** {@code application(_:continue:restorationHandler:)} from a Recents or Contacts tap (R-CFG-3). */
    default void continueUserActivity(Handle handle) { }

    /**
     * The system killed the app's process. No real app hears this; a bridge to an external process uses it to kill
     * that process. Called on a system thread, not the main queue.
     */
    default void processKilled() { }

    /**
     * The user switches the app's "use CallKit" setting. An app must invalidate its {@code CXProvider} when CallKit
     * goes off and create a new one when it comes back (R-CFG-1, R-END-4).
     */
    default void callKitSettingChanged(boolean enabled) { }
}
