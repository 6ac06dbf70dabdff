package dev.callflow.steps;

import dev.callflow.harness.ScenarioInputError;

import dev.callflow.device.VirtualClock;
import dev.callflow.harness.ScenarioRig;
import dev.callflow.timeline.Event;
import dev.callflow.timeline.EventTableColumn;
import dev.callflow.timeline.EventKind;
import dev.callflow.timeline.ExpectedEvent;
import dev.callflow.timeline.FlowMatch;
import dev.callflow.timeline.EventLines;
import dev.callflow.timeline.Source;
import io.cucumber.datatable.DataTable;
import io.cucumber.java.en.Then;
import io.cucumber.java.zh_cn.那么;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Assertions on the timeline: event tables (ordered, with groups in any order) and absences. */
public class TimelineSteps {
    private final ScenarioContext ctx;

    public TimelineSteps(ScenarioContext ctx) {
        this.ctx = ctx;
    }

    /**
     * The rows must appear in this order (other events may come between). Columns: {@code source}, {@code event},
     * optional {@code call} (a scenario alias) and {@code attributes} ({@code reason=remoteEnded, result=ok}; a value
     * may list alternatives, {@code reason=failed\|remoteEnded}). An optional {@code order} column groups rows: rows
     * with the same number may appear in any order among themselves, the groups in ascending order.
     */
    @Then("the timeline shows in order:")
    @那么("时间线按顺序显示：")
    @EventArguments(table = true)
    public void showsInOrder(DataTable table) {
        ctx.phone().showsInOrder(parseGroups(table));
    }

    /** Absences are judged once the device has settled: nothing queued could still produce the event. */
    private void settle() {
        ctx.phone().settle();
    }

    @Then("there is no {word} after {word}")
    @那么("没有 {word} 事件在 {word} 之后")
    @EventArguments({0, 1})
    public void noEventAfter(String eventName, String anchorName) {
        ctx.requireEvents("in an absence step", eventName, anchorName);
        settle();
        List<Event> events = ctx.timeline().events();
        Event anchor = events.stream().filter(e -> e.name().equals(anchorName)).findFirst().orElseThrow(() ->
                new AssertionError("Expected " + anchorName + " on the timeline before judging what came after it, but it is not there"));
        List<Event> found = events.stream().filter(e -> e.seq() > anchor.seq() && e.name().equals(eventName)).toList();
        if (!found.isEmpty()) {
            throw new AssertionError("Expected no " + eventName + " after " + EventLines.brief(anchor, ctx.calls()::nameOf) + ", but the timeline has "
                    + found.stream().map(e -> EventLines.brief(e, ctx.calls()::nameOf)).toList() + "\nTimeline:\n" + Waits.dump(ctx.rig()));
        }
    }

    @Then("there is no {word} before {word} for call {word}")
    @那么("没有 {word} 事件在 {word} 之前，通话( ){word}")
    @EventArguments({0, 1})
    public void noEventBefore(String eventName, String anchorName, String alias) {
        ctx.requireEvents("in an absence step", eventName, anchorName);
        UUID call = ctx.calls().idOf(alias);
        Event anchor = Waits.until(ctx.rig(), anchorName + " for " + ctx.calls().nameOf(call), call, Waits.named(anchorName, call));
        List<Event> found = ctx.timeline().events().stream()
                .filter(e -> e.seq() < anchor.seq() && e.name().equals(eventName) && call.equals(e.call())).toList();
        if (!found.isEmpty()) {
            throw new AssertionError("Expected no " + eventName + " for " + ctx.calls().nameOf(call) + " before " + EventLines.brief(anchor, ctx.calls()::nameOf)
                    + ", but the timeline has " + found.stream().map(e -> EventLines.brief(e, ctx.calls()::nameOf)).toList()
                    + "\nTimeline:\n" + Waits.dump(ctx.rig()));
        }
    }

