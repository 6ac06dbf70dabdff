package dev.callflow.device;

import dev.callflow.platform.ActionRequest;
import dev.callflow.platform.Handle;
import dev.callflow.platform.HandleType;
import dev.callflow.platform.ProviderConfiguration;
import dev.callflow.timeline.EventKind;
import dev.callflow.timeline.Level;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The system's call screens: the incoming-call UI (also on the lock screen), the in-call UI, the side button.
 * Each gesture is recorded as the user's act, then turned into the actions the real system sends (R-MULTI-1).
 */
public final class SystemCallUi {
    private final SimulatedDevice device;

    SystemCallUi(SimulatedDevice device) {
        this.device = device;
    }

    /** The call the incoming-call UI shows, if one rings. */
    public Optional<UUID> ringingCall() {
        synchronized (device.lock) {
            return device.calls.values().stream().filter(c -> c.phase == SystemCall.Phase.RINGING)
                    .map(c -> c.uuid).reduce((a, b) -> b);
        }
    }

    /** The call that holds the audio, if any. */
    public Optional<UUID> activeCall() {
        synchronized (device.lock) {
            return device.calls.values().stream().filter(SystemCall::usesAudio).map(c -> c.uuid).findFirst();
        }
    }

    public void answer(UUID call) {
        requireRinging(call, "answer");
        device.record(EventKind.USER_TAPPED_ANSWER, call, "lockScreen", String.valueOf(device.isLocked()));
        device.actions.performSystem(ActionRequest.answer(call), "systemCallUi");
        if (!device.isLocked()) {
            device.bringAppToForeground();
        }
    }

    public void decline(UUID call) {
        requireRinging(call, "decline");
        device.record(EventKind.USER_TAPPED_DECLINE, call, "lockScreen", String.valueOf(device.isLocked()));
        device.actions.performSystem(ActionRequest.end(call), "systemCallUi");
    }

    /** The end button of the system's in-call UI (lock screen). */
    public void end(UUID call) {
        device.record(EventKind.USER_TAPPED_END_ON_SYSTEM_UI, call);
        device.actions.performSystem(ActionRequest.end(call), "systemCallUi");
    }

    /** The side (lock) button ends the active call (R-INC-6). */
    public void pressSideButton() {
        UUID active = activeCall().orElseThrow(() ->
                new IllegalStateException("The side button ends the active call, but no call is active"));
        device.record(EventKind.USER_PRESSED_SIDE_BUTTON, active);
        device.actions.performSystem(ActionRequest.end(active), "sideButton");
    }

    /**
     * The headset's centre button (R-INC-6): it ends the active call, or answers the ringing one when no call is
     * active. The app gets the action with no request of its own.
     */
    public void pressHeadsetButton() {
        Optional<UUID> active = activeCall();
        if (active.isPresent()) {
            device.record(EventKind.USER_PRESSED_HEADSET_BUTTON, active.get(), "effect", "end");
            device.actions.performSystem(ActionRequest.end(active.get()), "headset");
            return;
        }
        UUID ringing = ringingCall().orElseThrow(() ->
                new IllegalStateException("The headset button ends the active call or answers a ringing one, but there is neither"));
        device.record(EventKind.USER_PRESSED_HEADSET_BUTTON, ringing, "effect", "answer");
        device.actions.performSystem(ActionRequest.answer(ringing), "headset");
    }

    /**
     * The user taps one of the app's calls in Recents (or Contacts): the system opens the app and hands it an
     * {@code NSUserActivity} ({@code application(_:continue:restorationHandler:)}), but only if the handle's type is
     * in the live provider's {@code supportedHandleTypes}; otherwise the tap does nothing for the app (R-CFG-3).
     */
    public void tapRecents(Handle handle) {
        device.record(EventKind.USER_TAPPED_RECENTS, null, "handle", handle.value(), "handleType", handle.type().wireName());
        device.bringAppToForeground();
        device.main.async(() -> {
            Optional<ProviderConfiguration> configuration = device.provider().map(SimulatedCallProvider::configuration);
            boolean supported = configuration.map(c -> c.supportedHandleTypes().contains(handle.type())).orElse(false);
            if (!supported) {
                device.record(EventKind.CONTINUE_USER_ACTIVITY_NOT_DELIVERED, Level.WARNING, null,
                        "handle", handle.value(), "handleType", handle.type().wireName(),
                        "supportedHandleTypes", configuration.map(c -> c.supportedHandleTypes().stream()
                                .map(HandleType::wireName).sorted().toList().toString()).orElse("no live provider"),
                        "why", "the handle type is not in the provider's supportedHandleTypes");
                return;
            }
            device.record(EventKind.CONTINUE_USER_ACTIVITY, null, "handle", handle.value(),
                    "handleType", handle.type().wireName(), "intent", "INStartCallIntent");
            device.app().ifPresent(app -> app.continueUserActivity(handle));
        });
    }

    /** Second-call UI: hold the active call and answer the ringing one. */
    public void holdAndAccept(UUID incoming) {
        requireRinging(incoming, "Hold & Accept");
        requireOffered(incoming, "holdAndAccept", "Hold & Accept");
        UUID active = activeCall().orElseThrow(() -> new IllegalStateException("Hold & Accept needs an active call to hold"));
        device.record(EventKind.USER_TAPPED_HOLD_AND_ACCEPT, incoming, "held", active.toString());
        device.actions.performAll(List.of(ActionRequest.setHeld(active, true), ActionRequest.answer(incoming)), "systemCallUi");
    }

    /** Second-call UI: end the active call and answer the ringing one. */
    public void endAndAccept(UUID incoming) {
        requireRinging(incoming, "End & Accept");
        UUID active = activeCall().orElseThrow(() -> new IllegalStateException("End & Accept needs an active call to end"));
        device.record(EventKind.USER_TAPPED_END_AND_ACCEPT, incoming, "ended", active.toString());
        device.actions.performAll(List.of(ActionRequest.end(active), ActionRequest.answer(incoming)), "systemCallUi");
    }

    /** What the incoming-call UI offers for a ringing call (R-MULTI-1), e.g. {@code endAndAccept,decline}. */
    public List<String> options(UUID call) {
        synchronized (device.lock) {
            SystemCall c = device.calls.get(call);
            return c == null ? List.of() : List.of(c.uiOptions.split(","));
        }
    }

    private void requireOffered(UUID call, String option, String gesture) {
        if (!options(call).contains(option)) {
            throw new IllegalStateException("Cannot " + gesture + " call " + call + ": the incoming-call UI offers only "
                    + options(call) + " (R-MULTI-1: Hold & Accept needs maximumCallGroups >= 2 and supportsHolding)");
        }
    }

    private void requireRinging(UUID call, String gesture) {
        boolean ringing;
        synchronized (device.lock) {
            SystemCall c = device.calls.get(call);
            ringing = c != null && c.phase == SystemCall.Phase.RINGING;
        }
        if (!ringing) {
            throw new IllegalStateException("Cannot " + gesture + " call " + call
                    + ": the system shows no incoming-call UI for it (was it reported, and is it still ringing?)");
        }
    }
}
