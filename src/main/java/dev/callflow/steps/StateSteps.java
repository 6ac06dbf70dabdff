package dev.callflow.steps;

import dev.callflow.harness.ScenarioRig;
import dev.callflow.timeline.Event;
import dev.callflow.timeline.EventKind;
import dev.callflow.timeline.Source;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.cucumber.java.zh_cn.当;
import io.cucumber.java.zh_cn.那么;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Natural steps that wait for the state they name, so a scenario written from the glossary alone reads as a phone
 * behaves: the callee's phone rings, the other call is active, the push reaches the phone; and the user's force-quit,
 * and the ghost-call check on the system's call list.
 */
public class StateSteps {
    private final ScenarioContext ctx;

    public StateSteps(ScenarioContext ctx) {
        this.ctx = ctx;
    }

    private ScenarioRig rig() {
        return ctx.rig();
    }

    /**
     * Outgoing: the app's invite reached the signalling server and the server took it (a 2xx answer, {@code state=invited}):
     * the server now rings the callee.
     */
    @When("the callee's phone is ringing for call {word}")
    @当("通话 {word} 的被叫手机正在响铃")
    public void calleeRinging(String alias) {
        UUID call = ctx.calls().idOf(alias);
        Event invite = FlowStates.inviteReached(rig(), call, ctx.calls().nameOf(call));
        if (!invite.attribute("status").filter(s -> s.startsWith("2")).isPresent()) {
            throw new AssertionError("Expected the signalling server to take the invite of " + ctx.calls().nameOf(call)
                    + " and ring the callee, but it answered " + invite.brief() + " " + Waits.context(rig()));
        }
    }

    /** After "a … comes in" and the user's "Hold & Accept" or "End & Accept": the other call is connected. */
    @When("the other call is active")
    @当("另一通电话已接通")
    public void otherCallActive() {
        FlowStates.otherCallActive(rig(), ctx.calls()::nameOf);
    }

    /** PushKit hands the app the call's VoIP push ({@code didReceiveIncomingPush}); a push that cannot arrive fails. */
    @When("the push for call {word} reaches the phone")
    @当("通话 {word} 的推送到达手机")
    public void pushReachesPhone(String alias) {
        UUID call = ctx.calls().idOf(alias);
        String name = ctx.calls().nameOf(call);
        Event e = Waits.until(rig(), "the VoIP push of " + name + " to reach the app (didReceiveIncomingPush)",
                x -> call.equals(x.call()) && (x.is(Source.SYSTEM, EventKind.DID_RECEIVE_INCOMING_PUSH)
                        || x.is(EventKind.PUSH_NOT_DELIVERED) || x.is(EventKind.PUSH_DROPPED)));
        if (!e.is(EventKind.DID_RECEIVE_INCOMING_PUSH)) {
            throw new AssertionError("Expected the VoIP push of " + name + " to reach the app, but it cannot: " + e.brief()
                    + " " + Waits.context(rig()));
        }
    }

    /**
     * The user swipes the app up in the app switcher: the process dies ({@code appTerminated reason=userForceQuit}),
     * its calls with it. A VoIP push still launches a force-quit app (iOS 13+).
     */
    @When("the user force-quits the app")
    @当("用户强制退出应用")
    public void forceQuit() {
        rig().device().forceQuitApp();
    }

    /**
     * Ghost calls (R-END-3): once the device has settled, the system's call list (what CXCallObserver shows) holds no
     * live call, neither the app's nor another.
     */
    @Then("no call is left in the system")
    @那么("系统中没有遗留的通话")
    public void noCallLeft() {
        ScenarioRig rig = rig();
        OrderSteps.settle(rig);
        List<String> live = new ArrayList<>();
        List<Event> events = rig.timeline().events();
        for (UUID id : rig.device().liveCalls()) {
            String last = events.stream().filter(e -> id.equals(e.call())).reduce((a, b) -> b)
                    .map(e -> " (last: " + e.brief() + ")").orElse("");
            live.add(ctx.calls().nameOf(id) + last);
        }
        rig.device().otherCalls().live().ifPresent(k -> live.add("the other call (" + k.wireName() + ")"));
        if (!live.isEmpty()) {
            throw new AssertionError("Expected no call left in the system once the device settled (the system's call list, "
                    + "as CXCallObserver shows it; R-END-3), but it still holds " + live.size() + ": "
                    + String.join(", ", live) + " " + Waits.context(rig) + ".\nTimeline:\n"
                    + Waits.dump(rig));
        }
    }
}
