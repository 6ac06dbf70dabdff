package dev.callflow.rules.transactions;

import dev.callflow.rules.BaseRule;
import dev.callflow.rules.Finding;
import dev.callflow.rules.Logged;
import dev.callflow.rules.Policy;
import dev.callflow.rules.RuleVerdict;
import dev.callflow.rules.Severity;
import dev.callflow.rules.Trace;
import dev.callflow.timeline.Event;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * R-TX-1. Each action passed to provider(_:perform:) is completed exactly once with fulfill() or fail() (CXAction.h).
 * A timed-out action is R-TX-2's; an action never delivered to the app, or pending when the app died, is excused.
 */
public final class CompleteActionsOnce extends BaseRule {

    public CompleteActionsOnce() {
        super("R-TX-1", Severity.VIOLATION,
                "Complete every CXAction passed to provider(_:perform:) exactly once, with fulfill() or fail()",
                "[A-hdr] CXAction.h; [A-doc] CXAnswerCallAction; [A-DTS] 117939; [M] GetStream/stream-video-swift "
                        + "PR #1162, flutter_callkit_incoming PR #825; bugs #28, #45, #46");
    }

    /** A completion of each action type: a log that never shows one cannot say that one never came. */
    static final java.util.Map<String, Logged> COMPLETED = dev.callflow.timeline.EventKind.performs().stream()
            .map(k -> Actions.typeOf(k.wireName())).collect(java.util.stream.Collectors.toMap(t -> t,
                    t -> Logged.ofAction("a fulfil or fail of a " + t + " action", t,
                            dev.callflow.timeline.EventKind.FULFILL, dev.callflow.timeline.EventKind.FAIL)));

    @Override
    public List<Logged> reliesOnAbsenceOf() {
        return List.copyOf(COMPLETED.values());
    }

    @Override
    public RuleVerdict judge(Trace trace, Policy policy) {
        List<Event> performs = trace.where(e -> Actions.isPerform(e) && Actions.id(e).isPresent());
        List<Event> duplicates = trace.where(e -> Actions.isCompletion(e)
                && e.attribute("duplicate").filter("true"::equals).isPresent());
        if (performs.isEmpty() && duplicates.isEmpty()) {
            return notJudged("no perform*CallAction with an action id (the log does not tie completions to actions)");
        }
        Actions.Outcomes outcomes = new Actions.Outcomes(trace);
        List<Finding> findings = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (Event perform : performs) {
            List<Event> completions = outcomes.completionsOf(perform);
            if (completions.size() > 1) {
                List<Event> offending = new ArrayList<>();
                offending.add(perform);
                offending.addAll(completions);
                completions.forEach(c -> seen.add(c.seq()));
                findings.add(Finding.of(perform.name() + " was completed " + completions.size() + " times ("
                        + String.join(", ", completions.stream().map(Event::name).toList()) + ")", offending));
            } else if (completions.isEmpty() && outcomes.timeoutOf(perform).isEmpty()
                    && outcomes.excuse(perform).isEmpty()) {
                Finding never = Finding.of(perform.name() + " was never fulfilled or failed", perform);
                Logged needed = COMPLETED.get(Actions.type(perform));
                findings.add(needed == null ? never : never.unlessLogged(needed));
            }
        }
        for (Event dup : duplicates) {
            if (!seen.contains(dup.seq())) {
                findings.add(Finding.of("the " + dup.attribute("action").orElse("") + " action was completed again ("
                        + dup.name() + " after it was already completed)", dup));
            }
        }
        return verdict(trace, findings);
    }
}
