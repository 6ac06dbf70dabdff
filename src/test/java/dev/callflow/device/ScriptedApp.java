package dev.callflow.device;

import dev.callflow.platform.ActionRequest;
import dev.callflow.platform.AppEnvironment;
import dev.callflow.platform.CallAction;
import dev.callflow.platform.CallApp;
import dev.callflow.platform.CallProvider;
import dev.callflow.platform.CallUpdate;
import dev.callflow.platform.Handle;
import dev.callflow.platform.HandleType;
import dev.callflow.platform.IncomingCallError;
import dev.callflow.platform.LaunchReason;
import dev.callflow.platform.ProviderConfiguration;
import dev.callflow.platform.ProviderDelegate;
import dev.callflow.platform.PushRegistryDelegate;
import dev.callflow.platform.ServerEvent;
import dev.callflow.platform.TransactionError;
import dev.callflow.platform.VoipPush;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * A test app whose every callback is a settable lambda, so one test scripts exactly the behaviour it needs. It never
 * touches its signalling client. The same instance serves every launch of the app process; each launch replaces its
 * environment and provider.
 */
public final class ScriptedApp implements CallApp, ProviderDelegate, PushRegistryDelegate {

    public static final Handle CALLER = Handle.generic("alice");

    /** A value handed to a completion block, with the thread it ran on. */
    public record Completed<T>(T value, Thread thread) { }

    // ---- the script ----------------------------------------------------------------------------------------

    public volatile ProviderConfiguration configuration = ProviderConfiguration.builder("ScriptedApp")
            .supportedHandleTypes(EnumSet.of(HandleType.GENERIC)).build();
    public volatile boolean createProviderAtLaunch = true;
    public volatile boolean setPushDelegateAtLaunch = true;

    public volatile Consumer<CallAction> onStart = CallAction::fulfill;
    public volatile Consumer<CallAction> onAnswer = CallAction::fulfill;
    public volatile Consumer<CallAction> onEnd = CallAction::fulfill;
    public volatile Consumer<CallAction> onSetHeld = CallAction::fulfill;
    public volatile Consumer<CallAction> onSetMuted = CallAction::fulfill;
    public volatile Consumer<CallAction> onTimedOut = a -> { };
    public volatile Runnable onActivate = () -> { };
    public volatile Runnable onDeactivate = () -> { };
    public volatile Runnable onReset = () -> { };
    public volatile Consumer<Handle> onUserActivity = handle -> { };
    /** Default: report the push's call synchronously, then call the push completion. */
    public volatile BiConsumer<VoipPush, Runnable> onPush = (push, completion) -> {
        reportIncoming(callOf(push));
        completion.run();
    };

    // ---- what it saw ---------------------------------------------------------------------------------------

    public final AtomicInteger launches = new AtomicInteger();
    public final AtomicInteger endActions = new AtomicInteger();
    public volatile Thread activationThread;

    private volatile AppEnvironment env;
    private volatile CallProvider provider;

    public AppEnvironment env() {
        return env;
    }

    public CallProvider provider() {
        return provider;
    }

    public static UUID callOf(VoipPush push) {
        return push.field("callId").map(UUID::fromString).orElseThrow();
    }

    /** {@code reportNewIncomingCall} with {@link #CALLER}; the future completes with the completion block's value. */
    public CompletableFuture<Completed<Optional<IncomingCallError>>> reportIncoming(UUID call) {
        return reportIncoming(provider, call);
    }

    public CompletableFuture<Completed<Optional<IncomingCallError>>> reportIncoming(CallProvider p, UUID call) {
        CompletableFuture<Completed<Optional<IncomingCallError>>> done = new CompletableFuture<>();
        p.reportNewIncomingCall(call, CallUpdate.builder().remoteHandle(CALLER).localizedCallerName("Alice").build(),
                error -> done.complete(new Completed<>(error, Thread.currentThread())));
        return done;
    }

    /** {@code CXCallController.request}; the future completes with the completion block's value. */
    public CompletableFuture<Completed<Optional<TransactionError>>> request(List<ActionRequest> transaction) {
        CompletableFuture<Completed<Optional<TransactionError>>> done = new CompletableFuture<>();
        env.callController().request(transaction, error -> done.complete(new Completed<>(error, Thread.currentThread())));
        return done;
    }

    public CompletableFuture<Completed<Optional<TransactionError>>> request(ActionRequest action) {
        return request(List.of(action));
    }

    // ---- CallApp -------------------------------------------------------------------------------------------

    @Override
    public void didFinishLaunching(AppEnvironment environment, LaunchReason reason) {
        this.env = environment;
        this.provider = null;
        if (createProviderAtLaunch) {
            CallProvider p = environment.createProvider(configuration);
            p.setDelegate(this);
            this.provider = p;
        }
        if (setPushDelegateAtLaunch) {
            environment.pushRegistry().setDelegate(this);
        }
        launches.incrementAndGet();
        environment.log("scriptedAppLaunched", null, "reason", reason.wireName());
    }

    @Override public void userStartsCall(UUID call, Handle handle) { }

    @Override public void userHangsUp(UUID call) { }

    @Override public void onSignallingEvent(ServerEvent event) { }

    @Override public void continueUserActivity(Handle handle) { onUserActivity.accept(handle); }

    // ---- ProviderDelegate ----------------------------------------------------------------------------------

    @Override public void providerDidReset() { onReset.run(); }

    @Override public void performStartCallAction(CallAction action) { onStart.accept(action); }

    @Override public void performAnswerCallAction(CallAction action) { onAnswer.accept(action); }

    @Override
    public void performEndCallAction(CallAction action) {
        endActions.incrementAndGet();
        onEnd.accept(action);
    }

    @Override public void performSetHeldCallAction(CallAction action) { onSetHeld.accept(action); }

    @Override public void performSetMutedCallAction(CallAction action) { onSetMuted.accept(action); }

    @Override public void timedOutPerformingAction(CallAction action) { onTimedOut.accept(action); }

    @Override
    public void didActivateAudioSession() {
        activationThread = Thread.currentThread();
        onActivate.run();
    }

    @Override public void didDeactivateAudioSession() { onDeactivate.run(); }

    // ---- PushRegistryDelegate ------------------------------------------------------------------------------

    @Override public void didUpdatePushCredentials(String deviceToken) { }

    @Override public void didReceiveIncomingPush(VoipPush push, Runnable completion) { onPush.accept(push, completion); }
}
