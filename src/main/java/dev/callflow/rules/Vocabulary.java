package dev.callflow.rules;

import dev.callflow.timeline.Event;

import java.util.HashSet;
import java.util.Set;

/**
 * What kinds of event a timeline can show at all. A live scenario's timeline records everything ({@link #FULL}); a
 * device log shows only what somebody chose to log: the kinds it shows at least once, and those its grammar maps
 * words to. A finding that relies on an event's absence ({@link Finding#unlessLogged}) stands only when the
 * vocabulary shows that event; otherwise the rule does not judge that call.
 */
public final class Vocabulary {
    /** Everything: the timeline of a live run. */
    public static final Vocabulary FULL = new Vocabulary(null);

    private static final String ANY_ACTION = "*";

    /** {@code name} and {@code name action=value}; {@code null} for {@link #FULL}. */
    private final Set<String> shown;

    private Vocabulary(Set<String> shown) {
        this.shown = shown == null ? null : Set.copyOf(shown);
    }

    /** Nothing yet: add what a log shows with a {@link Builder}. */
    public static Builder builder() {
        return new Builder();
    }

    public boolean full() {
        return shown == null;
    }

    /** Whether an event of {@code logged} can appear on this timeline. */
    public boolean shows(Logged logged) {
        if (shown == null) {
            return true;
        }
        for (String name : logged.names()) {
            if (logged.action() == null ? shown.contains(name)
                    : shown.contains(key(name, logged.action())) || shown.contains(key(name, ANY_ACTION))) {
                return true;
            }
        }
        return false;
    }

    private static String key(String name, String action) {
        return name + " action=" + action;
    }

    /** Collects the kinds a device log shows. */
    public static final class Builder {
        private final Set<String> shown = new HashSet<>();

        /**
         * An event the log shows. One without an {@code action} attribute (a "fulfilled" that does not say of which
         * action) counts for every action type.
         */
        public Builder add(Event e) {
            return add(e.name(), e.attributes().get("action"));
        }

        /** A kind the log shows or its grammar declares; {@code action} may be {@code null} (any). */
        public Builder add(String name, String action) {
            shown.add(name);
            shown.add(key(name, action == null || action.isEmpty() ? ANY_ACTION : action));
            return this;
        }

        public Vocabulary build() {
            return new Vocabulary(shown);
        }
    }
}
