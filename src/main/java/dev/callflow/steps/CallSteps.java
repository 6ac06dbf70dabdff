package dev.callflow.steps;

import dev.callflow.device.OtherCalls;
import dev.callflow.harness.ScenarioRig;
import dev.callflow.platform.Handle;
import dev.callflow.platform.HandleType;
import dev.callflow.platform.ServerEvent;
import dev.callflow.platform.ServerEventType;
import dev.callflow.timeline.Event;
import dev.callflow.timeline.EventLines;
import dev.callflow.timeline.EventKind;
import dev.callflow.timeline.Source;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.cucumber.java.zh_cn.假如;
import io.cucumber.java.zh_cn.当;
import io.cucumber.java.zh_cn.那么;

import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What the server, the push service and the user do to calls. */
public class CallSteps {
    private final ScenarioContext ctx;

    public CallSteps(ScenarioContext ctx) {
        this.ctx = ctx;
    }

    private ScenarioRig rig() {
        return ctx.rig();
    }

    private UUID call(String alias) {
        return ctx.calls().idOf(alias);
    }

    // ---- the signalling server ---------------------------------------------------------------------------

    @When("the server offers call {word} from {string}")
    @当("服务器发来通话 {word}（来自 {string}）")
    public void serverOffers(String alias, String caller) {
        ctx.phone().serverOffersCall(alias, caller);
    }

    @When("the caller cancels call {word}")
    @当("主叫方取消通话( ){word}")
    public void callerCancels(String alias) {
        rig().sendServerEvent(ServerEvent.of(ServerEventType.CANCEL, call(alias).toString()));
    }

    @When("the remote party hangs up call {word}")
    @当("对方挂断通话( ){word}")
    public void remoteHangsUp(String alias) {
        ctx.phone().remoteHangsUp(alias);
    }

    @When("the callee answers call {word}")
    @当("被叫方接听通话( ){word}")
    public void calleeAnswers(String alias) {
        ctx.phone().calleeAnswers(alias);
    }

    @When("the callee is busy for call {word}")
    @当("被叫方占线拒接通话( ){word}")
    public void calleeBusy(String alias) {
        forCallee(alias, ServerEvent.of(ServerEventType.BUSY, call(alias).toString()));
    }

    @When("the callee declines call {word}")
    @当("被叫方拒接通话( ){word}")
    public void calleeDeclines(String alias) {
        forCallee(alias, ServerEvent.of(ServerEventType.DECLINED, call(alias).toString()));
    }

    @When("the callee does not answer call {word}")
    @当("被叫方未接听通话( ){word}")
    public void calleeNoAnswer(String alias) {
        forCallee(alias, new ServerEvent("noAnswer", call(alias).toString(), java.util.Map.of()));
    }

    /** The server answers for the callee only once the app's invite reached it, as a real server does. */
    private void forCallee(String alias, ServerEvent event) {
        ctx.phone().forCallee(alias, event);
    }

    // ---- VoIP push ---------------------------------------------------------------------------------------

    @When("the app server sends a VoIP push for call {word} from {string}")
    @当("应用服务器为通话 {word}（来自 {string}）发送 VoIP 推送")
    public void voipPush(String alias, String caller) {
        ctx.phone().voipPushFor(alias, caller);
    }

    /** A well-formed VoIP push for {@code id} through the mock APNs, which must accept it ({@link Phone#voipPushFor}). */
    static void sendCallPush(ScenarioRig rig, UUID id, String caller) {
        Phone.sendCallPush(rig, id, caller);
    }

    /**
     * The cold-start budget (R-PUSH-6, the seed document's third risk): from APNs accepting the push for the call to the
     * app reporting the call, in virtual time: the push's way to the phone, the process launch, and whatever the app
     * waits for (its server, its timers) before it reports.
     */
    @Then("the app reports call {word} within {int} ms of its push")
    @那么("应用上报通话 {word} 不晚于其推送后 {int} 毫秒")
    public void reportsWithinBudget(String alias, int budgetMillis) {
        UUID id = call(alias);
        String name = ctx.calls().nameOf(id);
        Event accepted = Waits.until(rig(), "APNs to accept the push for " + name, id,
                e -> e.is(Source.PUSH, EventKind.PUSH_ACCEPTED) && id.equals(e.call()));
        Event reported = Waits.until(rig(), "the app to report " + name + " after its push",
                e -> e.is(Source.APP, EventKind.REPORT_NEW_INCOMING_CALL) && id.equals(e.call()), accepted.seq());
        double took = (reported.micros() - accepted.micros()) / 1000.0;
        if (took > budgetMillis) {
            throw new AssertionError(String.format(Locale.ROOT, "Expected the app to report %s within %d ms of its push, "
                    + "but it took %.1f ms of virtual time: %s, then %s %s", name, budgetMillis, took, EventLines.brief(accepted, rig().calls()::nameOf),
                    EventLines.brief(reported, rig().calls()::nameOf), Waits.context(rig())));
        }
    }

