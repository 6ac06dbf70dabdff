package dev.callflow.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Feature paths as Cucumber takes them: a file or directory, {@code file:line[:line…]} for some of a file's scenarios,
 * or {@code @rerun.txt} for the scenarios a rerun file lists (whitespace-separated {@code path:line} entries,
 * relative to the project home, as a run writes {@code reports/rerun.txt}).
 */
final class FeatureSelections {
    private static final Pattern WITH_LINES = Pattern.compile("(.+?)((?::\\d+)+)");

    private FeatureSelections() { }

    /** The plain paths of {@code given}; the lines each selects are added to {@code lines}, mistakes to {@code problems}. */
    static List<Path> expand(Path home, List<Path> given, Map<Path, Set<Integer>> lines, List<String> problems) {
        List<Path> out = new ArrayList<>();
        for (Path p : given) {
            String s = p.toString();
            if (!s.startsWith("@")) {
                add(home, s, out, lines);
                continue;
            }
            Path file = home.resolve(s.substring(1));
            if (!Files.isRegularFile(file)) {
                problems.add("No rerun file at " + file + ": every run with a reports directory writes <reports>/rerun.txt "
                        + "with its failed scenarios");
                continue;
            }
            List<String> entries = entries(file);
            if (entries.isEmpty()) {
                problems.add("The rerun file " + file + " lists no scenario (its run had no failures): nothing to rerun");
            }
            entries.forEach(e -> add(home, e, out, lines));
        }
        return out;
    }

    /** The {@code path:line} entries of a rerun file. */
    static List<String> entries(Path rerunFile) {
        try {
            return Files.readAllLines(rerunFile).stream().flatMap(l -> List.of(l.trim().split("\\s+")).stream())
                    .filter(e -> !e.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the rerun file " + rerunFile, e);
        }
    }

    private static void add(Path home, String entry, List<Path> out, Map<Path, Set<Integer>> lines) {
        Matcher m = WITH_LINES.matcher(entry);
        boolean withLines = m.matches() && !Files.exists(home.resolve(entry));
        Path path = Path.of(withLines ? m.group(1) : entry);
        if (!out.contains(path)) {
            out.add(path);
        }
        if (withLines) {
            Set<Integer> at = lines.computeIfAbsent(home.resolve(path).toAbsolutePath().normalize(), k -> new TreeSet<>());
            for (String n : m.group(2).substring(1).split(":")) {
                at.add(Integer.parseInt(n));
            }
        }
    }
}
