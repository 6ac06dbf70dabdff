package dev.callflow.steps;

import dev.callflow.harness.ScenarioRig;
import dev.callflow.timeline.Event;
import dev.callflow.timeline.EventKind;
import dev.callflow.timeline.ExpectedEvent;
import dev.callflow.timeline.FlowMatch;
import dev.callflow.timeline.LogFormat;
import dev.callflow.timeline.Source;
import io.cucumber.datatable.DataTable;
import io.cucumber.java.en.Then;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Assertions on the timeline: ordered event tables, absences, and the seed's sample-log order. */
public class TimelineSteps {
    private final ScenarioContext ctx;

    public TimelineSteps(ScenarioContext ctx) {
        this.ctx = ctx;
    }

    /**
     * The rows must appear in this order (other events may come between). Columns: {@code source}, {@code event},
     * optional {@code call} (a scenario alias) and {@code attributes} ({@code reason=remoteEnded, result=ok}).
     */
    @Then("the timeline shows in order:")
    public void showsInOrder(DataTable table) {
        List<ExpectedEvent> expected = parseRows(table);
        ScenarioRig rig = ctx.rig();
        boolean matched = rig.timeline().await(events -> FlowMatch.of(expected, events).complete() || rig.device().settled(),
                rig.waitBound());
        FlowMatch match = FlowMatch.of(expected, rig.timeline().events());
        if (!match.complete()) {
            String why = matched ? "The expected flow did not happen: the device settled (nothing left in flight) without it"
                    : "The expected flow did not happen within " + rig.waitBound().toMillis() + " ms";
            throw new AssertionError(match.explain(why + " (timing profile '" + rig.settings().timing().name()
                    + "', implementation '" + rig.settings().iut() + "').", ctx.calls()::nameOf));
        }
    }

    /** Absences are judged once the device has settled: nothing queued could still produce the event. */
    private void settle() {
        ScenarioRig rig = ctx.rig();
        if (!rig.device().awaitSettled(rig.waitBound())) {
            throw new AssertionError("The device did not settle within " + rig.waitBound().toMillis()
                    + " ms (an action is still pending or callbacks keep coming), so an absence cannot be judged.\nTimeline:\n"
                    + LogFormat.standard().render(rig.timeline()));
        }
    }

    @Then("there is no {word} after {word}")
    public void noEventAfter(String eventName, String anchorName) {
        settle();
        List<Event> events = ctx.timeline().events();
        Event anchor = events.stream().filter(e -> e.name().equals(anchorName)).findFirst().orElseThrow(() ->
                new AssertionError("Expected " + anchorName + " on the timeline before judging what came after it, but it is not there"));
        List<Event> found = events.stream().filter(e -> e.seq() > anchor.seq() && e.name().equals(eventName)).toList();
        if (!found.isEmpty()) {
            throw new AssertionError("Expected no " + eventName + " after " + anchor.brief() + ", but the timeline has "
                    + found.stream().map(Event::brief).toList() + "\nTimeline:\n" + LogFormat.standard().render(ctx.timeline()));
        }
    }

    @Then("there is no {word} before {word} for call {word}")
    public void noEventBefore(String eventName, String anchorName, String alias) {
        UUID call = ctx.calls().idOf(alias);
        Event anchor = Waits.until(ctx.rig(), anchorName + " for " + ctx.calls().nameOf(call), Waits.named(anchorName, call));
        List<Event> found = ctx.timeline().events().stream()
                .filter(e -> e.seq() < anchor.seq() && e.name().equals(eventName) && call.equals(e.call())).toList();
        if (!found.isEmpty()) {
            throw new AssertionError("Expected no " + eventName + " for " + ctx.calls().nameOf(call) + " before " + anchor.brief()
                    + ", but the timeline has " + found.stream().map(Event::brief).toList()
                    + "\nTimeline:\n" + LogFormat.standard().render(ctx.timeline()));
        }
    }

    @Then("there is no {word} for call {word}")
    public void noEventForCall(String eventName, String alias) {
        settle();
        UUID call = ctx.calls().idOf(alias);
        List<Event> found = ctx.timeline().events().stream()
                .filter(e -> e.name().equals(eventName) && call.equals(e.call())).toList();
        if (!found.isEmpty()) {
            throw new AssertionError("Expected no " + eventName + " for " + ctx.calls().nameOf(call) + ", but the timeline has "
                    + found.stream().map(Event::brief).toList() + "\nTimeline:\n" + LogFormat.standard().render(ctx.timeline()));
        }
    }

