package dev.callflow.harness;

/**
 * What a run's background report work cost.
 *
 * @param items        results made (sequence diagrams)
 * @param busyMillis   the background thread's time on them
 * @param waitedMillis how long the run waited for the last ones after its scenarios were done
 */
public record ReportWorkFigure(int items, long busyMillis, long waitedMillis) {
    public static final ReportWorkFigure NONE = new ReportWorkFigure(0, 0, 0);
}
