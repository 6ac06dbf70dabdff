package dev.callflow.rules.incoming;

import dev.callflow.rules.Rule;

import java.util.List;

/** The rules of this group, in catalogue order. */
public final class IncomingRules {
    private IncomingRules() { }

    public static List<Rule> all() {
        return List.of(new NothingAfterRefusedReport(), new RefusedUuidNotReused(), new FilteredCallerIsTold(),
                new ReportedHandleIsValid(), new RingTimeoutHandled(), new SystemEndCompleted());
    }
}
