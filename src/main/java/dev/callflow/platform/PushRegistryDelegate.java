package dev.callflow.platform;

/** {@code PKPushRegistryDelegate} for VoIP pushes. */
public interface PushRegistryDelegate {
    void didUpdatePushCredentials(String deviceToken);

    /**
     * A VoIP push. The call must be reported to CallKit before this method returns, or the system terminates the
     * app (R-PUSH-1). Call {@code completion} when done processing, after the report's completion (R-PUSH-3).
     */
    void didReceiveIncomingPush(VoipPush push, Runnable completion);
}
