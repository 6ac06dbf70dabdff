package dev.callflow.iut.external;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.callflow.platform.AppEnvironment;
import dev.callflow.platform.AppSettings;
import dev.callflow.platform.CallAction;
import dev.callflow.platform.CallApp;
import dev.callflow.platform.Handle;
import dev.callflow.platform.LaunchReason;
import dev.callflow.platform.ProviderDelegate;
import dev.callflow.platform.PushRegistryDelegate;
import dev.callflow.platform.ServerEvent;
import dev.callflow.platform.VoipPush;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The app as the simulated device sees it when the implementation under test runs outside the JVM: every delegate
 * callback, completion, gesture, timer and HTTP response becomes one callflow-iut/2 handler message, handled on the
 * device's main-queue thread from send to {@code done} (docs/iut-protocol.md section 4). What the IUT does meanwhile
 * is carried out by {@link AppCalls}; the conversation and its verdicts are the {@link Session}'s.
 */
public final class ExternalApp implements CallApp, ProviderDelegate, PushRegistryDelegate {
    static final String HARNESS_VERSION = "0.2.0";

    /** The iOS API each handler message stands for, named in verdicts. */
    static final Map<String, String> HANDLERS = Map.ofEntries(
            Map.entry("launch", "application(_:didFinishLaunchingWithOptions:)"),
            Map.entry("pushCredentials", "pushRegistry(_:didUpdate:for:)"),
            Map.entry("voipPush", "pushRegistry(_:didReceiveIncomingPushWith:for:completion:)"),
            Map.entry("perform", "provider(_:perform:)"),
            Map.entry("actionTimedOut", "provider(_:timedOutPerforming:)"),
            Map.entry("audioActivated", "provider(_:didActivate:)"),
            Map.entry("audioDeactivated", "provider(_:didDeactivate:)"),
            Map.entry("providerReset", "providerDidReset(_:)"),
            Map.entry("reportCompletion", "the completion of reportNewIncomingCall(with:update:completion:)"),
            Map.entry("transactionCompletion", "the completion of CXCallController.request(_:completion:)"),
            Map.entry("httpResponse", "the completion handler of a URLSession task"),
            Map.entry("timer", "a timer's block on the main queue"),
            Map.entry("signalling", "the handler of the app's signalling connection"),
            Map.entry("user", "a gesture handler of the app's own UI"),
            Map.entry("lifecycle", "applicationDidEnterBackground / applicationWillEnterForeground"));

    private final ChannelOpener opener;
    private final Duration hangGuard;
    private final AppSettings settings;
    private volatile Session session;
    private volatile AppCalls calls;
    private volatile boolean killed;

