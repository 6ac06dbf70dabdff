package dev.callflow.rules.push;

import dev.callflow.rules.BaseRule;
import dev.callflow.rules.Finding;
import dev.callflow.rules.Policy;
import dev.callflow.rules.RuleVerdict;
import dev.callflow.rules.Severity;
import dev.callflow.rules.Trace;
import dev.callflow.timeline.Event;

import java.util.ArrayList;
import java.util.List;

import static dev.callflow.timeline.EventKind.APP_TERMINATED;
import static dev.callflow.timeline.EventKind.DID_RECEIVE_INCOMING_PUSH;
import static dev.callflow.timeline.EventKind.PUSH_ACCEPTED;
import static dev.callflow.timeline.EventKind.PUSH_NOT_DELIVERED;
import static dev.callflow.timeline.EventKind.PUSH_NOT_REPORTED;

/**
 * R-PUSH-2. Each unreported push gets the app killed ({@code NSInternalInconsistencyException} when the delegate
 * returns, {@code 0xbaadca11} from callservicesd about 7 s later), and "if your app repeatedly fails to report VoIP
 * notifications to CallKit, the system stops launching your app for VoIP push notifications."
 */
public final class NoPushBan extends BaseRule {
    static final String BAN_TEXT = "failed to report an incoming call too many times";

    public NoPushBan() {
        super("R-PUSH-2", Severity.VIOLATION,
                "Never get killed for an unreported PushKit push (0xbaadca11, _terminateAppIfThereAreUnhandledVoIPPushes) "
                        + "or banned from VoIP push delivery",
                "[A-DTS] forum threads 817976, 124517; [A-doc] PKPushType.voIP; "
                        + "[U] react-native-voip-push-notification #102; bugs #5, #21, #32");
    }

    @Override
    public RuleVerdict judge(Trace trace, Policy policy) {
        boolean pushTraffic = trace.has(DID_RECEIVE_INCOMING_PUSH) || trace.has(PUSH_NOT_DELIVERED)
                || trace.has(PUSH_NOT_REPORTED) || trace.has(PUSH_ACCEPTED);
        List<Finding> findings = new ArrayList<>();
        for (Event e : trace.events()) {
            if (e.is(PUSH_NOT_DELIVERED) && e.attribute("why").filter(w -> w.contains(BAN_TEXT)).isPresent()) {
                findings.add(Finding.of("the system no longer delivers VoIP pushes to the app: it failed to report "
                        + "calls too many times", e));
            } else if (e.is(APP_TERMINATED) && killedForUnreportedPush(e)) {
                findings.add(Finding.of("the app was killed for an unreported VoIP push ("
                        + e.attribute("exception").or(() -> e.attribute("code")).orElse("0xbaadca11")
                        + "); each such kill counts toward the push ban", e));
            } else if (!e.is(APP_TERMINATED) && mentionsBaadCall(e)) {
                findings.add(Finding.of("callservicesd's 0xbaadca11 enforcement fired: no call was registered in time "
                        + "after a VoIP push", e));
            }
        }
        if (findings.isEmpty() && !pushTraffic) {
            return notJudged("no VoIP push traffic on the timeline");
        }
        return verdict(findings);
    }

    private static boolean killedForUnreportedPush(Event e) {
        return e.attribute("reason").filter("pushNotReported"::equals).isPresent()
                || e.attribute("exception").filter("NSInternalInconsistencyException"::equals).isPresent()
                || mentionsBaadCall(e);
    }

    private static boolean mentionsBaadCall(Event e) {
        for (String v : e.attributes().values()) {
            if (v != null && containsIgnoreCase(v, "0xbaadca11")) {
                return true;
            }
        }
        return false;
    }

    /** Without lower-casing every attribute of every event: a device log holds millions of them. */
    private static boolean containsIgnoreCase(String s, String needle) {
        for (int i = 0, last = s.length() - needle.length(); i <= last; i++) {
            if (s.regionMatches(true, i, needle, 0, needle.length())) {
                return true;
            }
        }
        return false;
    }
}
