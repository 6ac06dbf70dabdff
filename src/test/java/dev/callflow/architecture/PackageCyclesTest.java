package dev.callflow.architecture;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Data flows one way (steps → device → IUT → timeline → rules → report): {@code jdeps} on the compiled harness must
 * find no cycle between its packages, and the ground floor ({@code platform}, {@code timeline}) must not reach up.
 */
class PackageCyclesTest {
    private static final Pattern EDGE = Pattern.compile("^\\s+(dev\\.callflow[\\w.]*)\\s+->\\s+(dev\\.callflow[\\w.]*)\\s");

    @Test
    void noPackageCycles() {
        Map<String, Set<String>> graph = packageGraph();
        assertThat(graph).as("jdeps found the harness's packages").containsKeys("dev.callflow.device", "dev.callflow.rules");
        assertThat(cycles(graph)).as("package cycles (strongly connected components) in target/classes").isEmpty();
    }

    @Test
    void groundFloorReachesNothingAbove() {
        Map<String, Set<String>> graph = packageGraph();
        assertThat(graph.getOrDefault("dev.callflow.platform", Set.of()))
                .as("platform (the CallKit-shaped API every app codes against) may use only the timeline")
                .allMatch(p -> p.equals("dev.callflow.timeline"));
        assertThat(graph.getOrDefault("dev.callflow.timeline", Set.of())).as("timeline depends on no other package").isEmpty();
        assertThat(graph.getOrDefault("dev.callflow.sdk", Set.of()))
                .as("the simulated SDK sees the platform and its own audio-state interface, never the device")
                .doesNotContain("dev.callflow.device");
    }

    static Map<String, Set<String>> packageGraph() {
        Path classes = Path.of("target", "classes");
        assertThat(Files.isDirectory(classes)).as("compiled classes at " + classes.toAbsolutePath()).isTrue();
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow(() -> new AssertionError("this JDK has no jdeps"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int rc = jdeps.run(new PrintWriter(out), new PrintWriter(err), "-verbose:package", "-filter:none",
                "-e", "dev\\.callflow.*", classes.toString());
        assertThat(rc).as("jdeps exit code; stderr: " + err).isZero();
        Map<String, Set<String>> graph = new TreeMap<>();
        for (String line : out.toString().split("\\R")) {
            Matcher m = EDGE.matcher(line);
            if (m.find() && !m.group(1).equals(m.group(2))) {
                graph.computeIfAbsent(m.group(1), k -> new TreeSet<>()).add(m.group(2));
            }
        }
        return graph;
    }

    /** Tarjan's strongly connected components with more than one package. */
    static List<Set<String>> cycles(Map<String, Set<String>> graph) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new TreeSet<>();
        List<Set<String>> found = new ArrayList<>();
        int[] counter = {0};
        for (String v : graph.keySet()) {
            if (!index.containsKey(v)) {
                connect(v, graph, index, low, stack, onStack, found, counter);
            }
        }
        return found;
    }

    private static void connect(String v, Map<String, Set<String>> graph, Map<String, Integer> index, Map<String, Integer> low,
                                Deque<String> stack, Set<String> onStack, List<Set<String>> found, int[] counter) {
        index.put(v, counter[0]);
        low.put(v, counter[0]++);
        stack.push(v);
        onStack.add(v);
        for (String w : graph.getOrDefault(v, Set.of())) {
            if (!index.containsKey(w)) {
                connect(w, graph, index, low, stack, onStack, found, counter);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (onStack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            Set<String> component = new TreeSet<>();
            String w;
            do {
                w = stack.pop();
                onStack.remove(w);
                component.add(w);
            } while (!w.equals(v));
            if (component.size() > 1) {
                found.add(component);
            }
        }
    }

    @Test
    void cycleFinderFindsACycle() {
        Map<String, Set<String>> g = Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"), "d", Set.of("a"));
        assertThat(cycles(g)).containsExactly(Set.of("a", "b", "c"));
        assertThat(cycles(Map.of("a", Set.of("b"), "b", Set.of()))).isEmpty();
    }
}
