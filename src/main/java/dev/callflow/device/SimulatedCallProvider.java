package dev.callflow.device;

import dev.callflow.platform.CallEndedReason;
import dev.callflow.platform.CallProvider;
import dev.callflow.platform.CallUpdate;
import dev.callflow.platform.IncomingCallError;
import dev.callflow.platform.ProviderConfiguration;
import dev.callflow.platform.ProviderDelegate;
import dev.callflow.timeline.EventKind;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/** {@code CXProvider}: how the app reports calls to the system. One per app lifetime (R-CFG-1). */
public final class SimulatedCallProvider implements CallProvider {
    private final SimulatedDevice device;
    private final int instance;
    private volatile ProviderConfiguration configuration;
    private volatile ProviderDelegate delegate;
    private volatile boolean invalidated;

    SimulatedCallProvider(SimulatedDevice device, int instance, ProviderConfiguration configuration) {
        this.device = device;
        this.instance = instance;
        this.configuration = Objects.requireNonNull(configuration, "configuration");
    }

    public int instance() { return instance; }

    public ProviderConfiguration configuration() { return configuration; }

    /** Change the configuration of the one provider instead of creating another (R-CFG-1). */
    public void setConfiguration(ProviderConfiguration c) {
        this.configuration = Objects.requireNonNull(c, "configuration");
        device.record(EventKind.PROVIDER_CONFIGURATION_CHANGED, null, "instance", String.valueOf(instance));
    }

    /** {@code setDelegate(_:queue:)} with the main queue. */
    public void setDelegate(ProviderDelegate d) {
        this.delegate = Objects.requireNonNull(d, "delegate");
    }

    ProviderDelegate delegate() { return delegate; }

    /** {@code reportNewIncomingCall(with:update:completion:)}; completion on the main queue (R-INC-1). */
    public void reportNewIncomingCall(UUID call, CallUpdate update, Consumer<Optional<IncomingCallError>> completion) {
        Objects.requireNonNull(call, "call UUID");
        device.reportIncoming(this, call, update, completion);
    }

    /** {@code reportCall(with:endedAt:reason:)} for remote ends, failures and unanswered calls (R-END-1). */
    public void reportCallEnded(UUID call, Instant endedAt, CallEndedReason reason) {
        device.reportEnded(call, Objects.requireNonNull(reason, "reason"));
    }

    /** {@code reportOutgoingCall(with:startedConnectingAt:)}. */
    public void reportOutgoingCallStartedConnecting(UUID call) {
        device.reportOutgoing(call, false);
    }

    /** {@code reportOutgoingCall(with:connectedAt:)} (R-OUT-1). */
    public void reportOutgoingCallConnected(UUID call) {
        device.reportOutgoing(call, true);
    }

    /** {@code invalidate()}: "All existing calls will be marked as ended in failure." (R-END-4) */
    public void invalidate() {
        device.record(EventKind.PROVIDER_INVALIDATED, null, "instance", String.valueOf(instance));
        markInvalidated();
        device.liveCalls().forEach(c -> device.endCall(c, "provider invalidated"));
    }

    boolean invalidated() { return invalidated; }

    void markInvalidated() { invalidated = true; }
}
