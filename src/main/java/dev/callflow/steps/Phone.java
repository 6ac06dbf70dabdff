package dev.callflow.steps;

import dev.callflow.device.OtherCalls;
import dev.callflow.device.VirtualClock;
import dev.callflow.harness.CallAliases;
import dev.callflow.harness.ScenarioRig;
import dev.callflow.monitor.RuleCatalog;
import dev.callflow.monitor.RuleMonitor;
import dev.callflow.platform.Handle;
import dev.callflow.platform.LaunchReason;
import dev.callflow.platform.ServerEvent;
import dev.callflow.platform.ServerEventType;
import dev.callflow.push.PushResult;
import dev.callflow.rules.Policy;
import dev.callflow.rules.Rule;
import dev.callflow.rules.RuleReport;
import dev.callflow.rules.RuleVerdict;
import dev.callflow.rules.Trace;
import dev.callflow.timeline.Event;
import dev.callflow.timeline.EventKind;
import dev.callflow.timeline.EventLines;
import dev.callflow.timeline.ExpectedEvent;
import dev.callflow.timeline.FlowMatch;
import dev.callflow.timeline.Source;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The acts of the step library on one scenario's phone, for the Gherkin glue and for tests written in Java alike: each
 * step of the glue calls the method here of the same name, so a scenario and a Java test drive the phone the same way.
 * Calls are named by the scenario's aliases ({@code "A"}); every act that needs a state first waits for it on the
 * virtual clock, bounded, as the steps always did.
 */
public final class Phone {
    private final ScenarioRig rig;
    private final Supplier<Policy> policy;
    private final Consumer<String> expectRule;

    private Phone(ScenarioRig rig, Supplier<Policy> policy, Consumer<String> expectRule) {
        this.rig = rig;
        this.policy = policy;
        this.expectRule = expectRule;
    }

    /**
     * The phone of {@code rig}, judged with the policy {@code policy} gives when asked; {@code expectRule} hears of
     * every rule the test declares it breaks on purpose ({@link #ruleViolated}, {@link #ruleWarns}).
     */
    public static Phone of(ScenarioRig rig, Supplier<Policy> policy, Consumer<String> expectRule) {
        return new Phone(rig, policy, expectRule);
    }

    public ScenarioRig rig() { return rig; }

    public CallAliases calls() { return rig.calls(); }

    public Policy policy() { return policy.get(); }

    /** The timeline so far, for {@code assertThat(phone.timeline())} and for waits. */
    public PhoneTimeline timeline() { return new PhoneTimeline(this); }

    /** Awaitility waits on this phone's virtual clock ({@link VirtualAwait}). */
    public VirtualAwait await() { return new VirtualAwait(rig); }

    private UUID call(String alias) {
        return rig.calls().idOf(alias);
    }

    private String nameOf(UUID id) {
        return rig.calls().nameOf(id);
    }

    // ---- the device and the app's state ---------------------------------------------------------------------

    public Phone appInForeground() {
        launchAndRegister();
        return this;
    }

    public Phone appInBackground() {
        launchAndRegister();
        rig.device().moveAppToBackground();
        return this;
    }

    public Phone appKilled() {
        launchAndRegister();
        rig.device().killApp();
        return this;
    }

    public Phone phoneLocked() {
        rig.device().lockScreen();
        return this;
    }

    /** Launched by the user, logged in and with its VoIP token on the server, as an installed app would be. */
    private void launchAndRegister() {
        long from = rig.timeline().size() + 1L;
        rig.device().launchApp(LaunchReason.USER);
        Waits.until(rig, "the app to log in to the signalling server",
                e -> e.is(Source.SIGNALLING, EventKind.LOGIN) && e.attribute("status").filter(s -> s.startsWith("2")).isPresent(), from);
        Waits.until(rig, "the app to upload its VoIP push token to the signalling server",
                e -> e.is(Source.SIGNALLING, EventKind.UPLOAD_PUSH_TOKEN) && e.attribute("status").filter(s -> s.startsWith("2")).isPresent(), from);
    }

    // ---- the signalling server and the push service -----------------------------------------------------------

    public Phone serverOffersCall(String alias, String caller) {
        rig.sendServerEvent(ServerEvent.offer(call(alias).toString(), caller, "generic"));
        return this;
    }

    public Phone remoteHangsUp(String alias) {
        rig.sendServerEvent(ServerEvent.of(ServerEventType.REMOTE_HANGUP, call(alias).toString()));
        return this;
    }

    public Phone calleeAnswers(String alias) {
        return forCallee(alias, ServerEvent.of(ServerEventType.ANSWERED, call(alias).toString()));
    }

