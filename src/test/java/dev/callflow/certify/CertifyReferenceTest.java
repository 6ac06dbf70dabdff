package dev.callflow.certify;

import dev.callflow.monitor.RuleCatalog;
import dev.callflow.testing.Runs;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./callflow certify} of the reference app over the whole suite, once: every rule is judged (not covered only
 * where the README's Certification section says so), the certificate's hashes check out with {@code --verify}, and
 * editing or removing a result file, or editing an artifact, makes {@code --verify} fail naming it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CertifyReferenceTest {
    @TempDir
    static Path tmp;
    private static Path reports;
    private static Path artifact;
    private static CertifyCli certify;
    private static Certificate certificate;

    @BeforeAll
    static void certifyTheReferenceApp() throws IOException {
        reports = tmp.resolve("reports");
        artifact = Files.writeString(tmp.resolve("build.ipa"), "the vendor's build", StandardCharsets.UTF_8);
        certify = CertifyCli.run("certify", "--iut", "reference", "--reports", reports.toString(), "--no-html",
                "--artifact", artifact.toString());
        certificate = Certification.read(json());
    }

    private static Path json() {
        return reports.resolve("certificate").resolve(Certification.JSON_FILE);
    }

    @Test
    @Order(1)
    void everyRuleIsJudgedAndNoneFails() {
        assertThat(certify.exit()).as("certify's exit code (0: no rule fails)\n%s", certify.tail()).isZero();
        assertThat(certificate.ruleResults()).extracting(Certificate.RuleResult::rule)
                .containsExactlyElementsOf(RuleCatalog.all().stream().map(dev.callflow.rules.Rule::id).toList());
        assertThat(certificate.notCovered()).as("rules no scenario exercised, against the README's documented gaps")
                .containsExactlyInAnyOrderElementsOf(documentedGaps());
        for (Certificate.RuleResult r : certificate.ruleResults()) {
            if (!certificate.notCovered().contains(r.rule())) {
                assertThat(r.status()).as("%s against the reference app", r.rule()).isIn(RuleStatus.PASS, RuleStatus.WARN);
                assertThat(r.scenarios()).as("scenarios that exercised %s", r.rule()).isNotEmpty();
            }
        }
        assertThat(certificate.run().scenarios()).isGreaterThan(100);
        assertThat(certificate.run().tags()).as("a whole-suite certificate").isNull();
    }

    @Test
    @Order(2)
    void itNamesTheHarnessTheRulesTheImplementationAndTheArtifact() throws IOException {
        assertThat(certificate.harness().version()).isNotEqualTo(BuildInfo.UNKNOWN).doesNotContain("${");
        assertThat(certificate.harness().commit()).matches("[0-9a-f]{40}|" + BuildInfo.UNKNOWN);
        assertThat(certificate.rules().sha256()).isEqualTo(FileHashes.sha256(
                Certification.canonicalRules().getBytes(StandardCharsets.UTF_8)));
        assertThat(certificate.rules().count()).isEqualTo(RuleCatalog.all().size());
        assertThat(certificate.iut().name()).isEqualTo("reference");
        assertThat(certificate.iut().version()).isEqualTo(certificate.harness().version());
        assertThat(certificate.artifacts()).singleElement().satisfies(a -> {
            assertThat(a.path()).isEqualTo(artifact.toAbsolutePath().normalize().toString());
            assertThat(a.sha256()).isEqualTo(FileHashes.sha256("the vendor's build".getBytes(StandardCharsets.UTF_8)));
        });
        assertThat(certificate.resultFiles()).containsKeys("summary.txt", "rule-verdicts.jsonl", "junit/cucumber.xml",
                "failures.txt", "verdict.properties", "cucumber.html");
        assertThat(certificate.resultFiles().keySet()).anyMatch(f -> f.startsWith("timelines/") && f.endsWith(".log"))
                .anyMatch(f -> f.startsWith("timelines/") && f.endsWith(".svg")).noneMatch(f -> f.startsWith("certificate/"));
        assertThat(Files.readString(json().resolveSibling(Certification.HTML_FILE))).contains("R-PUSH-1")
                .doesNotContain("http://", "https://");
        assertThat(Files.readString(json().resolveSibling(Certification.COVERAGE_FILE))).contains("| R-AUD-2 |");
    }

    @Test
    @Order(3)
    void aWarningLinksTheTimelineAndDiagramOfItsScenario() {
        certificate.ruleResults().stream().flatMap(r -> r.findings().stream()).forEach(f -> {
            assertThat(json().resolveSibling(f.timeline())).as("timeline of %s", f.where()).isRegularFile();
            assertThat(json().resolveSibling(f.diagram())).as("diagram of %s", f.where()).isRegularFile();
        });
    }

    @Test
    @Order(4)
    void verifyFindsTheReportsIntact() {
        CertifyCli verify = CertifyCli.run("certify", "--verify", json().toString());
        assertThat(verify.exit()).as(verify.tail()).isZero();
        assertThat(verify.out()).startsWith("Intact: " + (certificate.resultFiles().size() + 1) + " file(s) checked");
    }

    @Test
    @Order(5)
    void verifyNamesAnEditedResultFileARemovedOneAndAnEditedArtifact() throws IOException {
        String edited = certificate.resultFiles().keySet().stream().filter(f -> f.endsWith(".log")).findFirst().orElseThrow();
        Files.writeString(reports.resolve(edited), "\nOK", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        Files.delete(reports.resolve("summary.txt"));
        Files.writeString(artifact, "another build", StandardCharsets.UTF_8);

        CertifyCli verify = CertifyCli.run("certify", "--verify", json().toString());

        assertThat(verify.exit()).as(verify.tail()).isEqualTo(1);
        assertThat(verify.out()).startsWith("NOT intact").contains("changed: " + edited, "missing: summary.txt",
                "changed: " + artifact.toAbsolutePath().normalize());
        assertThat(Verification.of(json()).changed()).hasSize(2);
    }

    /** The rule ids between the README's not-covered markers (the Certification section). */
    static List<String> documentedGaps() {
        try {
            String readme = Files.readString(Runs.HOME.resolve("README.md"));
            Matcher m = Pattern.compile("<!-- certify:not-covered -->(.*?)<!-- /certify:not-covered -->", Pattern.DOTALL)
                    .matcher(readme);
            assertThat(m.find()).as("README.md has the certify:not-covered markers").isTrue();
            return Pattern.compile("R-[A-Z]+-\\d+").matcher(m.group(1)).results().map(r -> r.group()).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
