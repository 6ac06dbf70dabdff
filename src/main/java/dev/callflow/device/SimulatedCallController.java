package dev.callflow.device;

import dev.callflow.platform.ActionRequest;
import dev.callflow.platform.ActionType;
import dev.callflow.platform.CallController;
import dev.callflow.platform.TransactionError;
import dev.callflow.timeline.EventKind;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * {@code CXCallController}: the app asks the system for an action. A nil-error completion means the system passes
 * the actions to the provider delegate; errors follow {@code CXErrorCodeRequestTransactionError} (R-TX-3).
 */
public final class SimulatedCallController implements CallController {
    private final SimulatedDevice device;

    SimulatedCallController(SimulatedDevice device) {
        this.device = device;
    }

    public void request(ActionRequest action, Consumer<Optional<TransactionError>> completion) {
        request(List.of(action), completion);
    }

    public void request(List<ActionRequest> transaction, Consumer<Optional<TransactionError>> completion) {
        device.record(EventKind.REQUEST_TRANSACTION, transaction.isEmpty() ? null : transaction.get(0).call(),
                "actions", transaction.stream().map(a -> a.type().wireName()).collect(Collectors.joining(",")));
        TransactionError error = validate(transaction);
        device.main.async(() -> {
            device.record(EventKind.REQUEST_TRANSACTION_COMPLETION, transaction.isEmpty() ? null : transaction.get(0).call(),
                    "error", error == null ? null : error.wireName(),
                    "code", error == null ? null : String.valueOf(error.code()));
            completion.accept(Optional.ofNullable(error));
        });
        if (error == null) {
            device.actions.performAll(transaction, "transaction");
        }
    }

    private TransactionError validate(List<ActionRequest> transaction) {
        Optional<SimulatedCallProvider> provider = device.provider();
        if (provider.isEmpty()) {
            return TransactionError.UNKNOWN_CALL_PROVIDER;
        }
        if (transaction.isEmpty()) {
            return TransactionError.EMPTY_TRANSACTION;
        }
        synchronized (device.lock) {
            for (ActionRequest a : transaction) {
                SystemCall call = device.calls.get(a.call());
                boolean live = call != null && call.live();
                if (a.type() == ActionType.START) {
                    if (live) {
                        return TransactionError.CALL_UUID_ALREADY_EXISTS;
                    }
                    long liveCalls = device.calls.values().stream().filter(SystemCall::live).count();
                    if (device.appState() != AppState.FOREGROUND && liveCalls == 0) {
                        return TransactionError.UNENTITLED;
                    }
                    if (liveCalls >= provider.get().configuration().maximumCallGroups()) {
                        return TransactionError.MAXIMUM_CALL_GROUPS_REACHED;
                    }
                } else if (!live) {
                    return TransactionError.UNKNOWN_CALL_UUID;
                }
            }
            for (ActionRequest a : transaction) {
                if (a.type() == ActionType.START) {
                    SystemCall call = new SystemCall(a.call(), true, a.handle(), true, SystemCall.Phase.STARTING);
                    call.calleeAwaited = device.clock.awaitPerson();
                    device.calls.put(a.call(), call);
                }
            }
        }
        return null;
    }
}
