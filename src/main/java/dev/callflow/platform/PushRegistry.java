package dev.callflow.platform;

/** {@code PKPushRegistry(queue: .main)} with desired type VoIP. */
public interface PushRegistry {
    /** {@code delegate = self}: set it at launch (R-PUSH-6); the credentials and pushes arrive on the main queue. */
    void setDelegate(PushRegistryDelegate delegate);
}