    @Then("there is no {word} for call {word}")
    @那么("没有 {word} 事件，通话( ){word}")
    @EventArguments(0)
    public void noEventForCall(String eventName, String alias) {
        ctx.requireEvents("in an absence step", eventName);
        ctx.phone().hasNo(eventName, alias);
    }

    /**
     * The seed's first risk: a media SDK left prepared for a call that is over poisons the next call. Once the device
     * has settled, the SDK holds nothing of the call: it was never prepared for it (an app may prepare only at the
     * answer), or a releaseAudio or unprepareSDK followed its last prepareSDK.
     */
    @Then("the media SDK holds nothing of call {word}")
    @那么("媒体 SDK 不再持有通话 {word} 的任何资源")
    public void sdkReleased(String alias) {
        settle();
        UUID call = ctx.calls().idOf(alias);
        List<Event> events = ctx.timeline().events();
        java.util.Optional<Event> lastPrepare = events.stream()
                .filter(e -> e.is(EventKind.PREPARE_SDK) && call.equals(e.call())).reduce((a, b) -> b);
        if (lastPrepare.isEmpty()) {
            return;
        }
        // The SDK lives in the app's process: when the process dies it holds nothing any more.
        boolean released = events.stream().anyMatch(e -> e.seq() > lastPrepare.get().seq()
                && (call.equals(e.call()) && (e.is(EventKind.RELEASE_AUDIO) || e.is(EventKind.UNPREPARE_SDK))
                    || e.is(EventKind.APP_TERMINATED)));
        if (!released) {
            throw new AssertionError("Expected the media SDK to be released for " + ctx.calls().nameOf(call)
                    + " (releaseAudio or unprepareSDK after its last " + EventLines.brief(lastPrepare.get(), ctx.calls()::nameOf)
                    + "), but it is still prepared for the call although the device has settled (the seed's first risk: "
                    + "an SDK not released poisons the next call).\nTimeline:\n" + Waits.dump(ctx.rig()));
        }
    }

    @Then("there is no {word} at all")
    @那么("完全没有 {word} 事件")
    @EventArguments(0)
    public void noEventAtAll(String eventName) {
        ctx.requireEvents("in an absence step", eventName);
        ctx.phone().hasNo(eventName, null);
    }

    @Then("the app is terminated with {word}")
    @那么("应用因 {word} 被终止")
    public void terminatedWith(String exception) {
        Event e = Waits.until(ctx.rig(), "the system to terminate the app", Waits.named(EventKind.APP_TERMINATED, null));
        if (!exception.equals(e.attribute("exception").orElse(""))) {
            throw new AssertionError("The app was terminated, but with " + EventLines.brief(e, ctx.calls()::nameOf) + " instead of " + exception);
        }
    }

    @Then("call {word} is on hold")
    @那么("通话 {word} 已被保持")
    public void onHold(String alias) {
        UUID call = ctx.calls().idOf(alias);
        Event held = Waits.until(ctx.rig(), "the app to fulfil the set-held action for " + ctx.calls().nameOf(call), call,
                e -> e.is(Source.APP, EventKind.FULFILL) && call.equals(e.call()) && e.attribute("action").orElse("").equals("setHeld"));
        Waits.until(ctx.rig(), "the system to deactivate the audio session of the held " + ctx.calls().nameOf(call),
                Waits.named(EventKind.DID_DEACTIVATE_AUDIO_SESSION, call), held.seq());
    }