    /** {@code hangGuard}: how long the IUT may take to say hello and to return from each handler (section 11). */
    ExternalApp(ChannelOpener opener, Duration hangGuard, AppSettings settings) {
        this.opener = Objects.requireNonNull(opener, "opener");
        this.hangGuard = Objects.requireNonNull(hangGuard, "hangGuard");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    // ---- launch ----------------------------------------------------------------------------------------------

    @Override
    public void didFinishLaunching(AppEnvironment env, LaunchReason reason) {
        Session s = new Session(opener, hangGuard, env);
        calls = new AppCalls(env, this, this::deliver);
        session = s;
        if (killed) { // the system killed the process before its launch code ran
            s.close();
        }
        if (s.start(hello(env))) {
            deliver("launch", m -> m.put("reason", reason.wireName()));
        }
    }

    /** {@code hello}: who the device is, and the app's stored settings as the scenario left them before launch. */
    private ObjectNode hello(AppEnvironment env) {
        ObjectNode hello = Codec.message("hello").put("protocol", Codec.PROTOCOL).put("harness", HARNESS_VERSION)
                .put("deviceId", env.deviceId()).put("bundleId", env.bundleId()).put("sdk", "simulated");
        ObjectNode s = hello.putObject("settings");
        settings.supportedHandleTypes().ifPresent(types -> {
            var array = s.putArray("supportedHandleTypes");
            types.stream().map(t -> t.wireName()).sorted().forEach(array::add);
        });
        ObjectNode defaults = s.putObject("userDefaults");
        env.userDefaults().forEach(defaults::put);
        return hello;
    }

    /**
     * Runs the IUT's handler for one message, on the calling thread (the device's main queue); {@code fields} fills
     * in the message, which already holds its {@code id}. Nothing is delivered once the session ended.
     */
    void deliver(String type, Consumer<ObjectNode> fields) {
        deliver(type, HANDLERS.get(type), fields);
    }

    /** {@link #deliver(String, Consumer)} naming where it runs more closely than its type does. */
    private void deliver(String type, String where, Consumer<ObjectNode> fields) {
        Session s = session;
        if (s == null || !s.open()) {
            return;
        }
        ObjectNode m = Codec.message(type).put("id", s.nextId());
        fields.accept(m);
        s.handle(m, where, calls);
    }

    @Override
    public void processKilled() {
        killed = true;
        AppCalls c = calls;
        if (c != null) {
            c.stop();
        }
        Session s = session;
        if (s != null) {
            s.close();
        }
    }

    // ---- PushKit ---------------------------------------------------------------------------------------------

    @Override
    public void didUpdatePushCredentials(String deviceToken) {
        deliver("pushCredentials", m -> m.put("token", deviceToken));
    }

    @Override
    public void didReceiveIncomingPush(VoipPush push, Runnable completion) {
        deliver("voipPush", m -> {
            calls.awaitPushCompletion(m.get("id").asLong(), completion);
            JsonNode payload = Codec.jsonOrText(push.payload());
            if (payload == null || !payload.isObject()) {
                ObjectNode fields = Codec.JSON.createObjectNode(); // not an APNs JSON object: what PushKit could read of it
                push.fields().forEach(fields::put);
                payload = fields;
            }
            m.put("apnsId", push.apnsId()).set("payload", payload);
        });
    }

    // ---- CallKit ---------------------------------------------------------------------------------------------

    private void perform(CallAction action, Consumer<ObjectNode> extra) {
        calls.awaitCompletion(action);
        deliver("perform", HANDLERS.get("perform") + " (" + action.type().delegateEvent().wireName() + ")", m -> {
            m.put("actionId", action.id()).put("action", action.type().wireName()).put("call", action.callUUID().toString());
            extra.accept(m);
            if (action.state() == CallAction.State.TIMED_OUT) {
                m.put("timedOut", true); // the system gave up on it before the app's main thread got to it
            }
        });
    }

    @Override
    public void performStartCallAction(CallAction action) {
        perform(action, m -> action.handle().ifPresent(h -> m.set("handle", Codec.handleNode(h))));
    }

    @Override
    public void performAnswerCallAction(CallAction action) {
        perform(action, m -> { });
    }

    @Override
    public void performEndCallAction(CallAction action) {
        perform(action, m -> { });
    }

    @Override
    public void performSetHeldCallAction(CallAction action) {
        perform(action, m -> m.put("onHold", action.onHold()));
    }

    @Override
    public void performSetMutedCallAction(CallAction action) {
        perform(action, m -> { });
    }

    @Override
    public void timedOutPerformingAction(CallAction action) {
        deliver("actionTimedOut", m -> m.put("actionId", action.id()).put("action", action.type().wireName())
                .put("call", action.callUUID().toString()));
    }

    @Override
    public void didActivateAudioSession() {
        deliver("audioActivated", m -> { });
    }

    @Override
    public void didDeactivateAudioSession() {
        deliver("audioDeactivated", m -> { });
    }

    @Override
    public void providerDidReset() {
        deliver("providerReset", m -> { });
    }

    // ---- the app's server, its own UI, its lifecycle ---------------------------------------------------------

    @Override
    public void onSignallingEvent(ServerEvent event) {
        deliver("signalling", m -> m.set("event", Codec.jsonOrText(event.toJson())));
    }

    @Override
    public void userStartsCall(UUID call, Handle handle) {
        deliver("user", m -> m.put("gesture", "startCall").put("call", call.toString()).set("handle", Codec.handleNode(handle)));
    }

    @Override
    public void userHangsUp(UUID call) {
        deliver("user", m -> m.put("gesture", "hangUp").put("call", call.toString()));
    }

    @Override
    public void userResumesCall(UUID call) {
        deliver("user", m -> m.put("gesture", "resumeCall").put("call", call.toString()));
    }

    @Override
    public void continueUserActivity(Handle handle) {
        deliver("user", m -> m.put("gesture", "continueActivity").set("handle", Codec.handleNode(handle)));
    }

    @Override
    public void callKitSettingChanged(boolean enabled) {
        deliver("user", m -> m.put("gesture", "callKitSetting").put("enabled", enabled));
    }

    @Override
    public void didEnterBackground() {
        deliver("lifecycle", m -> m.put("state", "background"));
    }

    @Override
    public void willEnterForeground() {
        deliver("lifecycle", m -> m.put("state", "foreground"));
    }
}