    // ---- the system call UI ------------------------------------------------------------------------------

    @When("the user answers call {word} on the system call UI")
    @当("用户在系统来电界面上接听通话( ){word}")
    public void answerOnSystemUi(String alias) {
        ctx.phone().userAnswers(alias);
    }

    @When("the user declines call {word} on the system call UI")
    @当("用户在系统来电界面上拒接通话( ){word}")
    public void declineOnSystemUi(String alias) {
        ctx.phone().userDeclines(alias);
    }

    @When("the user ends call {word} on the system call UI")
    @当("用户在系统通话界面上结束通话( ){word}")
    public void endOnSystemUi(String alias) {
        ctx.phone().userEnds(alias);
    }

    /** A ghost call (R-END-3): the system kept a call of an earlier launch of the app; this launch never heard of it. */
    @Given("the system still has call {word} from an earlier launch of the app")
    @假如("系统仍保留应用上次启动时的通话( ){word}")
    public void carriedOver(String alias) {
        rig().device().carryOverCall(call(alias), new Handle(HandleType.GENERIC, "carol"));
    }

    @When("the user presses the side button")
    @当("用户按下侧边按钮")
    public void sideButton() {
        rig().device().callUi().pressSideButton();
    }

    @Then("call {word} is ringing on the system call UI")
    @那么("通话 {word} 正在系统来电界面上响铃")
    public void ringing(String alias) {
        UUID id = awaitRinging(alias);
        assertThat(rig().device().callUi().ringingCall()).as("the call the incoming-call UI shows").contains(id);
    }

    private UUID awaitRinging(String alias) {
        return ctx.phone().awaitRinging(alias);
    }

    // ---- the app's own UI --------------------------------------------------------------------------------

    @When("the user hangs up call {word} in the app")
    @当("用户在应用内挂断通话( ){word}")
    public void hangUpInApp(String alias) {
        ctx.phone().userHangsUp(alias);
    }

    @When("the user calls {string} from the app as call {word}")
    @当("用户从应用拨打 {string} 作为通话( ){word}")
    public void callFromApp(String handle, String alias) {
        ctx.phone().userCalls(handle, alias);
    }

    // ---- composite set-up --------------------------------------------------------------------------------

    @Given("call {word} from {string} is connected")
    @假如("通话 {word}（来自 {string}）已接通")
    public void connectedIncoming(String alias, String caller) {
        serverOffers(alias, caller);
        answerOnSystemUi(alias);
        audioRunning(alias);
    }

    @Then("the audio of call {word} is running")
    @When("the audio of call {word} runs")
    @那么("通话 {word} 的音频正在运行")
    @当("通话 {word} 的音频开始运行")
    public void audioRunning(String alias) {
        ctx.phone().audioRuns(alias);
    }

    // ---- other calls -------------------------------------------------------------------------------------

    @When("a {otherCall} comes in")
    @当("{otherCall}打进来")
    public void otherCallComesIn(OtherCalls.Kind kind) {
        ctx.phone().otherCallComesIn(kind);
    }

    @When("the user chooses {string} for the other call")
    @当("用户对另一通来电选择 {string}")
    public void chooseForOtherCall(String choice) {
        ctx.phone().userChoosesForOtherCall(choice);
    }

    @When("the other call is ended by the local user")
    @当("另一通电话被本机用户挂断")
    public void otherEndsLocally() {
        FlowStates.otherCallActive(rig(), ctx.calls()::nameOf);
        rig().device().otherCalls().otherCallEnds(false);
    }

    @When("the other call is ended by the remote party")
    @当("另一通电话被对方挂断")
    public void otherEndsRemotely() {
        FlowStates.otherCallActive(rig(), ctx.calls()::nameOf);
        rig().device().otherCalls().otherCallEnds(true);
    }
}
