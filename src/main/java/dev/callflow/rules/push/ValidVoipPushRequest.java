package dev.callflow.rules.push;

import dev.callflow.rules.BaseRule;
import dev.callflow.rules.Finding;
import dev.callflow.rules.Policy;
import dev.callflow.rules.RuleVerdict;
import dev.callflow.rules.Severity;
import dev.callflow.rules.Trace;
import dev.callflow.timeline.Event;
import dev.callflow.timeline.Source;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static dev.callflow.timeline.EventKind.APNS_RESPONSE;
import static dev.callflow.timeline.EventKind.PUSH_ACCEPTED;
import static dev.callflow.timeline.EventKind.PUSH_REJECTED;
import static dev.callflow.timeline.EventKind.PUSH_SENT;

/**
 * R-PUSH-7. An APNs VoIP request carries {@code apns-push-type: voip} and {@code apns-topic: <bundle-id>.voip};
 * APNs refuses anything else, and the call never rings.
 */
public final class ValidVoipPushRequest extends BaseRule {

    public ValidVoipPushRequest() {
        super("R-PUSH-7", Severity.VIOLATION,
                "Send VoIP pushes to APNs with apns-push-type: voip and apns-topic: <bundle-id>.voip, so APNs accepts them",
                "Microsoft Azure Notification Hubs \"Use APNS VOIP\"; react-native-voip-push-notification README "
                        + "citing Apple staff (forum 117939)");
    }

    @Override
    public RuleVerdict judge(Trace trace, Policy policy) {
        List<Event> traffic = trace.where(e -> e.source() == Source.PUSH && (e.is(PUSH_SENT) || e.is(PUSH_ACCEPTED)
                || e.is(PUSH_REJECTED) || e.is(APNS_RESPONSE)));
        if (traffic.isEmpty()) {
            return notJudged("no APNs request on the timeline");
        }
        List<Finding> findings = new ArrayList<>();
        Set<Long> reported = new HashSet<>();
        for (Event e : traffic) {
            if (e.is(PUSH_SENT) || e.is(PUSH_ACCEPTED)) {
                List<String> wrong = new ArrayList<>();
                e.attribute("pushType").filter(t -> !t.equals("voip")).ifPresent(t -> wrong.add("apns-push-type " + t));
                e.attribute("topic").filter(t -> !t.endsWith(".voip")).ifPresent(t -> wrong.add("apns-topic " + t));
                if (!wrong.isEmpty()) {
                    findings.add(Finding.of("not a valid VoIP push request: " + String.join(", ", wrong), e));
                }
            } else if (e.is(APNS_RESPONSE) && status(e) >= 400) {
                List<Event> offending = new ArrayList<>(List.of(e));
                Optional<Event> rejected = e.attribute("apnsId").flatMap(id -> trace.first(Trace.is(PUSH_REJECTED).and(r -> r.source() == Source.PUSH && id.equals(r.attributes().get("apnsId")))));
                rejected.ifPresent(r -> { offending.add(r); reported.add(r.seq()); });
                findings.add(Finding.of("APNs refused the VoIP push with " + status(e) + " "
                        + e.attribute("reason").or(() -> rejected.flatMap(r -> r.attribute("reason"))).orElse("(no reason)"),
                        offending));
            }
        }
        for (Event e : traffic) {
            if (e.is(PUSH_REJECTED) && !reported.contains(e.seq())) {
                findings.add(Finding.of("APNs rejected the VoIP push: " + e.attribute("reason").orElse("(no reason)")
                        + e.attribute("status").map(s -> " (" + s + ")").orElse(""), e));
            }
        }
        return verdict(findings);
    }

    private static int status(Event e) {
        try {
            return Integer.parseInt(e.attribute("status").orElse("0"));
        } catch (NumberFormatException notANumber) {
            return 0;
        }
    }
}
