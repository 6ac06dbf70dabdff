package dev.callflow.platform;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/** {@code CXProvider}: how the app reports calls to the system. One per app lifetime (R-CFG-1). */
public interface CallProvider {

    /** Which provider this is in the app process's life (1 for the first {@code CXProvider(configuration:)}). */
    int instance();

    ProviderConfiguration configuration();

    /** Change the configuration of the one provider instead of creating another (R-CFG-1). */
    void setConfiguration(ProviderConfiguration configuration);

    /** {@code setDelegate(_:queue:)} with the main queue. */
    void setDelegate(ProviderDelegate delegate);

    /** {@code reportNewIncomingCall(with:update:completion:)}; completion on the main queue (R-INC-1). */
    void reportNewIncomingCall(UUID call, CallUpdate update, Consumer<Optional<IncomingCallError>> completion);

    /** {@code reportCall(with:endedAt:reason:)} for remote ends, failures and unanswered calls (R-END-1). */
    void reportCallEnded(UUID call, Instant endedAt, CallEndedReason reason);

    /** {@code reportOutgoingCall(with:startedConnectingAt:)}. */
    void reportOutgoingCallStartedConnecting(UUID call);

    /** {@code reportOutgoingCall(with:connectedAt:)} (R-OUT-1). */
    void reportOutgoingCallConnected(UUID call);

    /** {@code invalidate()}: "All existing calls will be marked as ended in failure." (R-END-4) */
    void invalidate();
}
