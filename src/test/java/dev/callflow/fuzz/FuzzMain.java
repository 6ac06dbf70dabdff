package dev.callflow.fuzz;

import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.util.Arrays;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

/**
 * Runs one {@code @FuzzTest} outside Maven for {@code scripts/fuzz.sh}, so libFuzzer's progress lines reach the
 * terminal as they are written. Jazzer fuzzes when {@code JAZZER_FUZZ} is set and reads its limits from system
 * properties ({@code -Djazzer.max_executions=…}, {@code -Djazzer.max_duration=…}).
 * Usage: {@code FuzzMain CLASS#METHOD}; exit 0 when the test passed, 1 on a finding or any failure.
 */
public final class FuzzMain {
    private FuzzMain() { }

    public static void main(String[] args) throws ClassNotFoundException {
        if (args.length != 1 || !args[0].contains("#")) {
            System.err.println("usage: FuzzMain fully.qualified.Class#method");
            System.exit(2);
        }
        String[] target = args[0].split("#", 2);
        Class<?> type = Class.forName(target[0]);
        Method method = Arrays.stream(type.getDeclaredMethods()).filter(m -> m.getName().equals(target[1])).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no method " + target[1] + " in " + target[0]));
        LauncherDiscoveryRequest discovery = request().selectors(selectMethod(type, method)).build();
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        Launcher launcher = LauncherFactory.create();
        launcher.execute(discovery, summary);
        TestExecutionSummary s = summary.getSummary();
        s.printFailuresTo(new PrintWriter(System.err, true), 40);
        System.err.printf("FuzzMain %s: %d run, %d failed%n", args[0], s.getTestsStartedCount(),
                s.getTotalFailureCount());
        System.exit(s.getTotalFailureCount() == 0 && s.getTestsSucceededCount() > 0 ? 0 : 1);
    }
}
