package dev.callflow.iut.external;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.callflow.platform.AppEnvironment;
import dev.callflow.platform.AudioSessionError;
import dev.callflow.platform.CallAction;
import dev.callflow.platform.CallEndedReason;
import dev.callflow.platform.CallProvider;
import dev.callflow.platform.CallUpdate;
import dev.callflow.platform.MediaSdk;
import dev.callflow.sdk.SimulatedMediaSdk;
import dev.callflow.timeline.EventKind;
import dev.callflow.timeline.Level;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Carries out the IUT's calls (docs/iut-protocol.md section 5) on the device's main queue, inside the running
 * handler, as the iOS APIs they stand for; their completions come back through {@link Deliver} as handler messages.
 * Each call reaches this class checked by the {@link Codec}; what is left to refuse is what only the session knows.
 */
final class AppCalls implements Session.Calls {

    /** Runs the IUT's handler for one message: {@link ExternalApp#deliver}. */
    @FunctionalInterface
    interface Deliver {
        void deliver(String type, Consumer<ObjectNode> fields);
    }

    /**
     * The app's own log line, recorded under its word, unless the word is an event of the vocabulary
     * ({@code fulfill}, {@code endCallWithCompletion}): then as {@code appLogLine event=<word>}, so that a log line can
     * never pass for what it names. No rule and no conformance scenario reads an app's log words.
     */
    private void log(String word, java.util.UUID call, String[] attributes) {
        if (EventKind.named(word).isEmpty()) {
            env.log(word, call, attributes);
            return;
        }
        String[] kv = new String[attributes.length + 2];
        kv[0] = "event";
        kv[1] = word;
        System.arraycopy(attributes, 0, kv, 2, attributes.length);
        env.record(EventKind.APP_LOG_LINE, Level.INFO, call, kv);
    }

    private final AppEnvironment env;
    private final ExternalApp delegate;
    private final Deliver deliver;
    private final AppRuntime runtime;
    /** How many actions, and how many pushes, the bridge remembers for a second completion. */
    static final int REMEMBERED = 256;
    private final RecentById<CallAction> actions = new RecentById<>(REMEMBERED, "actions");
    private final RecentById<Runnable> pushCompletions = new RecentById<>(REMEMBERED, "pushes");
    private CallProvider provider;

    AppCalls(AppEnvironment env, ExternalApp delegate, Deliver deliver) {
        this.env = env;
        this.delegate = delegate;
        this.deliver = deliver;
        this.runtime = new AppRuntime(env, deliver);
    }

    void awaitCompletion(CallAction action) {
        actions.put(action.id(), action);
    }

    void awaitPushCompletion(long pushMessageId, Runnable completion) {
        pushCompletions.put(pushMessageId, completion);
    }

    /** The process died: its timers die with it, and nothing more is delivered. */
    void stop() {
        runtime.stop();
    }

    @Override
    public Optional<ObjectNode> carryOut(ObjectNode m) throws ProtocolException {
        String type = Codec.type(m);
        switch (type) {
            case "createProvider" -> {
                provider = env.createProvider(Codec.configuration(type, m.get("configuration")));
                provider.setDelegate(delegate);
            }
            case "invalidateProvider" -> provider(type).invalidate();
            case "setPushDelegate" -> env.pushRegistry().setDelegate(delegate);
            case "reportIncoming" -> reportIncoming(m);
            case "reportEnded" -> provider(type).reportCallEnded(Codec.uuid(m, "call"), Instant.now(),
                    CallEndedReason.fromWireName(Codec.text(m, "reason")));
            case "reportOutgoing" -> {
                if (Codec.text(m, "state").equals("connected")) {
                    provider(type).reportOutgoingCallConnected(Codec.uuid(m, "call"));
                } else {
                    provider(type).reportOutgoingCallStartedConnecting(Codec.uuid(m, "call"));
                }
            }
            case "requestTransaction" -> {
                long id = Codec.integer(m, "id");
                env.callController().request(Codec.actions(type, m.get("actions")), error -> deliver.deliver(
                        "transactionCompletion", r -> {
                            r.put("re", id);
                            error.ifPresent(e -> r.put("error", e.wireName()).put("code", e.code()));
                        }));
            }
            case "fulfill", "fail" -> complete(m, type.equals("fulfill"));
            case "audioSession" -> {
                return audioSession(m);
            }
            case "sdk" -> {
                return sdk(m);
            }
            case "sdkReport" -> env.sdkReport(Codec.text(m, "op"), Codec.uuid(m, "call"), Codec.attributes(m.get("attributes")));
            case "log" -> log(Codec.text(m, "event"), Codec.uuid(m, "call"), Codec.attributes(m.get("attributes")));
            case "pushCompletion" -> pushCompletion(Codec.integer(m, "push"));
            case "http" -> runtime.http(m);
            case "setTimer" -> runtime.setTimer(Codec.text(m, "timer"), Codec.integer(m, "afterMs"));
            case "cancelTimer" -> runtime.cancelTimer(Codec.text(m, "timer"));
            default -> throw new ProtocolException("\"" + type + "\" is not a call the app can make inside a handler");
        }
        return Optional.empty();
    }

