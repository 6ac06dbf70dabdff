package dev.callflow.rules.transactions;

import dev.callflow.rules.Rule;

import java.util.List;

/**
 * The rules of this group, in catalogue order. R-TX-4 (provider(_:execute:)) and R-TX-5 (delegate queues) describe
 * how the system delivers transactions and callbacks; a timeline shows the simulator's behaviour there, not the
 * app's, so they are not judged here.
 */
public final class TransactionRules {
    private TransactionRules() { }

    public static List<Rule> all() {
        return List.of(new CompleteActionsOnce(), new NoActionTimeouts(), new RefusedTransactionNamed(),
                new NoPendingEndAction());
    }
}
