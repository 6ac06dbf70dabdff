package dev.callflow.steps;

import dev.callflow.device.AppState;
import dev.callflow.harness.ScenarioRig;
import dev.callflow.platform.ActionType;
import dev.callflow.signalling.SignallingFault;
import dev.callflow.timeline.Event;
import dev.callflow.timeline.EventKind;
import dev.callflow.timeline.ExpectedEvent;
import dev.callflow.timeline.Level;
import dev.callflow.timeline.EventLines;
import dev.callflow.timeline.Source;
import dev.callflow.timeline.Timeline;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.cucumber.java.zh_cn.假如;
import io.cucumber.java.zh_cn.当;
import io.cucumber.java.zh_cn.那么;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Faults and second calls: a slow or failing signalling server, a hung main thread, a provider reset, a missing
 * activation, the app's own configuration, and the user's choice on the second-call UI. Durations in steps are
 * real-world iOS ones, on the device's virtual clock like every system latency.
 */
public class CallFaultSteps {
    private static final Map<String, String> ENDPOINTS = Map.of(
            "accept", "/v1/calls/[^/]+/accept",
            "decline", "/v1/calls/[^/]+/decline",
            "hangup", "/v1/calls/[^/]+/hangup",
            "busy", "/v1/calls/[^/]+/busy",
            "invite", "/v1/calls",
            "login", "/v1/devices/[^/]+/login");

    private final ScenarioContext ctx;

    public CallFaultSteps(ScenarioContext ctx) {
        this.ctx = ctx;
    }

    private ScenarioRig rig() {
        return ctx.rig();
    }

    private UUID call(String alias) {
        return ctx.calls().idOf(alias);
    }

    // ---- the signalling server ---------------------------------------------------------------------------

    @Given("the signalling server delays {word} by {int} ms")
    @假如("信令服务器将 {word} 延迟 {int} 毫秒")
    public void serverDelays(String endpoint, int millis) {
        inject(endpoint, SignallingFault.delay(path(endpoint), Duration.ofMillis(millis)), "delay", millis + "ms");
    }

    @Given("the signalling server answers {word} with status {int}")
    @假如("信令服务器对 {word} 返回状态码 {int}")
    public void serverAnswersStatus(String endpoint, int status) {
        inject(endpoint, SignallingFault.status(path(endpoint), status, "{\"error\":\"injected\"}"), "status", String.valueOf(status));
    }

    @Given("the signalling server resets the connection on {word}")
    @假如("信令服务器在 {word} 时重置连接")
    public void serverResets(String endpoint) {
        inject(endpoint, SignallingFault.connectionReset(path(endpoint)), "fault", "connectionReset");
    }

    private void inject(String endpoint, SignallingFault fault, String... detail) {
        rig().injectSignallingFault(fault);
        String[] kv = new String[detail.length + 2];
        kv[0] = "endpoint";
        kv[1] = endpoint;
        System.arraycopy(detail, 0, kv, 2, detail.length);
        rig().timeline().record(Source.SIGNALLING, EventKind.FAULT_INJECTED, Level.INFO, null, Timeline.attrs(kv));
    }

    private static String path(String endpoint) {
        String p = ENDPOINTS.get(endpoint.toLowerCase(Locale.ROOT));
        if (p == null) {
            throw new IllegalArgumentException("Unknown signalling endpoint '" + endpoint + "'; use one of "
                    + ENDPOINTS.keySet().stream().sorted().toList());
        }
        return p;
    }

    // ---- device faults -----------------------------------------------------------------------------------

    @Given("the system never activates the audio session")
    @假如("系统从不激活音频会话")
    public void neverActivates() {
        rig().device().faults().neverActivateAudio();
    }

    @When("the app's main thread hangs for {int} ms")
    @当("应用主线程卡住 {int} 毫秒")
    public void mainThreadHangs(int millis) {
        rig().device().faults().hangMainThread(Duration.ofMillis(millis));
        Waits.until(rig(), "the app's main thread to hang", Waits.named(EventKind.APP_MAIN_THREAD_HANGS, null));
    }

