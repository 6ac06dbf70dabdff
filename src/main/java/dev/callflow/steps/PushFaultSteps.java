package dev.callflow.steps;

import com.eatthepath.pushy.apns.PushType;
import dev.callflow.device.PushDeliveryPolicy;
import dev.callflow.harness.ScenarioRig;
import dev.callflow.push.AppServer;
import dev.callflow.push.PushRequest;
import dev.callflow.push.PushResult;
import dev.callflow.push.Rejection;
import dev.callflow.push.RejectionPolicy;
import dev.callflow.timeline.EventKind;
import dev.callflow.timeline.Source;
import io.cucumber.java.ParameterType;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.When;
import io.cucumber.java.zh_cn.假如;
import io.cucumber.java.zh_cn.当;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Push anomalies: late, duplicated and non-call VoIP pushes, pushes APNs rejects, and a launch that never finishes. */
public class PushFaultSteps {
    private final ScenarioContext ctx;

    public PushFaultSteps(ScenarioContext ctx) {
        this.ctx = ctx;
    }

    private ScenarioRig rig() {
        return ctx.rig();
    }

    private UUID call(String alias) {
        return ctx.calls().idOf(alias);
    }

    // ---- the network between APNs and the phone -----------------------------------------------------------

    @Given("VoIP pushes reach the phone {int} s late")
    @假如("VoIP 推送晚 {int} 秒到达手机")
    public void pushesLate(int seconds) {
        Duration late = Duration.ofSeconds(seconds);
        rig().device().pushDeliveryPolicy(push -> PushDeliveryPolicy.delay(late));
    }

    @Given("APNs delivers each VoIP push twice")
    @假如("APNs 将每条 VoIP 推送投递两次")
    public void pushesTwice() {
        rig().device().pushDeliveryPolicy(push -> PushDeliveryPolicy.duplicate());
    }

    @Given("VoIP pushes are lost on the way to the phone")
    @假如("VoIP 推送在送往手机途中丢失")
    public void pushesLost() {
        rig().device().pushDeliveryPolicy(push -> PushDeliveryPolicy.drop());
    }

    /**
     * Two pushes for different calls reach the phone at the same moment: both PushKit handlers are queued before either
     * runs, so the app has two pushes in flight, each with its own completion (R-PUSH-3; a single shared completion slot
     * loses one of them).
     */
    @When("VoIP pushes for call {word} from {string} and call {word} from {string} reach the phone together")
    @当("通话 {word}（来自 {string}）和通话 {word}（来自 {string}）的 VoIP 推送同时到达手机")
    public void pushesTogether(String first, String firstCaller, String second, String secondCaller) {
        PushDeliveryPolicy before = rig().device().pushDeliveryPolicy();
        rig().device().pushDeliveryPolicy(PushDeliveryPolicy.inPairs());
        try {
            CallSteps.sendCallPush(rig(), call(first), firstCaller);
            CallSteps.sendCallPush(rig(), call(second), secondCaller);
        } finally {
            rig().device().pushDeliveryPolicy(before);
        }
    }

    /**
     * The caller gives up while the push for the call is on its way: from then on the server answers
     * {@code GET /v1/calls/{id}} with {@code cancelled} for this device. Said before the push is sent, so that it happens
     * inside the push's delay however slowly the harness sends the push.
     */
    @Given("the caller will cancel call {word} while its push is on the way")
    @假如("主叫方将在推送途中取消通话( ){word}")
    public void cancelWhilePushInFlight(String alias) {
        UUID id = call(alias);
        rig().device().whilePushInFlight(id, () -> {
            rig().signallingRegistration().respond("GET", "/v1/calls/" + id, 200,
                    "{\"callId\":\"" + id + "\",\"state\":\"cancelled\"}");
            rig().timeline().record(EventKind.CALL_STATE_CHANGED, id, "state", "cancelled", "by", "caller");
        });
    }

    // ---- what the app server puts in a push ---------------------------------------------------------------

    /**
     * A VoIP push whose payload differs from the well-formed one ({@code callId}, {@code caller}, {@code handleType})
     * by comma-separated edits: {@code type=message} sets a field, {@code caller=} makes it blank, {@code no callId}
     * removes it. APNs must accept it.
     */
    @When("the app server sends a VoIP push for call {word} with {string}")
    @当("应用服务器为通话 {word} 发送内容为 {string} 的 VoIP 推送")
    public void pushWithEdits(String alias, String edits) {
        UUID id = call(alias);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("callId", id.toString());
        fields.put("caller", "alice");
        fields.put("handleType", "generic");
        for (String edit : edits.split(",")) {
            String e = edit.trim();
            if (e.startsWith("no ")) {
                fields.remove(e.substring(3).trim());
            } else if (e.contains("=")) {
                fields.put(e.substring(0, e.indexOf('=')).trim(), e.substring(e.indexOf('=') + 1).trim());
            } else if (!e.isEmpty()) {
                throw new IllegalArgumentException("Payload edit '" + e + "' must read 'field=value' or 'no field'");
            }
        }
        StringBuilder json = new StringBuilder("{\"aps\":{}");
        fields.forEach((k, v) -> json.append(",\"").append(k).append("\":\"").append(v.replace("\"", "\\\"")).append('"'));
        json.append('}');
        PushResult result = rig().sendVoipPush(id, json.toString());
        assertThat(result.accepted()).as("APNs should accept a VoIP push whatever its custom fields, but answered %s", result)
                .isTrue();
    }

