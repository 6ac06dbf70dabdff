package dev.callflow.platform;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code CXCallController}: the app asks the system for an action. A nil-error completion means the system passes
 * the actions to the provider delegate; errors follow {@code CXErrorCodeRequestTransactionError} (R-TX-3).
 */
public interface CallController {

    /** {@code request(_:completion:)} with a transaction of one action. */
    default void request(ActionRequest action, Consumer<Optional<TransactionError>> completion) {
        request(List.of(action), completion);
    }

    /** {@code request(_:completion:)}; the completion runs on the main queue. */
    void request(List<ActionRequest> transaction, Consumer<Optional<TransactionError>> completion);
}
