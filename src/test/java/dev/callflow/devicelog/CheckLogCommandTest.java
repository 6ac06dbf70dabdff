package dev.callflow.devicelog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.callflow.cli.CallflowCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code callflow check-log}: exit codes, the text report, and the shape of {@code --json}. */
class CheckLogCommandTest {
    private static final String R_AUD_2 = "fixtures/logs/aud2-media-before-did-activate.log";

    /** A conforming answer, line by line: the tests put unreadable or unrecognised lines among them. */
    private static final String ANSWERED = "2018-05-10 20:06:02.327572+0800 BigoOfree[19394:8610627] [I][CallKit] performAnswerCallAction";
    private static final String ACTIVATED = "2018-05-10 20:06:02.892451+0800 BigoOfree[19394:8610627] [I][CallKit] didActivateAudioSession";
    private static final String CONFIGURED = "2018-05-10 20:06:03.087589+0800 BigoOfree[19394:8610628] [I][CallKit] configAudio";
    private static final String STARTED = "2018-05-10 20:06:03.240767+0800 BigoOfree[19394:8610627] [I][CallKit] startAudio";

    @Test
    void violationExitsOneAndCitesLinesAndTheStatement() {
        Cli r = Cli.run("check-log", R_AUD_2);
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(CallflowCli.CONFORMANCE_FAILURE);
        assertThat(r.out())
                .contains("R-AUD-2     violated   Start media I/O (startAudio) only after provider(_:didActivate:)")
                .contains("line 9: startAudio before the system activated the audio session")
                .contains("line 10: startAudio before the system activated the audio session")
                .contains("VIOLATED R-AUD-2");
    }

    /** {@code --brief}: the rules that need attention, and one line counting the rest. */
    @Test
    void briefListsOnlyViolatedAndWarnedRules() {
        Cli full = Cli.run("check-log", R_AUD_2);
        Cli brief = Cli.run("check-log", "--brief", R_AUD_2);
        assertThat(brief.exit()).isEqualTo(full.exit()).isEqualTo(CallflowCli.CONFORMANCE_FAILURE);
        long rules = full.out().lines().filter(l -> l.matches("R-[A-Z]+-\\d+ .*")).count();
        assertThat(brief.out())
                .contains("R-AUD-2     violated   Start media I/O (startAudio) only after provider(_:didActivate:)")
                .contains("line 9: startAudio before the system activated the audio session")
                .doesNotContain("R-PUSH-1").doesNotContain("R-AUD-4").doesNotContain("(no PushKit completion")
                .contains((rules - 1) + " other rules: ")
                .containsPattern("(?m)^VIOLATED R-AUD-2 \\(policy default.*\\)\n\\z");
        assertThat(brief.out().lines().filter(l -> l.matches("R-[A-Z]+-\\d+ .*"))).hasSize(1);

        Cli warned = Cli.run("check-log", "--brief", "fixtures/logs/end3-end-unknown-uuid.log");
        assertThat(warned.out()).contains("R-TX-3      warning").contains("lines 13, 14: (warning)")
                .doesNotContain("R-PUSH-1");
    }

    /** {@code -} reads standard input: a pipe from idevicesyslog or a gzip'd capture, judged like a file beside it. */
    @Test
    void aDashReadsStandardInput() throws IOException {
        java.io.ByteArrayOutputStream gz = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream out = new java.util.zip.GZIPOutputStream(gz)) {
            out.write(Files.readAllBytes(Path.of(R_AUD_2)));
        }
        Cli r = Cli.runWithStdin(gz.toByteArray(), "check-log", "-", "fixtures/logs/seed-sample.log");
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(CallflowCli.CONFORMANCE_FAILURE);
        assertThat(r.out()).contains("== - (standard input)").contains("line 9: startAudio before the system activated")
                .contains("== fixtures/logs/seed-sample.log");

