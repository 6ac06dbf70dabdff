package dev.callflow.steps;

import dev.callflow.device.IncomingCallPolicy;
import dev.callflow.platform.IncomingCallError;
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
        ctx.phone().appInForeground();
    }

    @Given("the app is running in the background")
    @假如("应用正在后台运行")
    public void appInBackground() {
        ctx.phone().appInBackground();
    }

    @Given("the app has been killed")
    @假如("应用已被杀死")
    public void appKilled() {
        ctx.phone().appKilled();
    }

    @Given("the phone is locked")
    @When("the user locks the phone")
    @假如("手机已锁屏")
    @当("用户锁定手机")
    public void phoneLocked() {
        ctx.phone().phoneLocked();
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
}
