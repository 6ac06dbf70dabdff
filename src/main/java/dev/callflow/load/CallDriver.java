package dev.callflow.load;

import dev.callflow.device.OtherCalls;
import dev.callflow.device.VirtualClock;
import dev.callflow.harness.ScenarioRig;
import dev.callflow.platform.Handle;
import dev.callflow.platform.LaunchReason;
import dev.callflow.platform.ServerEvent;
import dev.callflow.platform.ServerEventType;
import dev.callflow.push.PushResult;
import dev.callflow.timeline.Event;
import dev.callflow.timeline.EventKind;
import dev.callflow.timeline.LogFormat;
import dev.callflow.timeline.Source;
import dev.callflow.timeline.Timeline;

import java.util.List;
import java.util.UUID;
import java.util.function.LongConsumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Drives calls on one device, as a person and the servers would, waiting for each step's effect on the timeline
 * (never sleeping): the building blocks of {@link Flow}s. As a scenario's steps, each step acts on a quiet phone (what
 * was due now ran first) and then lets the phone run on its virtual clock until the effect shows, bounded by the
 * profile's wait horizon in virtual time and by the hang guard in real time. Each step's wall time goes to a
 * {@link StepClock}.
 * A step whose effect never comes fails with an {@link AssertionError} naming what was awaited and the call's timeline:
 * the implementation did not do what the flow needs.
 */
public final class CallDriver {

    /** Where the wall time of each named step goes. */
    @FunctionalInterface
    public interface StepClock {
        void record(String step, long nanos);
    }

    private final ScenarioRig rig;
    private final Timeline timeline;
    private final StepClock clock;

    public CallDriver(ScenarioRig rig, StepClock clock) {
        this.rig = rig;
        this.timeline = rig.timeline();
        this.clock = clock;
    }

    public ScenarioRig rig() {
        return rig;
    }

    /** The user launches the app; returns once it has logged in and uploaded its VoIP token. */
    public void launch() {
        step("launch → logged in", from -> {
            rig.device().launchApp(LaunchReason.USER);
            await(from, "the app to log in to the signalling server", ok(EventKind.LOGIN));
            await(from, "the app to upload its VoIP push token", ok(EventKind.UPLOAD_PUSH_TOKEN));
        });
    }

    // ---- incoming ------------------------------------------------------------------------------------------------

    /** The server offers the call; returns once it rings and its report completed. */
    public void offer(UUID call, String caller) {
        step("offer → ringing", from -> {
            rig.sendServerEvent(ServerEvent.offer(call.toString(), caller, "generic"));
            awaitRinging(from, call);
        });
    }

    /** The app server pushes the call through the mock APNs (TLS, token auth); returns once it rings. */
    public void push(UUID call, String caller) {
        step("push → ringing", from -> {
            PushResult result = rig.sendVoipPush(call, "{\"aps\":{},\"callId\":\"" + call + "\",\"caller\":\"" + caller
                    + "\",\"handleType\":\"generic\"}");
            if (!result.accepted()) {
                throw new IllegalStateException("The mock APNs refused a well-formed VoIP push: " + result);
            }
            awaitRinging(from, call);
        });
    }

    private void awaitRinging(long from, UUID call) {
        await(from, "the incoming-call UI for " + call, is(EventKind.INCOMING_CALL_UI_SHOWN, call));
        await(from, "the report of " + call + " to complete", is(EventKind.REPORT_NEW_INCOMING_CALL_COMPLETION, call));
    }

    /** Answer on the system call UI; returns once media runs. */
    public void answer(UUID call) {
        step("answer → media", from -> {
            rig.device().callUi().answer(call);
            awaitMedia(from, call);
        });
    }

    public void decline(UUID call) {
        step("decline → ended", from -> {
            rig.device().callUi().decline(call);
            awaitEnded(from, call);
        });
    }

    public void callerCancels(UUID call) {
        step("caller cancels → ended", from -> {
            rig.sendServerEvent(ServerEvent.of(ServerEventType.CANCEL, call.toString()));
            awaitEnded(from, call);
        });
    }

    // ---- outgoing ------------------------------------------------------------------------------------------------

    /** The user calls from the app; returns once media runs (the system activated the session for the start). */
    public void dial(UUID call, String callee) {
        step("dial → media", from -> {
            timeline.record(EventKind.USER_STARTED_CALL, call, "handle", callee);
            rig.device().inApp(app -> app.userStartsCall(call, Handle.generic(callee)));
            awaitMedia(from, call);
        });
    }

    public void calleeAnswers(UUID call) {
        step("callee answers → connected", from -> {
            rig.sendServerEvent(ServerEvent.of(ServerEventType.ANSWERED, call.toString()));
            await(from, "the app to report " + call + " connected", is(EventKind.REPORT_OUTGOING_CALL_CONNECTED, call));
        });
    }

    // ---- ending --------------------------------------------------------------------------------------------------

    public void hangUpInApp(UUID call) {
        step("hang up in app → ended", from -> {
            timeline.record(EventKind.USER_TAPPED_HANG_UP, call);
            rig.device().inApp(app -> app.userHangsUp(call));
            awaitEnded(from, call);
        });
    }

    public void endOnSystemUi(UUID call) {
        step("end on system UI → ended", from -> {
            rig.device().callUi().end(call);
            awaitEnded(from, call);
        });
    }

    public void remoteHangsUp(UUID call) {
        step("remote hang-up → ended", from -> {
            rig.sendServerEvent(ServerEvent.of(ServerEventType.REMOTE_HANGUP, call.toString()));
            awaitEnded(from, call);
        });
    }