    /** The server answers for the callee only once the app's invite reached it, as a real server does. */
    Phone forCallee(String alias, ServerEvent event) {
        FlowStates.inviteReached(rig, call(alias), nameOf(call(alias)));
        rig.sendServerEvent(event);
        return this;
    }

    public Phone voipPushFor(String alias, String caller) {
        sendCallPush(rig, call(alias), caller);
        return this;
    }

    /** A well-formed VoIP push for {@code id} through the mock APNs, which must accept it. */
    static void sendCallPush(ScenarioRig rig, UUID id, String caller) {
        PushResult result = rig.sendVoipPush(id,
                "{\"aps\":{},\"callId\":\"" + id + "\",\"caller\":\"" + caller.replace("\"", "\\\"") + "\",\"handleType\":\"generic\"}");
        assertThat(result.accepted())
                .as("the mock APNs should accept a well-formed VoIP push to the app's registered token, but answered %s", result)
                .isTrue();
    }

    // ---- the user ----------------------------------------------------------------------------------------------

    /** On the system call UI, once it rings. */
    public Phone userAnswers(String alias) {
        UUID id = awaitRinging(alias);
        Waits.atRingingCall(rig, id, nameOf(id), () -> rig.device().callUi().answer(id));
        return this;
    }

    /** On the system call UI, once it rings. */
    public Phone userDeclines(String alias) {
        UUID id = awaitRinging(alias);
        Waits.atRingingCall(rig, id, nameOf(id), () -> rig.device().callUi().decline(id));
        return this;
    }

    /** On the system call UI. */
    public Phone userEnds(String alias) {
        rig.device().callUi().end(call(alias));
        return this;
    }

    UUID awaitRinging(String alias) {
        UUID id = call(alias);
        Waits.ringing(rig, id, nameOf(id));
        return id;
    }

    /** In the app's own UI. */
    public Phone userHangsUp(String alias) {
        UUID id = call(alias);
        rig.timeline().record(EventKind.USER_TAPPED_HANG_UP, id);
        rig.device().inApp(app -> app.userHangsUp(id));
        return this;
    }

    /** From the app's own UI, as call {@code alias}. */
    public Phone userCalls(String handle, String alias) {
        UUID id = call(alias);
        rig.timeline().record(EventKind.USER_STARTED_CALL, id, "handle", handle);
        rig.device().inApp(app -> app.userStartsCall(id, Handle.generic(handle)));
        return this;
    }

    /** Waits until the media SDK started the call's audio (startAudio result=ok). */
    public Phone audioRuns(String alias) {
        UUID id = call(alias);
        Waits.until(rig, "media to start for " + nameOf(id) + " (sdk startAudio result=ok)", id,
                e -> e.is(Source.SDK, EventKind.START_AUDIO) && id.equals(e.call()) && e.attribute("result").orElse("").equals("ok"));
        return this;
    }

    // ---- other calls -------------------------------------------------------------------------------------------

    public Phone cellularCallComesIn() {
        return otherCallComesIn(OtherCalls.Kind.CELLULAR);
    }

    public Phone otherCallComesIn(OtherCalls.Kind kind) {
        rig.device().otherCalls().incoming(kind);
        return this;
    }

    /** {@code "Hold & Accept"}, {@code "End & Accept"} or {@code "Decline"} (or their Chinese words). */
    public Phone userChoosesForOtherCall(String choice) {
        OtherCalls other = rig.device().otherCalls();
        switch (Choices.english(choice)) {
            case "hold & accept" -> other.holdAndAccept();
            case "end & accept" -> other.endAndAccept();
            case "decline" -> other.decline();
            default -> throw new IllegalArgumentException("Unknown choice '" + choice
                    + "' for the other call; use \"Hold & Accept\", \"End & Accept\" or \"Decline\""
                    + " (保持并接听, 结束并接听, 拒接)");
        }
        return this;
    }

    // ---- the timeline ------------------------------------------------------------------------------------------

    /** An expected row as an event table writes it: its label reads like the row ({@code app fulfill call A {action=answer}}). */
    public ExpectedEvent expected(Source source, String name, String alias, Map<String, String> attributes) {
        return expected(source, source == null ? null : source.name().toLowerCase(java.util.Locale.ROOT), name, alias, attributes);
    }

    /** {@code sourceText}: the source as the table wrote it, for the label. */
    ExpectedEvent expected(Source source, String sourceText, String name, String alias, Map<String, String> attributes) {
        UUID id = alias == null ? null : call(alias);
        String label = (sourceText == null ? "" : sourceText + " ") + name
                + (alias == null ? "" : " call " + alias) + (attributes.isEmpty() ? "" : " " + attributes);
        return new ExpectedEvent(source, name, id, attributes, label);
    }