    @Then("there is no {word} at all")
    public void noEventAtAll(String eventName) {
        settle();
        List<Event> found = ctx.timeline().events().stream().filter(e -> e.name().equals(eventName)).toList();
        if (!found.isEmpty()) {
            throw new AssertionError("Expected no " + eventName + ", but the timeline has "
                    + found.stream().map(Event::brief).toList() + "\nTimeline:\n" + LogFormat.standard().render(ctx.timeline()));
        }
    }

    /**
     * Every event whose name appears in the seed document's sample log, taken in timeline order, must spell out the
     * sample log's sequence exactly: same names, same order, same count.
     */
    @Then("the events named in the seed's sample log occur in exactly its order")
    public void seedOrder() {
        ScenarioRig rig = ctx.rig();
        Path sample = rig.settings().fixtures().resolve("logs/seed-sample.log");
        List<String> seed;
        try {
            seed = LogFormat.standard().parse(sample).events().stream().map(Event::name).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Cannot read the seed's sample log at " + sample, e);
        }
        Set<String> names = new LinkedHashSet<>(seed);
        boolean same = rig.timeline().await(events -> project(events, names).equals(seed), rig.waitBound());
        if (!same) {
            List<String> observed = project(rig.timeline().events(), names);
            StringBuilder b = new StringBuilder("The seed's sample log order was not reproduced (" + sample + ").\n");
            b.append(String.format("%-4s %-28s | %s%n", "#", "seed sample log", "this timeline"));
            for (int i = 0; i < Math.max(seed.size(), observed.size()); i++) {
                String l = i < seed.size() ? seed.get(i) : "";
                String r = i < observed.size() ? observed.get(i) : "";
                b.append(String.format("%-4d %-28s | %s%s%n", i + 1, l, r, l.equals(r) ? "" : "   <<<<< differs"));
            }
            throw new AssertionError(b.toString());
        }
    }

    private static List<String> project(List<Event> events, Set<String> names) {
        List<String> out = new ArrayList<>();
        for (Event e : events) {
            if (names.contains(e.name()) && e.source() != Source.USER) {
                out.add(e.name());
            }
        }
        return out;
    }

    @Then("the app is terminated with {word}")
    public void terminatedWith(String exception) {
        Event e = Waits.until(ctx.rig(), "the system to terminate the app", Waits.named(EventKind.APP_TERMINATED, null));
        if (!exception.equals(e.attribute("exception").orElse(""))) {
            throw new AssertionError("The app was terminated, but with " + e.brief() + " instead of " + exception);
        }
    }

    @Then("call {word} is on hold")
    public void onHold(String alias) {
        UUID call = ctx.calls().idOf(alias);
        Event held = Waits.until(ctx.rig(), "the app to fulfil the set-held action for " + ctx.calls().nameOf(call),
                e -> e.is(Source.APP, EventKind.FULFILL) && call.equals(e.call()) && e.attribute("action").orElse("").equals("setHeld"));
        Waits.until(ctx.rig(), "the system to deactivate the audio session of the held " + ctx.calls().nameOf(call),
                Waits.named(EventKind.DID_DEACTIVATE_AUDIO_SESSION, call), held.seq());
    }

    private List<ExpectedEvent> parseRows(DataTable table) {
        List<String> header = table.row(0);
        if (!header.contains("event")) {
            throw new IllegalArgumentException("An event table needs a header row with at least an 'event' column, "
                    + "e.g. | source | event | call | attributes |; got " + header);
        }
        List<ExpectedEvent> rows = new ArrayList<>();
        for (Map<String, String> row : table.asMaps()) {
            String name = blankToNull(row.get("event"));
            if (name == null) {
                throw new IllegalArgumentException("Every row of the event table needs an event name; got " + row);
            }
            String src = blankToNull(row.get("source"));
            String alias = blankToNull(row.get("call"));
            Map<String, String> attrs = ExpectedEvent.parseAttributes(row.get("attributes"));
            Source source = src == null ? null : Source.fromLabel(src);
            UUID call = alias == null ? null : ctx.calls().idOf(alias);
            String label = (src == null ? "" : src + " ") + name + (alias == null ? "" : " call " + alias)
                    + (attrs.isEmpty() ? "" : " " + attrs);
            rows.add(new ExpectedEvent(source, name, call, attrs, label));
        }
        return rows;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