    /** What the app server gets wrong, in the words of the step, and the APNs rejection it earns. */
    public enum PushMistake {
        MALFORMED_TOKEN, WRONG_TOPIC, ALERT_PUSH_TYPE, UNREGISTERED_TOKEN, THROTTLED, UNKNOWN_KEY
    }

    @ParameterType("to a malformed device token|for another app's topic|with push type alert|to a token APNs marked unregistered"
            + "|while APNs throttles the app server|signed with an unknown key"
            + "|向格式错误的设备令牌|用其他应用的主题|以 alert 推送类型|向 APNs 已标记为注销的令牌|在 APNs 限流应用服务器时|用未知密钥签名")
    public PushMistake pushMistake(String text) {
        return switch (text) {
            case "to a malformed device token", "向格式错误的设备令牌" -> PushMistake.MALFORMED_TOKEN;
            case "for another app's topic", "用其他应用的主题" -> PushMistake.WRONG_TOPIC;
            case "with push type alert", "以 alert 推送类型" -> PushMistake.ALERT_PUSH_TYPE;
            case "to a token APNs marked unregistered", "向 APNs 已标记为注销的令牌" -> PushMistake.UNREGISTERED_TOKEN;
            case "while APNs throttles the app server", "在 APNs 限流应用服务器时" -> PushMistake.THROTTLED;
            default -> PushMistake.UNKNOWN_KEY;
        };
    }

    /** A push APNs must reject (R-PUSH-7): the step fails if APNs accepted it. */
    @When("the app server sends a VoIP push for call {word} {pushMistake}")
    @当("应用服务器为通话 {word} {pushMistake}发送 VoIP 推送")
    public void rejectedPush(String alias, PushMistake mistake) {
        ScenarioRig rig = rig();
        UUID id = call(alias);
        String token = rig.device().deviceToken();
        String topic = rig.device().voipTopic();
        PushType type = PushType.VOIP;
        AppServer server = rig.push().appServer();
        switch (mistake) {
            case MALFORMED_TOKEN -> token = token.substring(0, 40) + "-not-hex";
            case WRONG_TOPIC -> topic = "com.example.otherapp.voip";
            case ALERT_PUSH_TYPE -> type = PushType.ALERT;
            case UNREGISTERED_TOKEN -> rig.apnsRegistration().rejectWith(RejectionPolicy.always(
                    Rejection.unregistered(dev.callflow.device.VirtualClock.BASE.plus(rig.clock().now())
                            .minus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS))));
            case THROTTLED -> rig.apnsRegistration().rejectWith(RejectionPolicy.always(Rejection.tooManyRequests()));
            case UNKNOWN_KEY -> server = rig.push().newAppServerWithUnknownKey();
        }
        PushRequest request = PushRequest.builder().deviceToken(token).topic(topic).pushType(type)
                .payload("{\"aps\":{},\"callId\":\"" + id + "\",\"caller\":\"alice\",\"handleType\":\"generic\"}").build();
        PushResult result = rig.sendPush(server, request, id);
        assertThat(result.accepted()).as("APNs should reject a push sent %s, but answered %s", mistake, result).isFalse();
    }

    // ---- a launch that never finishes -----------------------------------------------------------------------

    @Given("the app takes too long to launch")
    @假如("应用启动耗时过长")
    public void slowLaunch() {
        rig().device().launchExceedsWatchdog(true);
    }

    @Given("PushKit stops launching the app after {int} failed pushes")
    @假如("PushKit 在 {int} 次推送失败后不再启动应用")
    public void banThreshold(int failures) {
        rig().device().pushBanThreshold(failures);
    }

    /**
     * Sends {@code count} well-formed VoIP pushes (calls {@code P1}, {@code P2}, …), each waiting until the push
     * failed: with a launch that exceeds the watchdog, the app dies before each one is delivered.
     */
    @When("the app server sends {int} VoIP pushes that each fail to reach the app")
    @当("应用服务器发送 {int} 条都未能到达应用的 VoIP 推送")
    public void failingPushes(int count) {
        CallSteps calls = new CallSteps(ctx);
        for (int i = 1; i <= count; i++) {
            String alias = "P" + i;
            long from = rig().timeline().size() + 1L;
            calls.voipPush(alias, "alice");
            UUID id = call(alias);
            Waits.until(rig(), "push " + alias + " to fail (pushNotDelivered or pushNotReported)",
                    e -> (e.is(Source.SYSTEM, EventKind.PUSH_NOT_DELIVERED) || e.is(Source.SYSTEM, EventKind.PUSH_NOT_REPORTED))
                            && Optional.ofNullable(e.call()).map(id::equals).orElse(false), from);
        }
    }
}