    // ---- interruptions -------------------------------------------------------------------------------------------

    /** A cellular call comes in and the user holds the connected call to take it; returns once the call is held. */
    public void cellularHoldAndAccept(UUID call) {
        OtherCalls other = rig.device().otherCalls();
        step("cellular Hold & Accept → held", from -> {
            other.incoming(OtherCalls.Kind.CELLULAR);
            other.holdAndAccept();
            await(from, "the app to fulfil the hold of " + call, is(EventKind.FULFILL, call).and(attr("action", "setHeld")));
            await(from, "the system to take the audio session from " + call, e -> e.is(EventKind.DID_DEACTIVATE_AUDIO_SESSION));
        });
    }

    /** The user ends the cellular call on this phone: the held call resumes; returns once its media runs again. */
    public void cellularEndsLocally(UUID resumed) {
        step("cellular ends → media again", from -> {
            rig.device().otherCalls().otherCallEnds(false);
            awaitMedia(from, resumed);
        });
    }

    /** A cellular call comes in and the user ends the connected call to take it; then the cellular call ends. */
    public void cellularEndAndAccept(UUID call) {
        OtherCalls other = rig.device().otherCalls();
        step("cellular End & Accept → ended", from -> {
            other.incoming(OtherCalls.Kind.CELLULAR);
            other.endAndAccept();
            awaitEnded(from, call);
        });
        other.otherCallEnds(true);
    }

    /**
     * A second VoIP call rings while {@code active} is connected; the user takes it with Hold &amp; Accept when the UI
     * offers it (else End &amp; Accept). Returns once the second call's media runs, and whether {@code active} was held.
     */
    public boolean secondCallTaken(UUID active, UUID second) {
        boolean hold = rig.device().callUi().options(second).contains("holdAndAccept");
        step(hold ? "second call Hold & Accept → media" : "second call End & Accept → media", from -> {
            if (hold) {
                rig.device().callUi().holdAndAccept(second);
            } else {
                rig.device().callUi().endAndAccept(second);
                awaitEnded(from, active);
            }
            awaitMedia(from, second);
        });
        return hold;
    }

    /** The second call ends in the app; the held call resumes by itself (its media runs again), then ends too. */
    public void secondCallEndsThenHeldResumes(UUID held, UUID second) {
        step("second call ends → held call's media again", from -> {
            timeline.record(EventKind.USER_TAPPED_HANG_UP, second);
            rig.device().inApp(app -> app.userHangsUp(second));
            awaitEnded(from, second);
            awaitMedia(from, held);
        });
    }

    // ---- settling ------------------------------------------------------------------------------------------------

    /** Lets the phone run until nothing is in flight (bounded by the wait horizon); whether it settled. */
    public boolean settle() {
        long t0 = System.nanoTime();
        boolean settled = rig.device().runUntil(events -> false, rig.waitBound(), true) == VirtualClock.Outcome.SETTLED;
        clock.record("settle", System.nanoTime() - t0);
        return settled;
    }

    // ---- waiting -------------------------------------------------------------------------------------------------

    private void awaitMedia(long from, UUID call) {
        await(from, "media to start for " + call + " (sdk startAudio result=ok)",
                e -> e.is(Source.SDK, EventKind.START_AUDIO) && call.equals(e.call()) && "ok".equals(e.attributes().get("result")));
    }

    private void awaitEnded(long from, UUID call) {
        await(from, "the system to end " + call + " (callEnded)", is(EventKind.CALL_ENDED, call));
    }

    private static Predicate<Event> is(EventKind kind, UUID call) {
        return e -> e.is(kind) && call.equals(e.call());
    }

    private static Predicate<Event> ok(EventKind kind) {
        return e -> e.is(kind) && e.attribute("status").filter(s -> s.startsWith("2")).isPresent();
    }

    private static Predicate<Event> attr(String key, String value) {
        return e -> value.equals(e.attributes().get(key));
    }

    /** One step of a flow: starts on a quiet phone ({@link #mark()}), and its wall time goes to the step clock. */
    private void step(String name, LongConsumer body) {
        long from = mark();
        long t0 = System.nanoTime();
        body.accept(from);
        clock.record(name, System.nanoTime() - t0);
    }

    /** The sequence number the next event will get: waits from here ignore what happened before the step. */
    public long mark() {
        rig.clock().quiesce();
        return timeline.nextSeq();
    }

    /**
     * The first event from {@code fromSeq} on that matches, letting the phone run (and its clock move) up to the wait
     * horizon; else an AssertionError naming what was awaited, why the wait stopped, and the call's timeline.
     */
    public Event await(long fromSeq, String what, Predicate<Event> match) {
        Event[] found = new Event[1];
        VirtualClock.Outcome outcome = rig.device().runUntil(events -> {
            found[0] = Timeline.firstFrom(events, fromSeq, match).orElse(null);
            return found[0] != null;
        }, rig.waitBound(), true);
        if (found[0] == null) {
            throw new AssertionError("Waited for " + what + ", but the wait ended " + outcome + " (virtual time "
                    + rig.clock().now().toMillis() + " ms, horizon " + rig.waitBound().toMillis() + " ms, seed "
                    + rig.settings().seed() + ").\nThis call's timeline so far:\n" + render(timeline.events()));
        }
        return found[0];
    }

    /** Events in the seed's log format, one per line. */
    public String render(List<Event> events) {
        LogFormat format = LogFormat.standard();
        return events.stream().map(e -> format.render(e, timeline)).collect(Collectors.joining("\n"));
    }

}
