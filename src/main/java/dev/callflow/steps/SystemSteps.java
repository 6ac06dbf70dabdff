package dev.callflow.steps;

import dev.callflow.device.AppState;
import dev.callflow.device.IncomingCallPolicy;
import dev.callflow.harness.ScenarioRig;
import dev.callflow.platform.Handle;
import dev.callflow.platform.HandleType;
import dev.callflow.platform.IncomingCallError;
import dev.callflow.timeline.Event;
import dev.callflow.timeline.EventKind;
import dev.callflow.timeline.Level;
import dev.callflow.timeline.EventLines;
import dev.callflow.timeline.Source;
import dev.callflow.timeline.Timeline;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.When;
import io.cucumber.java.zh_cn.假如;
import io.cucumber.java.zh_cn.当;

import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** What the system does on its own: refusing reports, ending calls, Recents taps, and the app's CallKit setting. */
public class SystemSteps {
    private final ScenarioContext ctx;

    public SystemSteps(ScenarioContext ctx) {
        this.ctx = ctx;
    }

    private ScenarioRig rig() {
        return ctx.rig();
    }

    private UUID call(String alias) {
        return ctx.calls().idOf(alias);
    }

    // ---- report errors (R-INC-2) ------------------------------------------------------------------------------

    @Given("the system refuses incoming calls with {word}")
    @假如("系统以 {word} 拒绝来电")
    public void refuses(String error) {
        IncomingCallError e;
        try {
            e = IncomingCallError.fromWireName(error);
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException("Unknown incoming-call error '" + error + "'; use one of "
                    + Arrays.stream(IncomingCallError.values()).map(IncomingCallError::wireName).collect(Collectors.joining(", ")));
        }
        rig().device().incomingCallPolicy(IncomingCallPolicy.deny(e));
    }

    /**
     * Radar 32540260 (iOS 10): with Do Not Disturb set to "only while locked", a call on the locked phone was neither
     * filtered nor reported as filtered: no error, and the incoming-call UI showed (R-INC-3).
     */
    @Given("Do Not Disturb is on only while the phone is locked")
    @假如("勿扰模式仅在手机锁屏时开启")
    public void doNotDisturbWhileLocked() {
        ScenarioRig rig = rig();
        rig.device().incomingCallPolicy((id, update) -> {
            if (rig.device().isLocked()) {
                rig.timeline().record(EventKind.DO_NOT_DISTURB_NOT_APPLIED, Level.WARNING, id,
                        Timeline.attrs("mode", "whileLocked", "radar", "32540260"));
            }
            return Optional.empty();
        });
    }

    // ---- system-initiated end (R-INC-5, R-INC-6) ----------------------------------------------------------------

    /**
     * Waits for the system's ring timeout to fire for the call: the clock runs on to it (a background timer) even when
     * nothing else is in flight, up to the ring timeout plus the wait bound.
     */
    @When("call {word} rings unanswered past the ring timeout")
    @当("通话 {word} 响铃无人接听直至超时")
    /**
     * Nobody answers: the call rings until the system's ring timeout ends it, or the app's own give-up before that
     * (reportCall(with:endedAt:reason: .unanswered), CALLKIT-RULES.md R-INC-5), or anything else ends it first.
     */
    public void ringsPastTimeout(String alias) {
        ScenarioRig rig = rig();
        UUID id = call(alias);
        Duration bound = rig.settings().timing().ringTimeout().plus(rig.waitBound());
        dev.callflow.device.VirtualClock.Outcome outcome = Waits.await(rig,
                events -> events.stream().anyMatch(e -> id.equals(e.call())
                        && (e.is(Source.SYSTEM, EventKind.RING_TIMEOUT) || e.is(Source.SYSTEM, EventKind.CALL_ENDED))),
                bound, false);
        if (outcome != dev.callflow.device.VirtualClock.Outcome.MATCHED) {
            throw new AssertionError("Waited up to " + bound.toMillis() + " ms of virtual time (ring timeout "
                    + rig.settings().timing().ringTimeout().toMillis() + " ms plus the wait bound) for the unanswered "
                    + alias + " to end, but neither the system's ringTimeout nor the app ended it: "
                    + Waits.why(rig, outcome, bound) + " " + Waits.context(rig) + ".\nTimeline so far:\n" + Waits.dump(rig));
        }
    }

    @When("the user presses the headset button")
    @当("用户按下耳机按钮")
    public void headsetButton() {
        rig().device().callUi().pressHeadsetButton();
    }

    // ---- Recents (R-CFG-3) ------------------------------------------------------------------------------------

    @Given("the app supports only {word} handles")
    @假如("应用只支持 {word} 类型的号码")
    public void supportsOnly(String type) {
        if (rig().device().appState() != AppState.NOT_RUNNING) {
            throw new IllegalStateException("Give the app's supported handle types before it launches: put this step "
                    + "before 'the app is running …'");
        }
        rig().device().appSettings(rig().device().appSettings()
                .withSupportedHandleTypes(EnumSet.of(HandleType.fromWireName(type))));
    }

    @When("the user taps the {word} handle {string} in Recents")
    @当("用户在最近通话中点按 {word} 号码 {string}")
    public void tapRecents(String type, String value) {
        rig().device().callUi().tapRecents(new Handle(HandleType.fromWireName(type), value));
    }

    // ---- the provider's lifecycle (R-CFG-1, R-END-4) ----------------------------------------------------------

    @When("the user switches CallKit off and on in the app's settings")
    @当("用户在应用设置中关闭再打开 CallKit")
    public void toggleCallKit() {
        ScenarioRig rig = rig();
        for (boolean enabled : new boolean[] {false, true}) {
            rig.device().inApp(app -> {
                rig.timeline().record(EventKind.USER_TOGGLED_CALL_KIT, null, "enabled", String.valueOf(enabled));
                app.callKitSettingChanged(enabled);
            });
        }
        // The user leaves the settings screen only once the app has acted on both changes.
        if (!Waits.settled(rig)) {
            throw new IllegalStateException("The device did not settle within " + rig.waitBound().toMillis()
                    + " ms of virtual time after CallKit was switched off and on");
        }
    }

    @Given("call {word} from {string} is ringing")
    @假如("通话 {word}（来自 {string}）正在响铃")
    public void ringingCall(String alias, String caller) {
        CallSteps calls = new CallSteps(ctx);
        calls.serverOffers(alias, caller);
        calls.ringing(alias);
    }
}
