package dev.callflow.device;

import dev.callflow.platform.CallUpdate;
import dev.callflow.platform.IncomingCallError;
import java.util.Optional;
import java.util.UUID;

/**
 * Decides whether the system allows a reported incoming call, as Do Not Disturb or the block list would.
 * A fault is one lambda: {@code call -> Optional.of(IncomingCallError.FILTERED_BY_DO_NOT_DISTURB)}.
 */
@FunctionalInterface
public interface IncomingCallPolicy {
    Optional<IncomingCallError> decide(UUID call, CallUpdate update);

    static IncomingCallPolicy allowAll() {
        return (call, update) -> Optional.empty();
    }

    static IncomingCallPolicy deny(IncomingCallError error) {
        return (call, update) -> Optional.of(error);
    }
}
