package dev.callflow.steps;

import dev.callflow.device.IncomingCallPolicy;
import dev.callflow.platform.IncomingCallError;
import dev.callflow.platform.LaunchReason;
import dev.callflow.timeline.EventKind;
import dev.callflow.timeline.Source;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.When;
import io.cucumber.java.zh_cn.假如;
import io.cucumber.java.zh_cn.当;

/** Device and app state: launching, background, killed, lock screen, Do Not Disturb. */
public class DeviceSteps {
    private final ScenarioContext ctx;

    public DeviceSteps(ScenarioContext ctx) {
        this.ctx = ctx;
    }

    @Given("the app is running in the foreground")
    @假如("应用正在前台运行")
    public void appInForeground() {
        launchAndRegister();
    }

    @Given("the app is running in the background")
    @假如("应用正在后台运行")
    public void appInBackground() {
        launchAndRegister();
        ctx.rig().device().moveAppToBackground();
    }

    @Given("the app has been killed")
    @假如("应用已被杀死")
    public void appKilled() {
        launchAndRegister();
        ctx.rig().device().killApp();
    }

    @Given("the phone is locked")
    @When("the user locks the phone")
    @假如("手机已锁屏")
    @当("用户锁定手机")
    public void phoneLocked() {
        ctx.rig().device().lockScreen();
    }

    @When("the user unlocks the phone")
    @当("用户解锁手机")
    public void phoneUnlocked() {
        ctx.rig().device().unlockScreen();
    }

    @When("the app moves to the background")
    @当("应用进入后台")
    public void toBackground() {
        ctx.rig().device().moveAppToBackground();
    }

    @Given("Do Not Disturb is on")
    @假如("勿扰模式已开启")
    public void doNotDisturb() {
        ctx.rig().device().incomingCallPolicy(IncomingCallPolicy.deny(IncomingCallError.FILTERED_BY_DO_NOT_DISTURB));
    }

    @Given("the caller is on the block list")
    @假如("来电者在黑名单中")
    public void blockList() {
        ctx.rig().device().incomingCallPolicy(IncomingCallPolicy.deny(IncomingCallError.FILTERED_BY_BLOCK_LIST));
    }

    /** Launched by the user, logged in and with its VoIP token on the server, as an installed app would be. */
    private void launchAndRegister() {
        var rig = ctx.rig();
        long from = rig.timeline().size() + 1L;
        rig.device().launchApp(LaunchReason.USER);
        Waits.until(rig, "the app to log in to the signalling server",
                e -> e.is(Source.SIGNALLING, EventKind.LOGIN) && e.attribute("status").filter(s -> s.startsWith("2")).isPresent(), from);
        Waits.until(rig, "the app to upload its VoIP push token to the signalling server",
                e -> e.is(Source.SIGNALLING, EventKind.UPLOAD_PUSH_TOKEN) && e.attribute("status").filter(s -> s.startsWith("2")).isPresent(), from);
    }
}
