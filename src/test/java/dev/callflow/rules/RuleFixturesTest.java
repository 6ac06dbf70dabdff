package dev.callflow.rules;

import dev.callflow.monitor.RuleCatalog;
import dev.callflow.timeline.LogFormat;
import dev.callflow.timeline.Timeline;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every rule is judged against device-log fixtures under {@code fixtures/rules/<RULE-ID>/}: at least one that
 * breaks it and one that conforms. A fixture's header comments say what to expect:
 * <pre>
 * // expect: violated        (or: warning, holds, not judged)
 * // policy: seed-strict     (optional; default otherwise)
 * </pre>
 */
class RuleFixturesTest {
    private static final Path ROOT = Path.of("fixtures/rules");

    record Fixture(Path file, String ruleId, RuleVerdict.Outcome expected, Policy policy) { }

    @TestFactory
    Stream<DynamicTest> eachFixtureJudgesAsItsHeaderSays() throws IOException {
        return fixtures().stream().map(f -> DynamicTest.dynamicTest(f.ruleId() + " " + f.file().getFileName(), () -> {
            Timeline t = LogFormat.standard().parse(f.file());
            Rule rule = RuleCatalog.require(f.ruleId());
            RuleVerdict v = rule.judge(new Trace(t.events()), f.policy());
            assertThat(v.outcome())
                    .as("%s on %s under policy %s; findings: %s; note: %s", f.ruleId(), f.file(), f.policy().wireName(),
                            v.findings(), v.note())
                    .isEqualTo(f.expected());
        }));
    }

    @Test
    void everyRuleHasABreakingAndAConformingFixture() throws IOException {
        Map<String, TreeSet<String>> outcomes = new TreeMap<>();
        for (Fixture f : fixtures()) {
            outcomes.computeIfAbsent(f.ruleId(), k -> new TreeSet<>()).add(f.expected().name());
        }
        List<String> missing = new ArrayList<>();
        for (Rule r : RuleCatalog.all()) {
            TreeSet<String> o = outcomes.getOrDefault(r.id(), new TreeSet<>());
            if (!o.contains("HOLDS")) {
                missing.add(r.id() + " has no conforming fixture (expect: holds)");
            }
            if (!o.contains("VIOLATED") && !o.contains("WARNED")) {
                missing.add(r.id() + " has no breaking fixture (expect: violated or warning)");
            }
        }
        assertThat(missing).as("rules without fixtures under " + ROOT).isEmpty();
    }

    static List<Fixture> fixtures() throws IOException {
        if (!Files.isDirectory(ROOT)) {
            return List.of();
        }
        List<Fixture> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(ROOT)) {
            for (Path p : files.filter(x -> x.toString().endsWith(".log")).sorted().toList()) {
                String ruleId = p.getParent().getFileName().toString();
                List<String> lines = Files.readAllLines(p);
                String expect = header(lines, "expect").orElseThrow(() ->
                        new AssertionError(p + " needs a '// expect: violated|warning|holds|not judged' header line"));
                Policy policy = header(lines, "policy").map(Policy::named).orElse(Policy.DEFAULT);
                out.add(new Fixture(p, ruleId, outcome(expect, p), policy));
            }
        }
        return out;
    }

    private static Optional<String> header(List<String> lines, String key) {
        return lines.stream().map(String::trim).filter(l -> l.startsWith("// " + key + ":"))
                .map(l -> l.substring(("// " + key + ":").length()).trim()).findFirst();
    }

    private static RuleVerdict.Outcome outcome(String text, Path p) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "violated" -> RuleVerdict.Outcome.VIOLATED;
            case "warning", "warned" -> RuleVerdict.Outcome.WARNED;
            case "holds" -> RuleVerdict.Outcome.HOLDS;
            case "not judged" -> RuleVerdict.Outcome.NOT_JUDGED;
            default -> throw new AssertionError(p + ": unknown expectation '" + text + "'");
        };
    }
}
