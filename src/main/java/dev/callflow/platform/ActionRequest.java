package dev.callflow.platform;

import java.util.Objects;
import java.util.UUID;

/** A {@code CXAction} the app puts in a {@code CXTransaction} for {@link CallController#request}. */
public record ActionRequest(ActionType type, UUID call, Handle handle, boolean onHold) {
    public ActionRequest {
        Objects.requireNonNull(type, "action type");
        Objects.requireNonNull(call, "call UUID (CXAction needs the call's UUID)");
        if (type == ActionType.START && handle == null) {
            throw new IllegalArgumentException("CXStartCallAction needs a handle: use ActionRequest.start(call, handle)");
        }
    }

    public static ActionRequest start(UUID call, Handle handle) { return new ActionRequest(ActionType.START, call, handle, false); }

    public static ActionRequest answer(UUID call) { return new ActionRequest(ActionType.ANSWER, call, null, false); }

    public static ActionRequest end(UUID call) { return new ActionRequest(ActionType.END, call, null, false); }

    public static ActionRequest setHeld(UUID call, boolean onHold) { return new ActionRequest(ActionType.SET_HELD, call, null, onHold); }
}
