package dev.callflow.monitor;

import dev.callflow.rules.Rule;
import dev.callflow.rules.audio.AudioRules;
import dev.callflow.rules.config.ConfigRules;
import dev.callflow.rules.ending.EndRules;
import dev.callflow.rules.incoming.IncomingRules;
import dev.callflow.rules.multicall.MultiCallRules;
import dev.callflow.rules.outgoing.OutgoingRules;
import dev.callflow.rules.push.PushRules;
import dev.callflow.rules.transactions.TransactionRules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Every rule of CALLKIT-RULES.md section 1 that a timeline can judge, in catalogue order. */
public final class RuleCatalog {
    /**
     * The catalogue's version, which certificates cite: bump it when a rule is added, removed or changes meaning. A
     * certificate also carries a digest of every rule's text, which changes with any edit.
     */
    public static final String VERSION = "1";
    private static final List<Rule> ALL = build();

    private RuleCatalog() { }

    public static List<Rule> all() {
        return ALL;
    }

    public static Optional<Rule> byId(String id) {
        return ALL.stream().filter(r -> r.id().equalsIgnoreCase(id.trim())).findFirst();
    }

    /** The rule, or an error listing the valid IDs. */
    public static Rule require(String id) {
        return byId(id).orElseThrow(() -> new IllegalArgumentException("Unknown rule '" + id + "'; known rules: "
                + ALL.stream().map(Rule::id).collect(Collectors.joining(", "))));
    }

    private static List<Rule> build() {
        List<Rule> all = new ArrayList<>();
        all.addAll(PushRules.all());
        all.addAll(IncomingRules.all());
        all.addAll(TransactionRules.all());
        all.addAll(AudioRules.all());
        all.addAll(EndRules.all());
        all.addAll(OutgoingRules.all());
        all.addAll(MultiCallRules.all());
        all.addAll(ConfigRules.all());
        Set<String> seen = new HashSet<>();
        for (Rule r : all) {
            if (!seen.add(r.id())) {
                throw new IllegalStateException("Rule " + r.id() + " is defined twice");
            }
        }
        return List.copyOf(all);
    }
}
