package dev.callflow.harness;

import dev.callflow.device.TimingProfile;
import dev.callflow.iut.ImplementationsUnderTest;
import dev.callflow.rules.Policy;
import io.cucumber.tagexpressions.TagExpressionException;
import io.cucumber.tagexpressions.TagExpressionParser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Everything one run of the suite needs, fixed before it starts: which implementation, which scenarios, how many at a
 * time, the timing profile and policy, the hang guard, where reports go (or none), and the seed. Immutable; built with
 * {@link #builder(Path)}, which checks every value at {@link Builder#build()} and says what to supply. Nothing of a run
 * travels through system properties: two runs with different configs can share one JVM at the same time.
 */
public final class RunConfig {
    public static final Duration DEFAULT_HANG_GUARD = HarnessSettings.DEFAULT_HANG_GUARD;
    public static final int MAX_THREADS = 64;

    private final Path home;
    private final String iut;
    private final List<Path> features;
    private final String tags;
    private final Pattern name;
    private final int threads;
    private final Policy policy;
    private final TimingProfile timing;
    private final Duration hangGuard;
    private final Path reportsDir;
    private final Path iutTraffic;
    private final long seed;
    private final boolean progress;
    private final boolean monochrome;
    private final Shard shard;
    private final Map<Path, Set<Integer>> lines;

    private RunConfig(Builder b, Pattern name, TimingProfile timing, Policy policy, Duration hangGuard, List<Path> features,
                      Map<Path, Set<Integer>> lines) {
        this.home = b.home;
        this.iut = b.iut.trim();
        this.features = features;
        this.lines = lines;
        this.shard = b.shard;
        this.tags = b.tags;
        this.name = name;
        this.threads = b.threads;
        this.policy = policy;
        this.timing = timing;
        this.hangGuard = hangGuard;
        this.reportsDir = b.reportsDir == null ? null : b.reportsDir.toAbsolutePath().normalize();
        this.iutTraffic = b.iutTraffic == null ? null : b.iutTraffic.toAbsolutePath().normalize();
        this.seed = b.seed;
        this.progress = b.progress;
        this.monochrome = b.monochrome;
    }

    /** A run of the project at {@code home} (the directory holding {@code features/} and {@code fixtures/}). */
    public static Builder builder(Path home) {
        return new Builder(home);
    }

    /** The project directory: {@code features/}, {@code fixtures/}, the examples. */
    public Path home() { return home; }

    /** The IUT spec: {@code reference}, {@code mutant:<name>}, {@code variant:<name>}, a command line, {@code tcp-listen:…}. */
    public String iut() { return iut; }

    /** Feature files or directories to run. */
    public List<Path> features() { return features; }

    /**
     * The feature files given as {@code path:line[:line…]} (directly or in a rerun file), each with the lines of the
     * scenarios or example rows it selects; a file not in the map runs whole.
     */
    public Map<Path, Set<Integer>> lines() { return lines; }

    /** The part of the selected scenarios this run takes, or empty for all of them. */
    public Optional<Shard> shard() { return Optional.ofNullable(shard); }

    /** The user's tag expression, or empty for all; {@code @wip} scenarios never run (see {@link #tagExpression()}). */
    public Optional<String> tags() { return Optional.ofNullable(tags); }

    /** The expression Cucumber filters with: {@code not @wip}, and the user's tags when given. */
    public String tagExpression() {
        return "not @wip" + (tags == null ? "" : " and (" + tags + ")");
    }

    /** Only scenarios whose name matches, or empty for all. */
    public Optional<Pattern> name() { return Optional.ofNullable(name); }

    /** Scenarios in parallel. */
    public int threads() { return threads; }

    /** The run's audio policy (a scenario may choose another for itself). */
    public Policy policy() { return policy; }

    public TimingProfile timing() { return timing; }

    /** The one real-time bound on an external implementation: its hello, and each of its handlers. */
    public Duration hangGuard() { return hangGuard; }

    /** Where report files go; empty: the run keeps its result in memory only and writes nothing. */
    public Optional<Path> reportsDir() { return Optional.ofNullable(reportsDir); }

    /** Where every line exchanged with an external implementation is recorded (one file per session), or empty. */
    public Optional<Path> iutTraffic() { return Optional.ofNullable(iutTraffic); }

    /**
     * Orders what happens at the same virtual instant (0, the default: in the order it was caused) and draws each
     * scenario's ids; printed in the summary and in every failure, so that a run can be repeated exactly.
     */
    public long seed() { return seed; }

    /** Print Cucumber's progress dots and summary to standard output (the CLI does; tests do not). */
    public boolean progress() { return progress; }

    public boolean monochrome() { return monochrome; }

    /** The settings each scenario's rig reads. */
    public HarnessSettings settings() {
        return new HarnessSettings(home, reportsDir, iut, timing, policy, hangGuard, iutTraffic, seed);
    }

    /** A builder holding this config's values, to derive another config from it. */
    public Builder toBuilder() {
        Builder b = new Builder(home).iut(iut).threads(threads).policy(policy).timing(timing).hangGuard(hangGuard)
                .seed(seed).progress(progress).monochrome(monochrome);
        b.features = new ArrayList<>(features);
        b.lines = lines;
        b.shard = shard;
        b.tags = tags;
        b.nameRegex = name == null ? null : name.pattern();
        b.reportsDir = reportsDir;
        b.iutTraffic = iutTraffic;
        return b;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "RunConfig[iut=%s, features=%s, tags=%s, name=%s, threads=%d, policy=%s, "
                        + "timing=%s, hangGuard=%d ms, reports=%s, seed=%d]", iut, features, tagExpression(),
                name == null ? "-" : name.pattern(), threads, policy.wireName(), timing.name(), hangGuard.toMillis(),
                reportsDir == null ? "none" : reportsDir, seed);
    }

    /** A run config that cannot be built: every problem, each saying what to supply instead. */
    public static final class InvalidRunConfig extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final List<String> problems;

        InvalidRunConfig(List<String> problems) {
            super(problems.size() == 1 ? problems.get(0)
                    : "The run is not configured right:\n  - " + String.join("\n  - ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    /** Collects a run's settings; {@link #build()} checks them all and names every one that is wrong. */
    public static final class Builder {
        private final Path home;
        private String iut = "reference";
        private List<Path> features;
        private String tags;
        private String nameRegex;
        private int threads = 2;
        private Policy policy = Policy.DEFAULT;
        private String policyName;
        private TimingProfile timing = TimingProfile.realistic();
        private String profileName;
        private Duration hangGuard = DEFAULT_HANG_GUARD;
        private String hangGuardMillis;
        private Path reportsDir;
        private Path iutTraffic;
        private long seed;
        private boolean progress;
        private boolean monochrome = true;
        private Shard shard;
        private String shardSpec;
        private Map<Path, Set<Integer>> lines = Map.of();

        private Builder(Path home) {
            this.home = home == null ? null : home.toAbsolutePath().normalize();
        }

        public Builder iut(String spec) { this.iut = spec; return this; }

        /** Feature files or directories; default {@code <home>/features}. */
        public Builder features(List<Path> paths) { this.features = paths == null ? null : new ArrayList<>(paths); return this; }

        public Builder features(Path... paths) { return features(List.of(paths)); }

        /** A Cucumber tag expression, e.g. {@code @R-PUSH-1 and not @slow}; {@code null}: every scenario. */
        public Builder tags(String expression) { this.tags = expression == null || expression.isBlank() ? null : expression.trim(); return this; }

        /** Only scenarios whose name matches this regular expression; {@code null}: every scenario. */
        public Builder name(String regex) { this.nameRegex = regex; return this; }

        public Builder threads(int n) { this.threads = n; return this; }

        public Builder policy(Policy p) { this.policy = p; this.policyName = null; return this; }

        /** By name: {@code default}, {@code seed-strict} or {@code apple}. */
        public Builder policy(String name) { this.policyName = name; return this; }

        public Builder timing(TimingProfile t) { this.timing = t; this.profileName = null; return this; }

        /** By name: {@code fast} or {@code realistic}. */
        public Builder profile(String name) { this.profileName = name; return this; }

        public Builder hangGuard(Duration d) { this.hangGuard = d; this.hangGuardMillis = null; return this; }

        /** In milliseconds as the CLI takes it; {@code null}: the default. */
        public Builder hangGuardMillis(String millis) { this.hangGuardMillis = millis; return this; }

        /** Where report files go; {@code null} (the default): none, the result stays in memory. */
        public Builder reportsDir(Path dir) { this.reportsDir = dir; return this; }

        public Builder iutTraffic(Path dir) { this.iutTraffic = dir; return this; }

        public Builder seed(long s) { this.seed = s; return this; }

        public Builder progress(boolean p) { this.progress = p; return this; }

        public Builder monochrome(boolean m) { this.monochrome = m; return this; }

        /** {@code i/n}: the i-th of n shards of the selected scenarios ({@link Shard}); {@code null}: all of them. */
        public Builder shard(String spec) { this.shardSpec = spec; this.shard = null; return this; }

        public RunConfig build() {
            List<String> problems = new ArrayList<>();
            if (home == null) {
                problems.add("No project home: call builder(<the directory holding features/ and fixtures/>)");
            } else if (!Files.isDirectory(home.resolve("fixtures"))) {
                problems.add("No fixtures/ under " + home + ": give the project directory as the home (./callflow sets it; "
                        + "from Maven it is ${basedir})");
            }
            if (iut == null || iut.isBlank()) {
                problems.add("No implementation under test: call iut(\"reference\"), iut(\"mutant:<name>\"), "
                        + "iut(\"variant:<name>\"), a command line or tcp-listen:HOST:PORT");
            } else {
                try {
                    ImplementationsUnderTest.validate(iut.trim(), home);
                } catch (IllegalArgumentException e) {
                    problems.add(e.getMessage());
                }
            }
            List<Path> paths = features != null ? List.copyOf(features)
                    : home == null ? List.of() : List.of(home.resolve("features"));
            if (features != null && features.isEmpty()) {
                problems.add("No feature paths: call features(<file or directory>...), or leave them out for <home>/features");
            }
            Map<Path, Set<Integer>> selectedLines = new TreeMap<>(lines);
            if (features != null && home != null) {
                paths = FeatureSelections.expand(home, paths, selectedLines, problems);
            }
            for (Path p : paths) {
                Path abs = home == null ? p : home.resolve(p);
                if (!Files.exists(abs)) {
                    problems.add("No feature file or directory at " + abs);
                }
            }
            paths = home == null ? paths : paths.stream().map(p -> home.resolve(p).normalize()).toList();
            if (tags != null) {
                try {
                    TagExpressionParser.parse(tags);
                } catch (TagExpressionException e) {
                    problems.add("The tag expression '" + tags + "' does not parse (" + e.getMessage()
                            + "); write it like \"@R-PUSH-1 and not @slow\"");
                }
            }
            Pattern name = null;
            if (nameRegex != null) {
                try {
                    name = Pattern.compile(nameRegex);
                } catch (PatternSyntaxException e) {
                    problems.add("The name filter '" + nameRegex + "' is no regular expression: " + e.getDescription());
                }
            }
            if (threads < 1 || threads > MAX_THREADS) {
                problems.add("threads must be from 1 to " + MAX_THREADS + ", got " + threads);
            }
            Policy p = policy;
            if (policyName != null) {
                try {
                    p = Policy.named(policyName);
                } catch (IllegalArgumentException e) {
                    problems.add(e.getMessage());
                }
            }
            if (p == null) {
                problems.add("No policy: call policy(\"default\"), policy(\"seed-strict\") or policy(\"apple\")");
            }
            TimingProfile t = timing;
            if (profileName != null) {
                try {
                    t = TimingProfile.named(profileName);
                } catch (IllegalArgumentException e) {
                    problems.add(e.getMessage());
                }
            }
            if (t == null) {
                problems.add("No timing profile: call profile(\"realistic\")");
            }
            Duration guard = hangGuard;
            if (hangGuardMillis != null) {
                try {
                    guard = HarnessSettings.hangGuard(hangGuardMillis);
                } catch (IllegalArgumentException e) {
                    problems.add(e.getMessage());
                }
            } else if (guard == null || guard.isNegative() || guard.isZero()) {
                problems.add("The hang guard must be a positive duration, got " + guard);
            }
            if (reportsDir != null && Files.exists(reportsDir) && !Files.isDirectory(reportsDir)) {
                problems.add("The reports directory " + reportsDir + " is a file; give a directory");
            }
            if (shardSpec != null) {
                try {
                    shard = Shard.parse(shardSpec);
                } catch (IllegalArgumentException e) {
                    problems.add(e.getMessage());
                }
            }
            if (!problems.isEmpty()) {
                throw new InvalidRunConfig(problems);
            }
            return new RunConfig(this, name, Objects.requireNonNull(t), Objects.requireNonNull(p), guard, paths,
                    Collections.unmodifiableMap(selectedLines));
        }
    }
}
