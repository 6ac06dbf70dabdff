package dev.callflow.rules.transactions;

import dev.callflow.rules.Rule;

import java.util.List;

/** The rules of this group, in catalogue order. */
public final class TransactionRules {
    private TransactionRules() { }

    public static List<Rule> all() {
        return List.of();
    }
}
