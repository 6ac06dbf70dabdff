package dev.callflow.timeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Matches an expected flow against a timeline as an ordered subsequence (other events may come between) and,
 * when it does not match, explains why in the STYLE.md form: expected flow beside observed flow, with the event
 * that came out of order marked.
 * <p>
 * The flow is a sequence of {@linkplain Group groups}. The rows of one group may appear in any order among themselves,
 * each matched by an event of its own; every event of a group comes after every event of the group before it. A
 * plain table is a sequence of one-row groups. Within a group the matcher assigns distinct events to the rows
 * (a bipartite matching) and, of the assignments that exist, takes one whose last event is earliest: that leaves the
 * most room to the groups after it, so a flow matches whenever any assignment of the whole table does.
 */
public final class FlowMatch {

    /**
     * Rows that may appear in any order among themselves.
     *
     * @param order the group's label as the table wrote it (its {@code order} cell), or {@code null} for a plain table
     * @param rows  the group's rows, in table order; at least one
     */
    public record Group(String order, List<ExpectedEvent> rows) {
        public Group {
            rows = List.copyOf(rows);
            if (rows.isEmpty()) {
                throw new IllegalArgumentException("A group of an expected flow needs at least one row");
            }
        }
    }

    private final List<Group> groups;
    private final List<ExpectedEvent> expected;
    /** Per row of {@link #expected}: the index of its group. */
    private final int[] groupOf;
    private final List<Event> events;
    /** Per row of {@link #expected}: the event it matched, or null. */
    private final Event[] hits;
    /** The first group that could not be matched completely, or -1. */
    private int failedGroup = -1;
    /** The last event of the group before {@link #failedGroup}, or null when it is the first. */
    private Event previous;
    /** Whether the rows carry an order label (a grouped table), for the side-by-side view. */
    private final boolean grouped;

    private FlowMatch(List<Group> groups, List<Event> events, boolean grouped) {
        this.groups = List.copyOf(groups);
        this.events = events;
        this.grouped = grouped;
        List<ExpectedEvent> rows = new ArrayList<>();
        List<Integer> owners = new ArrayList<>();
        for (int g = 0; g < this.groups.size(); g++) {
            for (ExpectedEvent row : this.groups.get(g).rows()) {
                rows.add(row);
                owners.add(g);
            }
        }
        this.expected = List.copyOf(rows);
        this.groupOf = owners.stream().mapToInt(Integer::intValue).toArray();
        this.hits = new Event[expected.size()];
        int from = 0;
        int first = 0;
        for (int g = 0; g < this.groups.size(); g++) {
            List<ExpectedEvent> groupRows = this.groups.get(g).rows();
            int[] assigned = new int[groupRows.size()];
            boolean complete = assign(groupRows, from, assigned);
            int last = -1;
            for (int r = 0; r < assigned.length; r++) {
                if (assigned[r] >= 0) {
                    hits[first + r] = events.get(assigned[r]);
                    last = Math.max(last, assigned[r]);
                }
            }
            if (!complete) {
                failedGroup = g;
                previous = from == 0 ? null : events.get(from - 1);
                break;
            }
            first += groupRows.size();
            from = last + 1;
        }
    }

    /** A plain table: every row is its own group, in table order. */
    public static FlowMatch of(List<ExpectedEvent> expected, List<Event> events) {
        return new FlowMatch(expected.stream().map(r -> new Group(null, List.of(r))).toList(), events, false);
    }

    /** A table of groups: the rows of a group in any order among themselves, groups in the given order. */
    public static FlowMatch inGroups(List<Group> groups, List<Event> events) {
        return new FlowMatch(groups, events, groups.stream().anyMatch(g -> g.order() != null));
    }

