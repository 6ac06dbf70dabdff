package dev.callflow.rules.push;

import dev.callflow.rules.Rule;

import java.util.List;

/** The rules of this group, in catalogue order. */
public final class PushRules {
    private PushRules() { }

    public static List<Rule> all() {
        return List.of(new ReportBeforePushHandlerReturns(), new NoPushBan(), new PushCompletionAfterReport(),
                new VoipPushOnlyStartsCalls(), new CancelledPushCallReportedEnded(), new PushSetupAtLaunch(),
                new ValidVoipPushRequest(), new DuplicateReportKeepsCall());
    }
}