    /** The flow, in order of its groups, waiting for it on the clock; fails with expected beside observed. */
    public Phone showsInOrder(List<FlowMatch.Group> expected) {
        VirtualClock.Outcome outcome = Waits.await(rig, events -> FlowMatch.inGroups(expected, events).complete());
        FlowMatch match = FlowMatch.inGroups(expected, rig.timeline().events());
        if (!match.complete()) {
            String why = outcome == VirtualClock.Outcome.SETTLED
                    ? "The expected flow did not happen: the device settled (nothing left in flight) without it"
                    : "The expected flow did not happen: " + Waits.why(rig, outcome, rig.waitBound());
            throw new AssertionError(match.explain(why + " " + Waits.context(rig) + ".", rig.calls()::nameOf));
        }
        return this;
    }

    /** Judged once the device has settled: no event of this name (for call {@code alias}, unless null). */
    public Phone hasNo(String eventName, String alias) {
        settle();
        UUID id = alias == null ? null : call(alias);
        List<Event> found = rig.timeline().events().stream()
                .filter(e -> e.name().equals(eventName) && (id == null || id.equals(e.call()))).toList();
        if (!found.isEmpty()) {
            throw new AssertionError("Expected no " + eventName + (id == null ? "" : " for " + nameOf(id)) + ", but the timeline has "
                    + found.stream().map(e -> EventLines.brief(e, rig.calls()::nameOf)).toList() + "\nTimeline:\n" + Waits.dump(rig));
        }
        return this;
    }

    /** Absences are judged once the device has settled: nothing queued could still produce the event. */
    void settle() {
        VirtualClock.Outcome outcome = Waits.await(rig, events -> false);
        if (outcome != VirtualClock.Outcome.SETTLED) {
            throw new AssertionError("The device did not settle, so an absence cannot be judged: "
                    + Waits.why(rig, outcome, rig.waitBound()) + " (an action is still pending or work keeps coming) "
                    + Waits.context(rig) + ".\nTimeline:\n" + Waits.dump(rig));
        }
    }

    // ---- rules -------------------------------------------------------------------------------------------------

    public Phone ruleHolds(String id) {
        return expectRule(id, RuleVerdict.Outcome.HOLDS);
    }

    /** Also declares the violation, so the always-on monitor does not fail the test for it. */
    public Phone ruleViolated(String id) {
        return expectRule(id, RuleVerdict.Outcome.VIOLATED);
    }

    public Phone ruleWarns(String id) {
        return expectRule(id, RuleVerdict.Outcome.WARNED);
    }

    private Phone expectRule(String id, RuleVerdict.Outcome wanted) {
        Rule rule = RuleCatalog.require(id);
        Waits.settled(rig);
        Policy p = policy.get();
        RuleVerdict v = rule.judge(new Trace(rig.timeline().events()), p);
        if (v.outcome() != wanted) {
            String detail = v.fired() ? RuleReport.explain(v, rig.timeline().events(), p, rig.calls()::nameOf)
                    : rule.id() + " " + v.outcome().label() + (v.note() == null ? "" : " (" + v.note() + ")") + ": " + rule.statement();
            throw new AssertionError("Expected rule " + rule.id() + " to be " + wanted.label() + ", but it is "
                    + v.outcome().label() + ".\n" + detail);
        }
        if (wanted != RuleVerdict.Outcome.HOLDS) {
            expectRule.accept(rule.id());
        }
        return this;
    }

    /** The always-on monitor: once the device has settled, every rule's verdict on the timeline. */
    public List<RuleVerdict> judgeAllRules() {
        Waits.settled(rig);
        return RuleMonitor.allRules(policy.get()).judge(rig.timeline().events());
    }

    /**
     * What the always-on monitor found that the test did not declare ({@code declared}): the findings explained, or
     * empty when every violation was declared.
     */
    public Optional<String> undeclaredViolations(List<RuleVerdict> verdicts, Set<String> declared) {
        List<RuleVerdict> unexpected = verdicts.stream().filter(v -> v.failed() && !declared.contains(v.rule().id())).toList();
        if (unexpected.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(unexpected.size() + " violation(s) this scenario did not declare (declare deliberate ones with "
                + "'Then rule R-… is violated'):\n\n" + RuleReport.explainAll(unexpected, rig.timeline().events(), policy.get(),
                rig.calls()::nameOf));
    }
}
