package dev.callflow.rules.config;

import dev.callflow.rules.Rule;

import java.util.List;

/** The rules of this group, in catalogue order. */
public final class ConfigRules {
    private ConfigRules() { }

    public static List<Rule> all() {
        return List.of();
    }
}
