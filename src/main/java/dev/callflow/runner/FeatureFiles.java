package dev.callflow.runner;

import dev.callflow.timeline.EditDistance;
import io.cucumber.core.runtime.Runtime;
import io.cucumber.gherkin.GherkinDialects;
import io.cucumber.gherkin.GherkinParser;
import io.cucumber.messages.types.Envelope;
import io.cucumber.messages.types.Examples;
import io.cucumber.messages.types.Feature;
import io.cucumber.messages.types.FeatureChild;
import io.cucumber.messages.types.GherkinDocument;
import io.cucumber.messages.types.Pickle;
import io.cucumber.messages.types.PickleTag;
import io.cucumber.messages.types.RuleChild;
import io.cucumber.messages.types.Scenario;
import io.cucumber.messages.types.TableRow;
import io.cucumber.tagexpressions.Expression;
import io.cucumber.tagexpressions.TagExpressionParser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The feature files a run selects, read with the Gherkin parser before Cucumber runs: what keeps them from running
 * (a syntax error, an unknown {@code # language:} dialect, a dialect this Cucumber cannot run, an event name that is no
 * kind of the vocabulary: {@link ScenarioEventNames}), each as
 * {@code file:line: what, and what to do}, and the scenarios the run's tag and name filters select.
 */
public final class FeatureFiles {
    /** Cucumber-JVM 7.33.0 to (at least) 7.34.x build a Locale from a dialect name that has a region, and crash (#3117). */
    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)");
    private static final Pattern UNSUPPORTED_LANGUAGE = Pattern.compile("Language not supported: (\\S+)");
    private static final Pattern LANGUAGE_HEADER = Pattern.compile("^\\s*#\\s*language\\s*:\\s*(\\S+)");

    /** One scenario (or example row) a run selects: its file, its line, its name and tags. */
    public record Selected(Path file, int line, String name, List<String> tags) { }

    /** The selected feature files cannot run; each problem names {@code file:line}. */
    public static final class Unusable extends IllegalArgumentException {
        private final List<String> problems;

        Unusable(List<String> problems) {
            super("The feature files cannot run:\n  " + String.join("\n  ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    private final Path home;
    private final List<Path> files;

    private FeatureFiles(Path home, List<Path> files) {
        this.home = home;
        this.files = files;
    }

    /** The {@code .feature} files of the given files and directories, in path order. */
    public static FeatureFiles of(Path home, List<Path> paths) {
        List<Path> out = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    walk.filter(f -> f.toString().endsWith(".feature") && Files.isRegularFile(f)).sorted().forEach(out::add);
                } catch (IOException e) {
                    throw new UncheckedIOException("Could not list the feature files under " + p, e);
                }
            } else {
                out.add(p);
            }
        }
        return new FeatureFiles(home, out);
    }

    /** The {@code .feature} files, in path order. */
    public List<Path> files() {
        return List.copyOf(files);
    }

    /** Throws {@link Unusable} naming every problem; does nothing when every file can run. */
    public void check() {
        List<String> problems = problems();
        if (!problems.isEmpty()) {
            throw new Unusable(problems);
        }
    }

    /** Every problem of every file, as {@code file:line: what; what to do}. */
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        for (Path f : files) {
            String where = shown(f);
            List<Envelope> envelopes = parse(f, false);
            boolean unknownDialect = envelopes.stream().flatMap(e -> e.getParseError().stream())
                    .anyMatch(err -> UNSUPPORTED_LANGUAGE.matcher(err.getMessage()).find());
            for (Envelope e : envelopes) {
                // after an unknown dialect every keyword fails to parse too: name only the dialect
                e.getParseError().filter(err -> !unknownDialect || UNSUPPORTED_LANGUAGE.matcher(err.getMessage()).find())
                        .ifPresent(err -> out.add(where + ":" + err.getSource().getLocation().map(l -> l.getLine())
                        .orElse(1L) + ": " + advice(err.getMessage())));
                e.getGherkinDocument().flatMap(GherkinDocument::getFeature)
                        .filter(feature -> !runtimeRuns(feature.getLanguage()))
                        .ifPresent(feature -> out.add(where + ":" + languageLine(f) + ": " + cannotRun(feature.getLanguage())));
            }
            if (envelopes.stream().noneMatch(e -> e.getParseError().isPresent())) {
                out.addAll(ScenarioEventNames.problems(where, parse(f, true)));
            }
        }
        return out;
    }

    /** The scenarios (one per example row of an outline) that the tag expression and name filter select. */
    public List<Selected> selected(String tagExpression, Optional<Pattern> name) {
        Expression tags = TagExpressionParser.parse(tagExpression == null || tagExpression.isBlank() ? "" : tagExpression);
        List<Selected> out = new ArrayList<>();
        for (Path f : files) {
            Map<String, Integer> lines = new HashMap<>();
            List<Pickle> pickles = new ArrayList<>();
            for (Envelope e : parse(f, true)) {
                e.getGherkinDocument().flatMap(GherkinDocument::getFeature).ifPresent(feature -> lines.putAll(lines(feature)));
                e.getPickle().ifPresent(pickles::add);
            }
            for (Pickle p : pickles) {
                List<String> pickleTags = p.getTags().stream().map(PickleTag::getName).toList();
                if (!tags.evaluate(pickleTags) || name.map(n -> !n.matcher(p.getName()).find()).orElse(false)) {
                    continue;
                }
                List<String> ids = p.getAstNodeIds();
                int line = lines.getOrDefault(ids.get(ids.size() - 1), lines.getOrDefault(ids.get(0), 0));
                out.add(new Selected(f.toAbsolutePath().normalize(), line, p.getName(), pickleTags));
            }
        }
        out.sort(Comparator.comparing((Selected s) -> s.file().toString()).thenComparingInt(Selected::line));
        return out;
    }

    private static List<Envelope> parse(Path f, boolean pickles) {
        try (Stream<Envelope> parsed = GherkinParser.builder().includeSource(false).includePickles(pickles).build().parse(f)) {
            return parsed.toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the feature file " + f, e);
        }
    }

    /** The line of each scenario and example row, by its id, for matching pickles to Cucumber's test cases. */
    private static Map<String, Integer> lines(Feature feature) {
        Map<String, Integer> out = new HashMap<>();
        List<Scenario> scenarios = new ArrayList<>();
        for (FeatureChild c : feature.getChildren()) {
            c.getScenario().ifPresent(scenarios::add);
            c.getRule().ifPresent(r -> r.getChildren().stream().map(RuleChild::getScenario).flatMap(Optional::stream)
                    .forEach(scenarios::add));
        }
        for (Scenario s : scenarios) {
            out.put(s.getId(), s.getLocation().getLine().intValue());
            for (Examples ex : s.getExamples()) {
                for (TableRow row : ex.getTableBody()) {
                    out.put(row.getId(), row.getLocation().getLine().intValue());
                }
            }
        }
        return out;
    }

    private String shown(Path f) {
        Path abs = f.toAbsolutePath().normalize();
        return home != null && abs.startsWith(home) ? home.relativize(abs).toString() : abs.toString();
    }

    private static String advice(String parserMessage) {
        String text = parserMessage.replaceFirst("^\\(\\d+:\\d+\\): ", "");
        Matcher m = UNSUPPORTED_LANGUAGE.matcher(text);
        if (m.find()) {
            String lang = m.group(1);
            return "unknown Gherkin dialect '# language: " + lang + "'; use one of the dialects close to it: "
                    + String.join(", ", closeDialects(lang)) + " (or leave the line out for English)";
        }
        return "Gherkin syntax error: " + text + "; fix the line (keywords: README.md, \"Writing scenarios\")";
    }

    /** The dialect names sharing the language part of {@code lang}, else the 8 nearest in spelling. */
    static List<String> closeDialects(String lang) {
        String wanted = lang.toLowerCase(Locale.ROOT);
        String base = wanted.split("[-_]")[0];
        List<String> all = GherkinDialects.getLanguages().stream().sorted().toList();
        List<String> same = all.stream().filter(d -> d.toLowerCase(Locale.ROOT).split("-")[0].equals(base)).toList();
        if (!same.isEmpty()) {
            return same;
        }
        return all.stream().sorted(Comparator.comparingInt((String d) -> EditDistance.between(wanted, d.toLowerCase(Locale.ROOT)))
                .thenComparing(d -> d)).limit(8).toList();
    }


    private static int languageLine(Path f) {
        try {
            List<String> lines = Files.readAllLines(f);
            for (int i = 0; i < lines.size(); i++) {
                if (LANGUAGE_HEADER.matcher(lines.get(i)).find()) {
                    return i + 1;
                }
            }
            return 1;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the feature file " + f, e);
        }
    }

    /** Whether this Cucumber can run scenarios in {@code language}: 7.33+ cannot when the name has a region (#3117). */
    static boolean runtimeRuns(String language) {
        return runtimeRuns(language, Runtime.class.getPackage().getImplementationVersion());
    }

    static boolean runtimeRuns(String language, String cucumberVersion) {
        Matcher v = VERSION.matcher(cucumberVersion == null ? "" : cucumberVersion);
        boolean buildsLocaleStrictly = v.find()
                && (Integer.parseInt(v.group(1)) > 7 || Integer.parseInt(v.group(1)) == 7 && Integer.parseInt(v.group(2)) >= 33);
        if (!buildsLocaleStrictly) {
            return true;
        }
        try {
            new Locale.Builder().setLanguage(language);
            return true;
        } catch (IllformedLocaleException e) {
            return false;
        }
    }

    private static String cannotRun(String language) {
        return "dialect '# language: " + language + "' parses, but Cucumber-JVM "
                + Runtime.class.getPackage().getImplementationVersion() + " cannot run it (7.33.0 and later crash on a "
                + "dialect with a region, cucumber-jvm #3117); build with cucumber.version 7.32.0 as pom.xml pins it";
    }
}
