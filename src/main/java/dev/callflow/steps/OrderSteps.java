package dev.callflow.steps;

import dev.callflow.device.VirtualClock;
import dev.callflow.harness.ScenarioRig;
import dev.callflow.timeline.Event;
import dev.callflow.timeline.EventKind;
import dev.callflow.timeline.Timeline;
import io.cucumber.java.en.Then;
import io.cucumber.java.zh_cn.那么;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Order, absence and timing windows between two events of the vocabulary, on the scenario's virtual clock: what a QA
 * engineer reads off a device log ("activation within 1000 ms of the answer"). Deterministic, because time is virtual.
 */
public class OrderSteps {
    private final ScenarioContext ctx;

    public OrderSteps(ScenarioContext ctx) {
        this.ctx = ctx;
    }

    /** Passes once an event of the first kind for the call comes after the first event of the second kind for it. */
    @Then("{event} happens after {event} for call {word}")
    @那么("{event} 发生在 {event} 之后（通话 {word}）")
    public void happensAfter(EventKind later, EventKind earlier, String alias) {
        UUID call = ctx.calls().idOf(alias);
        String name = ctx.calls().nameOf(call);
        ScenarioRig rig = ctx.rig();
        Event anchor = Waits.until(rig, earlier + " for " + name, Waits.named(earlier, call));
        Event[] found = new Event[1];
        VirtualClock.Outcome outcome = Waits.await(rig, events -> {
            found[0] = Timeline.firstFrom(events, anchor.seq() + 1, Waits.named(later, call)).orElse(null);
            return found[0] != null;
        });
        if (found[0] == null) {
            List<Event> before = ofKind(later, call);
            throw new AssertionError("Expected " + later + " for " + name + " after " + anchor.brief() + ", but "
                    + (before.isEmpty() ? "there is none at all" : "every one came before it: " + briefs(before))
                    + "; waited: " + Waits.why(rig, outcome, rig.waitBound()) + " " + Waits.context(rig) + ".\n"
                    + timeline(rig));
        }
    }

    /** Judged once the device has settled: nothing of the first kind for the call after the second kind's first event. */
    @Then("there is no {event} for call {word} after {event}")
    @那么("没有 {event} 出现在通话 {word} 的 {event} 之后")
    public void noneAfter(EventKind absent, String alias, EventKind anchorKind) {
        UUID call = ctx.calls().idOf(alias);
        String name = ctx.calls().nameOf(call);
        ScenarioRig rig = ctx.rig();
        settle(rig);
        Event anchor = first(anchorKind, call, 1).orElseThrow(() -> new AssertionError("Expected " + anchorKind + " for "
                + name + " on the timeline, to judge what came after it, but the device settled without one "
                + Waits.context(rig) + ".\n" + timeline(rig)));
        List<Event> found = ofKind(absent, call).stream().filter(e -> e.seq() > anchor.seq()).toList();
        if (!found.isEmpty()) {
            throw new AssertionError("Expected no " + absent + " for " + name + " after " + anchor.brief()
                    + ", but the timeline has " + briefs(found) + " " + Waits.context(rig) + ".\n" + timeline(rig));
        }
    }

    /**
     * The first event of the first kind for the call after the first of the second kind, at most {@code millis} later
     * in virtual time; both awaited within the wait bound.
     */
    @Then("{event} happens within {int} ms after {event} for call {word}")
    @那么("{event} 在 {int} 毫秒内发生于 {event} 之后（通话 {word}）")
    public void within(EventKind later, int millis, EventKind earlier, String alias) {
        UUID call = ctx.calls().idOf(alias);
        String name = ctx.calls().nameOf(call);
        ScenarioRig rig = ctx.rig();
        Event anchor = Waits.until(rig, earlier + " for " + name, Waits.named(earlier, call));
        Event next = Waits.until(rig, later + " for " + name + " after " + anchor.brief(), Waits.named(later, call), anchor.seq() + 1);
        long took = next.micros() - anchor.micros();
        if (took > millis * 1000L) {
            throw new AssertionError(String.format(Locale.ROOT, "Expected %s for %s within %d ms after %s, but it came "
                            + "%.3f ms after it: %s %s", later, name, millis, anchor.brief(), took / 1000.0, next.brief(),
                    Waits.context(rig)) + ".\n" + timeline(rig));
        }
    }

    /**
     * From the first event of the second kind, at virtual time t, no event of the first kind inside [t, t + millis):
     * the phone runs on to t + millis (background timers included), or stops at the first offender.
     */
    @Then("{event} does not happen before {int} ms after {event}")
    @那么("{event} 在 {int} 毫秒内不发生于 {event} 之后")
    public void notBefore(EventKind absent, int millis, EventKind anchorKind) {
        ScenarioRig rig = ctx.rig();
        Event anchor = Waits.until(rig, anchorKind.wireName(), Waits.named(anchorKind, null));
        long end = anchor.micros() + millis * 1000L;
        Predicate<Event> offender = e -> e.is(absent) && e.seq() != anchor.seq() && e.micros() >= anchor.micros() && e.micros() < end;
        Duration left = Duration.ofNanos(Math.max(0, end - rig.timeline().nowMicros()) * 1000L);
        VirtualClock.Outcome outcome = Waits.await(rig, events -> events.stream().anyMatch(offender), left, false);
        if (outcome == VirtualClock.Outcome.STALLED || outcome == VirtualClock.Outcome.CLOSED) {
            throw new AssertionError("Expected no " + absent + " within " + millis + " ms after " + anchor.brief()
                    + ", but the window cannot be judged: " + Waits.why(rig, outcome, left) + " " + Waits.context(rig));
        }
        List<Event> found = rig.timeline().events().stream().filter(offender).toList();
        if (!found.isEmpty()) {
            throw new AssertionError(String.format(Locale.ROOT, "Expected no %s before %d ms after %s (the window "
                            + "[%.3f ms, %.3f ms)), but the timeline has %s %s", absent, millis, anchor.brief(),
                    anchor.micros() / 1000.0, end / 1000.0, briefs(found), Waits.context(rig)) + ".\n" + timeline(rig));
        }
    }

    private Optional<Event> first(EventKind kind, UUID call, long fromSeq) {
        return Timeline.firstFrom(ctx.timeline().events(), fromSeq, Waits.named(kind, call));
    }

    private List<Event> ofKind(EventKind kind, UUID call) {
        return ctx.timeline().events().stream().filter(Waits.named(kind, call)).toList();
    }

    /** An absence is judged once nothing queued could still produce the event. */
    static void settle(ScenarioRig rig) {
        VirtualClock.Outcome outcome = Waits.await(rig, events -> false);
        if (outcome != VirtualClock.Outcome.SETTLED) {
            throw new AssertionError("The device did not settle, so an absence cannot be judged: "
                    + Waits.why(rig, outcome, rig.waitBound()) + " (an action is still pending or work keeps coming) "
                    + Waits.context(rig) + ".\n" + timeline(rig));
        }
    }

    private static String briefs(List<Event> events) {
        return events.stream().map(Event::brief).toList().toString();
    }

    private static String timeline(ScenarioRig rig) {
        return "Timeline:\n" + Waits.dump(rig);
    }
}