    @Given("the app's main thread hangs for {int} ms in its next {word} action")
    @假如("应用主线程卡住 {int} 毫秒，在其下一个 {word} 动作中")
    public void mainThreadHangsInAction(int millis, String action) {
        ActionType type = Arrays.stream(ActionType.values()).filter(t -> t.wireName().equalsIgnoreCase(action)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown action '" + action + "'; use one of "
                        + Arrays.stream(ActionType.values()).map(ActionType::wireName).toList()));
        rig().device().faults().hangInNextAction(type, Duration.ofMillis(millis));
    }

    @When("the system resets the provider")
    @当("系统重置 CXProvider")
    public void providerReset() {
        rig().device().faults().resetProvider();
    }

    // ---- the app's configuration -------------------------------------------------------------------------

    @Given("the app is configured with maximumCallGroups {int}, maximumCallsPerCallGroup {int} and supportsHolding {word}")
    @假如("应用配置为 maximumCallGroups {int}、maximumCallsPerCallGroup {int}、supportsHolding {word}")
    public void appConfigured(int groups, int perGroup, String supportsHolding) {
        if (rig().device().appState() != AppState.NOT_RUNNING) {
            throw new IllegalStateException("Configure the app before it launches: the provider is created at launch (R-CFG-1)");
        }
        if (!supportsHolding.equals("true") && !supportsHolding.equals("false")) {
            throw new IllegalArgumentException("supportsHolding is true or false, got '" + supportsHolding + "'");
        }
        rig().device().appDefault("maximumCallGroups", String.valueOf(groups));
        rig().device().appDefault("maximumCallsPerCallGroup", String.valueOf(perGroup));
        rig().device().appDefault("supportsHolding", supportsHolding);
    }

    // ---- the second-call UI and the app's own UI ----------------------------------------------------------

    @When("the user chooses {string} for incoming call {word}")
    @当("用户选择 {string} 处理来电( ){word}")
    public void chooseForIncoming(String choice, String alias) {
        UUID id = awaitRinging(alias);
        var ui = rig().device().callUi();
        Runnable gesture = switch (Choices.english(choice)) {
            case "hold & accept" -> () -> ui.holdAndAccept(id);
            case "end & accept" -> () -> ui.endAndAccept(id);
            case "decline" -> () -> ui.decline(id);
            case "answer" -> () -> ui.answer(id);
            default -> throw new IllegalArgumentException("Unknown choice '" + choice
                    + "' on the incoming-call UI; use \"Hold & Accept\", \"End & Accept\", \"Decline\" or \"Answer\""
                    + " (保持并接听, 结束并接听, 拒接, 接听)");
        };
        Waits.atRingingCall(rig(), id, ctx.calls().nameOf(id), gesture);
    }

    @Then("the user cannot choose {string} for incoming call {word}")
    @那么("用户不能选择 {string} 处理来电( ){word}")
    public void cannotChoose(String choice, String alias) {
        UUID id = awaitRinging(alias);
        try {
            chooseForIncoming(choice, alias);
        } catch (IllegalStateException refused) {
            rig().timeline().record(EventKind.OPTION_NOT_OFFERED, id, "choice", choice,
                    "offered", String.join(",", rig().device().callUi().options(id)));
            return;
        }
        throw new AssertionError("The incoming-call UI for " + ctx.calls().nameOf(id) + " let the user choose " + choice
                + ", but it should not offer it (it offers " + rig().device().callUi().options(id) + ")");
    }

    @When("the user resumes call {word} in the app")
    @当("用户在应用内恢复通话( ){word}")
    public void resumeInApp(String alias) {
        UUID id = call(alias);
        rig().timeline().record(EventKind.USER_TAPPED_RESUME, id);
        rig().device().inApp(app -> app.userResumesCall(id));
    }

    private UUID awaitRinging(String alias) {
        UUID id = call(alias);
        Waits.ringing(rig(), id, ctx.calls().nameOf(id));
        return id;
    }

    // ---- absences with attributes ------------------------------------------------------------------------

    @Then("there is no {word} with {string}")
    @那么("没有 {word} 事件带有 {string}")
    @EventArguments(0)
    public void noEventWith(String eventName, String attributes) {
        ctx.requireEvents("in an absence step", eventName);
        dev.callflow.device.VirtualClock.Outcome outcome = Waits.await(rig(), events -> false);
        if (outcome != dev.callflow.device.VirtualClock.Outcome.SETTLED) {
            throw new AssertionError("The device did not settle, so an absence cannot be judged: "
                    + Waits.why(rig(), outcome, rig().waitBound()) + " " + Waits.context(rig()) + ".\nTimeline:\n"
                    + Waits.dump(rig()));
        }
        Map<String, String> wanted = ExpectedEvent.parseAttributes(attributes);
        List<Event> found = rig().timeline().events().stream().filter(e -> e.name().equals(eventName)
                && wanted.entrySet().stream().allMatch(w -> w.getValue().equals(e.attribute(w.getKey()).orElse(null)))).toList();
        if (!found.isEmpty()) {
            throw new AssertionError("Expected no " + eventName + " with " + wanted + ", but the timeline has "
                    + found.stream().map(e -> EventLines.brief(e, rig().calls()::nameOf)).toList() + "\nTimeline:\n" + Waits.dump(rig()));
        }
    }
}
