package dev.callflow.rules.config;

import dev.callflow.rules.Rule;
import dev.callflow.timeline.Event;

import java.util.Arrays;
import java.util.List;

/** The rules of this group, in catalogue order, and how they read a providerCreated event. */
public final class ConfigRules {
    private ConfigRules() { }

    public static List<Rule> all() {
        return List.of(new OneProvider(), new ConfigurationLint(), new HandleTypeSupported());
    }

    /** {@code supportedHandleTypes="[generic, phoneNumber]"} as a list; empty when missing or {@code []}. */
    static List<String> handleTypes(Event providerCreated) {
        String raw = providerCreated.attributes().getOrDefault("supportedHandleTypes", "").trim();
        if (raw.startsWith("[")) {
            raw = raw.substring(1);
        }
        if (raw.endsWith("]")) {
            raw = raw.substring(0, raw.length() - 1);
        }
        return Arrays.stream(raw.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    static int intAttr(Event e, String key, int fallback) {
        try {
            return Integer.parseInt(e.attributes().getOrDefault(key, String.valueOf(fallback)).trim());
        } catch (NumberFormatException notANumber) {
            return fallback;
        }
    }
}
