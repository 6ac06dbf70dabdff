package dev.callflow.platform;

/**
 * {@code CXProviderDelegate}. The system calls it on the app's main queue. Every action must be completed exactly
 * once with {@link CallAction#fulfill()} or {@link CallAction#fail()} (R-TX-1).
 */
public interface ProviderDelegate {
    /** Required: tear down every call and release media; no action needs an answer afterwards (R-END-4). */
    void providerDidReset();

    default void providerDidBegin() { }

    void performStartCallAction(CallAction action);

    void performAnswerCallAction(CallAction action);

    void performEndCallAction(CallAction action);

    /** Speakerbox fails actions it does not support; the default does the same so nothing stays pending. */
    default void performSetHeldCallAction(CallAction action) { action.fail(); }

    default void performSetMutedCallAction(CallAction action) { action.fail(); }

    default void timedOutPerformingAction(CallAction action) { }

    /** The system activated the audio session for the call: start media I/O here and only here (R-AUD-2). */
    void didActivateAudioSession();

    void didDeactivateAudioSession();
}