    /**
     * The table's rows as groups: without an {@code order} column each row is a group of its own; with one, the rows
     * sharing a number form a group. Numbers are whole, non-negative and never decrease down the table, so the table
     * still reads top to bottom as the flow. Headers may be English or Chinese ({@link EventTableColumn}).
     */
    private List<FlowMatch.Group> parseGroups(DataTable table) {
        List<List<String>> cells = table.cells();
        int[] at = columns(cells.get(0));
        List<ExpectedEvent> rows = parseRows(cells, at);
        int order = at[EventTableColumn.ORDER.ordinal()];
        if (order < 0) {
            return rows.stream().map(r -> new FlowMatch.Group(null, List.of(r))).toList();
        }
        List<FlowMatch.Group> groups = new ArrayList<>();
        List<ExpectedEvent> current = new ArrayList<>();
        String currentOrder = null;
        long last = -1;
        for (int i = 0; i < rows.size(); i++) {
            String cell = blankToNull(cells.get(i + 1).get(order));
            long n;
            try {
                n = cell == null ? -1 : Long.parseLong(cell);
            } catch (NumberFormatException notANumber) {
                n = -1;
            }
            if (n < 0) {
                throw new ScenarioInputError("Row " + (i + 1) + " of the event table (" + rows.get(i).label()
                        + ") needs a whole number in its 'order' column, got '" + (cell == null ? "" : cell)
                        + "'; rows with the same number may come in any order among themselves");
            }
            if (n < last) {
                throw new ScenarioInputError("Row " + (i + 1) + " of the event table (" + rows.get(i).label()
                        + ") has order " + n + " after order " + last + "; write the rows in ascending order");
            }
            if (n != last && !current.isEmpty()) {
                groups.add(new FlowMatch.Group(currentOrder, current));
                current = new ArrayList<>();
            }
            current.add(rows.get(i));
            currentOrder = cell;
            last = n;
        }
        if (!current.isEmpty()) {
            groups.add(new FlowMatch.Group(currentOrder, current));
        }
        return groups;
    }

    /** Where each column is; fails on a header no column has, or a table without an event column. */
    private static int[] columns(List<String> header) {
        List<String> unknown = header.stream().filter(h -> EventTableColumn.ofHeader(h).isEmpty()).toList();
        if (!unknown.isEmpty()) {
            throw new ScenarioInputError("Unknown column(s) " + unknown + " in the event table; use "
                    + EventTableColumn.headers());
        }
        int[] at = EventTableColumn.positions(header);
        if (at[EventTableColumn.EVENT.ordinal()] < 0) {
            throw new ScenarioInputError("An event table needs a header row with at least an 'event' column, "
                    + "e.g. | source | event | call | attributes | (or | 来源 | 事件 | 通话 | 属性 |); got " + header);
        }
        return at;
    }

    private List<ExpectedEvent> parseRows(List<List<String>> cells, int[] at) {
        List<ExpectedEvent> rows = new ArrayList<>();
        for (List<String> row : cells.subList(1, cells.size())) {
            String name = blankToNull(cell(row, at, EventTableColumn.EVENT));
            if (name == null) {
                throw new ScenarioInputError("Every row of the event table needs an event name; got " + row);
            }
            if (name.indexOf('|') >= 0 && java.util.Arrays.stream(name.split("\\|", -1)).anyMatch(String::isBlank)) {
                throw new ScenarioInputError("Event '" + name + "' has a blank alternative; separate alternatives "
                        + "with | (written \\| in a table), e.g. releaseAudio\\|unprepareSDK");
            }
            ctx.requireEvents("in row " + (rows.size() + 1) + " of the event table", name);
            String src = blankToNull(cell(row, at, EventTableColumn.SOURCE));
            String alias = blankToNull(cell(row, at, EventTableColumn.CALL));
            Map<String, String> attrs;
            Source source;
            try {
                attrs = ExpectedEvent.parseAttributes(cell(row, at, EventTableColumn.ATTRIBUTES));
                source = src == null ? null : Source.fromLabel(src);
            } catch (IllegalArgumentException badCell) {
                throw new ScenarioInputError("In row " + (rows.size() + 1) + " of the event table: " + badCell.getMessage());
            }
            rows.add(ctx.phone().expected(source, src, name, alias, attrs));
        }
        return rows;
    }

    private static String cell(List<String> row, int[] at, EventTableColumn column) {
        int i = at[column.ordinal()];
        return i < 0 ? null : row.get(i);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