    /**
     * Assigns distinct events from index {@code from} on to the rows, earliest group end first: events are added one at
     * a time and the matching is kept maximum (Kuhn's augmenting paths), so the first event that completes it is the
     * earliest possible end. Leaves the indexes in {@code assigned} (-1 for a row left without one) and returns whether
     * every row got one; if not, the matching over all remaining events is maximum.
     */
    private boolean assign(List<ExpectedEvent> rows, int from, int[] assigned) {
        int n = rows.size();
        Arrays.fill(assigned, -1);
        List<List<Integer>> candidates = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            candidates.add(new ArrayList<>());
        }
        java.util.Map<Integer, Integer> taken = new java.util.HashMap<>();
        int size = 0;
        for (int p = from; p < events.size() && size < n; p++) {
            boolean candidate = false;
            for (int r = 0; r < n; r++) {
                if (rows.get(r).matches(events.get(p))) {
                    candidates.get(r).add(p);
                    candidate = true;
                }
            }
            if (!candidate) {
                continue;
            }
            for (int r = 0; r < n; r++) {
                if (assigned[r] < 0 && augment(r, candidates, assigned, taken, new java.util.HashSet<>())) {
                    size++;
                    break; // one new event grows a maximum matching by one at most
                }
            }
        }
        return size == n;
    }

    private static boolean augment(int row, List<List<Integer>> candidates, int[] assigned,
            java.util.Map<Integer, Integer> taken, java.util.Set<Integer> visited) {
        for (int p : candidates.get(row)) {
            if (!visited.add(p)) {
                continue;
            }
            Integer holder = taken.get(p);
            if (holder == null || augment(holder, candidates, assigned, taken, visited)) {
                assigned[row] = p;
                taken.put(p, row);
                return true;
            }
        }
        return false;
    }

    public boolean complete() {
        return failedGroup < 0;
    }

    /** The matched events, in row order: every row of the matched groups, then the rows found of the group that failed. */
    public List<Event> matched() {
        return Arrays.stream(hits).filter(Objects::nonNull).toList();
    }

    /**
     * The first failure on the timeline that concerns the flow: one of a kind the flow expects (a {@code startAudio
     * result=failed} where the flow wants {@code result=ok}), one of a call the flow matched, or an error the system
     * reported (see {@link FailureCauses#isFailure}).
     */
    public Optional<Event> firstFailure() {
        java.util.Set<UUID> calls = new java.util.HashSet<>();
        matched().forEach(e -> e.callId().ifPresent(calls::add));
        return events.stream().filter(FailureCauses::isFailure)
                .filter(e -> e.level() == Level.ERROR || expected.stream().anyMatch(x -> x.sameKind(e))
                        || e.call() != null && calls.contains(e.call()))
                .findFirst();
    }

    /** The first expected row (in table order) that was not found in order. */
    public Optional<ExpectedEvent> firstMissing() {
        return missingRows().stream().findFirst().map(expected::get);
    }

    /** The rows of the failed group that found no event, by index into {@link #expected}. */
    private List<Integer> missingRows() {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < expected.size(); i++) {
            if (groupOf[i] == failedGroup && hits[i] == null) {
                out.add(i);
            }
        }
        return out;
    }

    /**
     * A failure message naming what happened out of order, with both flows side by side. It leads with the cause when
     * the timeline shows one: the external implementation's verdict, or else the {@linkplain #firstFailure first
     * failure} that concerns the flow.
     */
    public String explain(String headline, Function<UUID, String> callNames) {
        if (complete()) {
            throw new IllegalStateException("the flow matched");
        }
        StringBuilder b = new StringBuilder();
        FailureCauses.iutVerdict(events, "the expected flow")
                .or(() -> firstFailure().map(f -> FailureCauses.lead(f, callNames)))
                .ifPresent(cause -> b.append(cause).append('\n'));
        b.append(headline).append('\n');
        List<ExpectedEvent> failedRows = groups.get(failedGroup).rows();
        if (failedRows.size() == 1) {
            explainRow(b, failedRows.get(0), callNames);
        } else {
            explainGroup(b, callNames);
        }
        // the cause is often an error the flow's table does not mention (the system killed the app, a push went unreported)
        List<Event> errors = events.stream()
                .filter(e -> e.level() == Level.ERROR && !FailureCauses.orderedByTheScenario(e)
                        && expected.stream().noneMatch(x -> x.sameKind(e))).toList();
        if (!errors.isEmpty()) {
            b.append("Errors on the timeline:\n");
            errors.forEach(e -> b.append("  ").append(brief(e, callNames)).append('\n'));
        }
        b.append(sideBySide(callNames));
        return b.toString();
    }

    /** One row that did not come in order. */
    private void explainRow(StringBuilder b, ExpectedEvent missing, Function<UUID, String> callNames) {
        Optional<Event> elsewhere = events.stream().filter(missing::matches).findFirst();
        b.append("Expected ").append(missing.label());
        if (previous != null) {
            b.append(" after ").append(ExpectedEvent.describe(previous, callNames)).append(" (#").append(previous.seq()).append(')');
        }
        if (elsewhere.isPresent()) {
            Event e = elsewhere.get();
            b.append(", but it happened out of order: #").append(e.seq()).append(' ')
                    .append(ExpectedEvent.describe(e, callNames)).append(" came ")
                    .append(previous != null && e.seq() < previous.seq() ? "before it" : "without the rows above it")
                    .append(".\n");
        } else {
            b.append(", but ").append(absence(missing, callNames)).append(".\n");
        }
    }

    /** A group of rows in any order of which some were not found. */
    private void explainGroup(StringBuilder b, Function<UUID, String> callNames) {
        Group group = groups.get(failedGroup);
        List<Integer> missing = missingRows();
        b.append("Expected in any order");
        if (group.order() != null) {
            b.append(" (order ").append(group.order()).append(')');
        }
        if (previous != null) {
            b.append(" after ").append(ExpectedEvent.describe(previous, callNames)).append(" (#").append(previous.seq()).append(')');
        }
        b.append(": ").append(String.join(", ", group.rows().stream().map(ExpectedEvent::label).toList())).append(".\n");
        List<String> found = new ArrayList<>();
        for (int i = 0; i < expected.size(); i++) {
            if (groupOf[i] == failedGroup && hits[i] != null) {
                found.add(expected.get(i).label() + " at #" + hits[i].seq());
            }
        }
        b.append(found.isEmpty() ? "Found none of them" : "Found " + String.join(", ", found));
        if (missing.size() == 1) {
            ExpectedEvent row = expected.get(missing.get(0));
            b.append("; missing ").append(row.label()).append(": ").append(reason(row, callNames)).append(".\n");
        } else {
            b.append("; missing:\n");
            for (int i : missing) {
                b.append("  ").append(expected.get(i).label()).append(": ").append(reason(expected.get(i), callNames)).append('\n');
            }
        }
    }

    /** Why a row of a group found no event: it came before the group's place, every match is taken, or none exists. */
    private String reason(ExpectedEvent row, Function<UUID, String> callNames) {
        long after = previous == null ? 0 : previous.seq();
        Optional<Event> early = events.stream().filter(e -> e.seq() <= after && row.matches(e)).findFirst();
        if (early.isPresent()) {
            return "it happened out of order: #" + early.get().seq() + ' ' + ExpectedEvent.describe(early.get(), callNames)
                    + " came before " + ExpectedEvent.describe(previous, callNames) + " (#" + previous.seq() + ')';
        }
        List<Event> takenByOthers = events.stream().filter(e -> e.seq() > after && row.matches(e)).toList();
        if (!takenByOthers.isEmpty()) {
            return "every event it matches went to another row of the group: "
                    + takenByOthers.stream().map(e -> brief(e, callNames)).toList();
        }
        return absence(row, callNames);
    }

    private String absence(ExpectedEvent missing, Function<UUID, String> callNames) {
        List<Event> sameKind = events.stream().filter(missing::sameKind).toList();
        if (sameKind.isEmpty()) {
            return "no " + missing.name() + " happened at all";
        }
        return "every " + missing.name() + " differed: " + sameKind.stream().map(e -> brief(e, callNames)).toList();
    }

    private String sideBySide(Function<UUID, String> callNames) {
        List<Integer> missing = complete() ? List.of() : missingRows();
        int orderWidth = grouped ? groups.stream().mapToInt(g -> g.order() == null ? 0 : g.order().length()).max().orElse(0) : 0;
        List<String> left = new ArrayList<>();
        for (int i = 0; i < expected.size(); i++) {
            String mark = missing.contains(i) ? "✗ " : "  ";
            String order = grouped ? pad(Objects.toString(groups.get(groupOf[i]).order(), ""), orderWidth) : "";
            left.add(mark + order + expected.get(i).label());
        }
        List<Event> observed = events.stream().filter(e -> expected.stream().anyMatch(x -> x.sameKind(e))).toList();
        List<Event> matched = matched();
        long lastMatched = matched.stream().mapToLong(Event::seq).max().orElse(-1);
        long after = previous == null ? 0 : previous.seq();
        List<String> right = new ArrayList<>();
        for (Event e : observed) {
            String line = String.format(Locale.ROOT, "#%-4d +%9.3f ms  %s", e.seq(), e.millis(),
                    ExpectedEvent.describe(e, callNames) + observedAttributes(e));
            boolean matchesMissing = missing.stream().anyMatch(i -> expected.get(i).matches(e));
            if (matchesMissing && !matched.contains(e) && e.seq() <= after) {
                line += "   <<<<< out of order";
            } else if (!matched.contains(e) && !matched.isEmpty() && e.seq() > lastMatched) {
                line += "   (not reached: matching stopped at ✗)";
            } else if (!matched.contains(e)) {
                line += "   (not in the expected flow here)";
            }
            right.add(line);
        }
        int width = Math.max(30, left.stream().mapToInt(String::length).max().orElse(0) + 2);
        StringBuilder b = new StringBuilder();
        String title = grouped ? "Expected flow (same order number: any order)" : "Expected flow";
        width = Math.max(width, title.length() + 1);
        b.append(pad(title, width)).append("| Observed flow (events of the expected kinds)\n");
        for (int i = 0; i < Math.max(left.size(), right.size()); i++) {
            b.append(pad(i < left.size() ? left.get(i) : "", width)).append("| ")
                    .append(i < right.size() ? right.get(i) : "").append('\n');
        }
        return b.toString();
    }

    /** The most of an attribute value, and of all of them, the observed column shows. */
    private static final int OBSERVED_VALUE = 32;
    private static final int OBSERVED_ATTRIBUTES = 90;

    /**
     * An observed event's attributes as the expected column writes them, {@code {type=remoteHangup}}, so that events of
     * one name (serverEvent, fulfill) are told apart; long values and long lists are cut.
     */
    private static String observedAttributes(Event e) {
        if (e.attributes().isEmpty()) {
            return "";
        }
        List<String> pairs = new ArrayList<>();
        e.attributes().forEach((k, v) -> pairs.add(k + "=" + EventLines.cap(v, OBSERVED_VALUE)));
        return " {" + EventLines.cap(String.join(", ", pairs), OBSERVED_ATTRIBUTES) + "}";
    }

    /** An event inline, with the call's scenario name, so that an event of another call reads as such. */
    private static String brief(Event e, Function<UUID, String> callNames) {
        return EventLines.brief(e, callNames);
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s + " " : s + " ".repeat(width - s.length());
    }
}