        Cli binary = Cli.runWithStdin(new byte[] {'a', 0, 'b', 0, 0, 0, 1, 2, 3, 4}, "check-log", "-");
        assertThat(binary.exit()).isEqualTo(CallflowCli.USAGE);
        assertThat(binary.out()).contains("UNREADABLE: standard input is a binary file");

        Cli twice = Cli.runWithStdin(new byte[0], "check-log", "-", "-");
        assertThat(twice.exit()).isEqualTo(CallflowCli.USAGE);
        assertThat(twice.err()).contains("- (standard input) can be named once");
    }

    @Test
    void missingFileExitsTwo() {
        Cli r = Cli.run("check-log", "fixtures/logs/no-such.log");
        assertThat(r.exit()).isEqualTo(CallflowCli.USAGE);
        assertThat(r.out()).contains("UNREADABLE: no such file");
    }

    @Test
    void aLogWithoutAnyRecognisableEventExitsTwo(@TempDir Path dir) throws IOException {
        Path f = Files.writeString(dir.resolve("noise.log"), "hello\nworld\n");
        Cli r = Cli.run("check-log", f.toString());
        assertThat(r.exit()).isEqualTo(CallflowCli.USAGE);
        assertThat(r.out()).contains("UNREADABLE: no recognisable CallKit, PushKit, audio-session or app event in it");
    }

    @Test
    void unreadableLinesAreListedButNotFatal(@TempDir Path dir) throws IOException {
        Path f = Files.writeString(dir.resolve("half.log"),
                String.join("\n", ANSWERED, "2018-05-10 20:06:0", ACTIVATED, CONFIGURED, STARTED));
        Cli r = Cli.run("check-log", f.toString());
        assertThat(r.exit()).as(r.out()).isEqualTo(CallflowCli.PASS);
        assertThat(r.out()).contains("Unreadable lines (skipped):")
                .contains("line 2: expected a timestamp like 2018-05-10 20:05:58.640136+0800 and then a message at column 1");
    }

    @Test
    void bytesThatAreNotUtf8CostOnlyTheirLine(@TempDir Path dir) throws IOException {
        byte[] latin1 = "2018-05-10 20:06:02.500000+0800 BigoOfree[19394:8610627] caf\u00e9 ready\n"
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        b.writeBytes((ANSWERED + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        b.writeBytes(latin1);
        b.writeBytes(String.join("\n", ACTIVATED, CONFIGURED, STARTED).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Path f = Files.write(dir.resolve("latin1.log"), b.toByteArray());
        Cli r = Cli.run("check-log", f.toString());
        assertThat(r.exit()).as(r.out()).isEqualTo(CallflowCli.PASS);
        assertThat(r.out()).contains("4 events").contains("line 2: expected UTF-8 text (bytes that are not UTF-8 are there;"
                + " save the log as UTF-8) at column 61");
    }

    @Test
    void textShowsTheFirstFindingsPerRuleAndCountsTheRest(@TempDir Path dir) throws IOException {
        StringBuilder log = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            log.append(String.format("2018-05-10 20:06:%02d.100000+0800 App[1:2] [I][CallKit] startAudio%n", i));
        }
        Path f = Files.writeString(dir.resolve("many.log"), log);
        Cli capped = Cli.run("check-log", "--max-findings", "3", f.toString());
        assertThat(capped.exit()).as(capped.out()).isEqualTo(CallflowCli.CONFORMANCE_FAILURE);
        assertThat(capped.out()).contains("line 1: startAudio before", "line 3: startAudio before")
                .doesNotContain("line 4: startAudio before")
                .contains("... and 27 more R-AUD-2 findings, the last at line 30 (--max-findings 0 shows them all; --json lists them)");
        Cli all = Cli.run("check-log", "--max-findings", "0", f.toString());
        assertThat(all.out()).contains("line 30: startAudio before").doesNotContain("more R-AUD-2 findings");
    }

    @Test
    void shapesAreListedMostFrequentFirst(@TempDir Path dir) throws IOException {
        Path f = Files.writeString(dir.resolve("mixed.log"), String.join("\n",
                "flutter: CallScreen: startAudio", ANSWERED, ACTIVATED, CONFIGURED));
        Cli r = Cli.run("check-log", f.toString());
        assertThat(r.out()).contains("shapes: nslog 3, bare 1\n");
    }

    @Test
    void theWorstFileDecidesTheExitCode() {
        assertThat(Cli.run("check-log", "fixtures/logs/seed-sample.log", R_AUD_2).exit())
                .isEqualTo(CallflowCli.CONFORMANCE_FAILURE);
        assertThat(Cli.run("check-log", R_AUD_2, "fixtures/logs/no-such.log").exit()).isEqualTo(CallflowCli.USAGE);
    }

    @Test
    void badOptionsAreUsageErrors() {
        assertThat(Cli.run("check-log", "--policy", "lenient", R_AUD_2).err()).contains("Unknown policy 'lenient'");
        assertThat(Cli.run("check-log", "--policy", "lenient", R_AUD_2).exit()).isEqualTo(CallflowCli.USAGE);
        Cli noGrammar = Cli.run("check-log", "--grammar", "fixtures/grammars/none.grammar", R_AUD_2);
        assertThat(noGrammar.exit()).isEqualTo(CallflowCli.USAGE);
        assertThat(noGrammar.err()).contains("No grammar file at fixtures/grammars/none.grammar");
    }

    @Test
    void policyAndGrammarOptions() {
        Cli strict = Cli.run("check-log", "--policy", "seed-strict", "fixtures/logs/seed-sample.log");
        assertThat(strict.exit()).isEqualTo(CallflowCli.PASS);
        assertThat(strict.out()).contains("R-AUD-2     warning").contains("warnings: R-AUD-2").contains("policy seed-strict");
        Cli webrtc = Cli.run("check-log", "--json", "--grammar", "fixtures/grammars/webrtc.grammar", R_AUD_2);
        assertThat(webrtc.out()).contains("\"grammar\" : \"fixtures/grammars/webrtc.grammar\"");
    }

    @Test
    void jsonShape() throws IOException {
        Cli r = Cli.run("check-log", "--json", R_AUD_2);
        assertThat(r.exit()).isEqualTo(CallflowCli.CONFORMANCE_FAILURE);
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertThat(root.get("exitCode").asInt()).isEqualTo(1);
        assertThat(root.get("policy").asText()).isEqualTo("default");
        JsonNode file = root.get("files").get(0);
        assertThat(file.get("file").asText()).isEqualTo(R_AUD_2);
        assertThat(file.get("readable").asBoolean()).isTrue();
        assertThat(file.get("lines").asInt()).isEqualTo(12);
        assertThat(file.get("events").asInt()).isEqualTo(9);
        assertThat(file.get("recognised").asInt()).isEqualTo(9);
        assertThat(file.get("shapes").get("nslog-no-zone").asInt()).isEqualTo(9);
        assertThat(file.get("problems").isArray()).isTrue();
        assertThat(file.get("violated").get(0).asText()).isEqualTo("R-AUD-2");
        JsonNode verdict = null;
        for (JsonNode v : file.get("verdicts")) {
            if (v.get("id").asText().equals("R-AUD-2")) {
                verdict = v;
            }
        }
        assertThat(verdict).as("the R-AUD-2 verdict among all rules' verdicts").isNotNull();
        assertThat(verdict.fieldNames()).toIterable()
                .containsExactly("id", "outcome", "severity", "statement", "note", "findings", "notJudged");
        JsonNode finding = verdict.get("findings").get(0);
        assertThat(finding.fieldNames()).toIterable().containsExactly("severity", "message", "lines", "events");
        assertThat(finding.get("lines").get(0).asInt()).isEqualTo(9);
        assertThat(finding.get("events").get(0).asText()).isEqualTo("startAudio");
    }
}
