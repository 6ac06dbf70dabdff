package dev.callflow.timeline;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What to write instead of a name that is no {@link EventKind}: the names people get wrong (README, "Names people get
 * wrong") with the right ones, then the kinds closest in spelling. One place for the run's pre-check of feature files,
 * the {@code {event}} step parameter, event tables and {@code ./callflow events NAME}.
 */
public final class EventNameAdvice {

    /** The server's events are one kind, {@code serverEvent}, told apart by {@code type}. */
    private static final List<String> SERVER_EVENT_TYPES = List.of("offer", "cancel", "remoteHangup", "answered",
            "declined", "noAnswer", "answeredElsewhere", "declinedElsewhere");

    private static final Map<String, String> WRONG_NAMES = Map.ofEntries(
            Map.entry("userChoseDecline", "userDeclinedOtherCall"),
            Map.entry("hangup", "hangUp"),
            Map.entry("reportIncomingCall", "reportNewIncomingCall"),
            Map.entry("didActivate", "didActivateAudioSession"),
            Map.entry("didDeactivate", "didDeactivateAudioSession"),
            Map.entry("didReceivePush", "didReceiveIncomingPush"),
            Map.entry("pushReceived", "didReceiveIncomingPush"),
            Map.entry("fulfil", "fulfill"),
            Map.entry("serverEvents", "serverEvent"));

    private EventNameAdvice() { }

    /** The names meant by {@code name}, at most {@code limit}: a known wrong name's right one first, then the closest kinds. */
    public static List<String> suggestions(String name, int limit) {
        Set<String> out = new LinkedHashSet<>();
        if (name != null && SERVER_EVENT_TYPES.contains(name)) {
            out.add(EventKind.SERVER_EVENT.wireName() + " type=" + name);
        }
        if (name != null && WRONG_NAMES.containsKey(name)) {
            out.add(WRONG_NAMES.get(name));
        }
        out.addAll(EventKind.closest(name, limit));
        return new ArrayList<>(out).subList(0, Math.min(limit, out.size()));
    }

    /** {@code 'userChoseDecline' is no event of the vocabulary; did you mean userDeclinedOtherCall? (./callflow events lists them)}. */
    public static String unknown(String name) {
        List<String> close = suggestions(name, 3);
        return "'" + name + "' is no event of the vocabulary" + (close.isEmpty() ? "" : "; did you mean "
                + String.join(", ", close) + "?") + " (./callflow events lists them)";
    }

    /** Every wrong name the advice knows with its right one, for tests. */
    static Map<String, String> wrongNames() {
        Map<String, String> all = new java.util.TreeMap<>(WRONG_NAMES);
        SERVER_EVENT_TYPES.forEach(t -> all.put(t, EventKind.SERVER_EVENT.wireName() + " type=" + t));
        return all;
    }
}