    private CallProvider provider(String type) throws ProtocolException {
        if (provider == null) {
            throw new ProtocolException(type + " before createProvider; create the app's provider in its launch handler");
        }
        return provider;
    }

    private void reportIncoming(ObjectNode m) throws ProtocolException {
        long id = Codec.integer(m, "id");
        CallUpdate update = CallUpdate.builder().remoteHandle(Codec.handle(m.get("handle")))
                .localizedCallerName(Codec.text(m, "callerName"))
                .supportsHolding(m.path("supportsHolding").asBoolean(true)).build();
        provider("reportIncoming").reportNewIncomingCall(Codec.uuid(m, "call"), update, error -> deliver.deliver(
                "reportCompletion", r -> {
                    r.put("re", id);
                    error.ifPresent(e -> r.put("error", e.wireName()).put("code", e.code()));
                }));
    }

    private void complete(ObjectNode m, boolean fulfil) throws ProtocolException {
        long id = Codec.integer(m, "actionId");
        CallAction action = actions.get(id).orElseThrow(() -> new ProtocolException((fulfil ? "fulfill" : "fail")
                + " for actionId " + id + actions.whyUnknown(id, ", which the harness never sent in a perform message")));
        if (fulfil) {
            action.fulfill();
        } else {
            action.fail();
        }
    }

    /** Completing a push twice is carried out twice (and recorded); a push the harness never delivered is an error. */
    private void pushCompletion(long push) throws ProtocolException {
        Runnable completion = pushCompletions.get(push).orElseThrow(() -> new ProtocolException("pushCompletion for push "
                + push + pushCompletions.whyUnknown(push, ", which is not the id of a voipPush message the harness sent; "
                + "use the id of the voipPush you handled")));
        completion.run();
    }

    private Optional<ObjectNode> audioSession(ObjectNode m) {
        if (Codec.text(m, "op").equals("setCategory")) {
            env.audioSession().setCategory(Codec.text(m, "category"), Codec.text(m, "mode"));
            return Optional.empty();
        }
        Optional<AudioSessionError> error = env.audioSession().setActive(m.get("active").asBoolean());
        if (!m.has("id")) {
            return Optional.empty();
        }
        ObjectNode r = result(m, error.isEmpty());
        error.ifPresent(e -> r.put("error", String.valueOf(e.code())).put("why", "'" + e.wireName()
                + "': the system owns the session's activation under CallKit (R-AUD-1)"));
        return Optional.of(r);
    }

    private Optional<ObjectNode> sdk(ObjectNode m) {
        MediaSdk sdk = env.mediaSdk();
        UUID call = Codec.uuid(m, "call");
        boolean ok = switch (Codec.text(m, "op")) {
            case "prepareSDK" -> sdk.prepareSDK(call);
            case "configAudio" -> sdk.configAudio();
            case "startAudio" -> sdk.startAudio();
            case "unprepareSDK" -> { sdk.unprepareSDK(); yield true; }
            case "stopAudio" -> { sdk.stopAudio(); yield true; }
            default -> { sdk.releaseAudio(); yield true; }
        };
        if (!m.has("id")) {
            return Optional.empty();
        }
        ObjectNode r = result(m, ok);
        if (!ok && sdk instanceof SimulatedMediaSdk simulated) {
            simulated.lastFailure().ifPresent(f -> {
                if (f.error() != null) {
                    r.put("error", f.error());
                }
                r.put("why", f.why());
            });
        }
        return Optional.of(r);
    }

    private static ObjectNode result(ObjectNode call, boolean ok) {
        return Codec.message("result").put("re", Codec.integer(call, "id")).put("ok", ok);
    }
}
