package dev.callflow.devicelog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.callflow.cli.CallflowCli;
import dev.callflow.monitor.RuleCatalog;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The violation fixtures under {@code fixtures/logs/}: what the parser makes of each (canonical events with their
 * line numbers), and end to end, that {@code check-log} exits 1 naming the rule and the line. A fixture's header
 * says which: {@code // expect: R-AUD-2 violated at lines 9, 10}. The end-to-end check of a rule that is not in
 * the catalogue yet is skipped, so it turns on by itself once the rule lands. A conformant fixture says
 * {@code // expect: R-OUT-1 holds}, one the log cannot judge {@code // expect: R-OUT-1 not judged lacking <event>}:
 * both exit 0.
 */
class FixtureLogsTest {
    private static final Path LOGS = Path.of("fixtures/logs");
    private static final Pattern EXPECT = Pattern.compile("^// expect: (R-[A-Z]+-\\d+) (violated|warning) at lines? ([\\d, ]+)$");
    private static final Pattern EXPECT_NO_FINDING = Pattern.compile("^// expect: (R-[A-Z]+-\\d+) (holds|not judged)(?: lacking (.+))?$");

    private static DeviceLog read(String file) throws IOException {
        return new DeviceLogReader(new Recogniser(Logs.SEED)).read(LOGS.resolve(file));
    }

    private static dev.callflow.timeline.Event atLine(DeviceLog log, int line) {
        return log.events().stream().filter(e -> DeviceLog.lineOf(e).orElse(0) == line).findFirst().orElseThrow();
    }

    private static List<String> recognised(DeviceLog log) {
        return Logs.names(log).stream().filter(n -> !n.startsWith("log@")).toList();
    }

    @Test
    void selfActivatedSessionAsALogShowExport() throws IOException {
        DeviceLog log = read("aud1-self-activated-session.log");
        assertThat(log.shapes()).containsOnlyKeys("log-show");
        assertThat(recognised(log)).containsExactly("didReceiveIncomingPush@7", "reportNewIncomingCall@8",
                "audioSessionSetCategory@9", "audioSessionSetActive@10", "performAnswerCallAction@13",
                "audioSessionSetCategory@14", "audioSessionSetActive@15", "fulfill@16");
        assertThat(atLine(log, 10).attributes()).containsEntry("active", "true").doesNotContainKey("error");
        assertThat(atLine(log, 15).attributes()).containsEntry("active", "true").containsEntry("error", "561017449");
        assertThat(log.problems()).isEmpty();
    }

    @Test
    void mediaBeforeDidActivateInSwiftSpelling() throws IOException {
        DeviceLog log = read("aud2-media-before-did-activate.log");
        assertThat(log.shapes()).containsOnlyKeys("nslog-no-zone");
        assertThat(recognised(log)).containsExactly("didReceiveIncomingPush@4", "reportNewIncomingCall@5",
                "prepareSDK@6", "performAnswerCallAction@7", "configAudio@8", "startAudio@9", "startAudio@10",
                "fulfill@11", "didActivateAudioSession@12");
        assertThat(log.events().get(6).attributes()).containsEntry("result", "failed").containsEntry("error", "561145187");
    }

    @Test
    void pushNotReportedWithMultiLineRecords() throws IOException {
        DeviceLog log = read("push1-push-not-reported.log");
        assertThat(recognised(log)).containsExactly("didReceiveIncomingPush@5", "pushNotReported@12", "appTerminated@13");
        assertThat(log.events().get(0).call()).hasToString("d1b5c6e2-3f4a-4b8c-9d0e-1f2a3b4c5d6e");
        assertThat(log.events()).hasSize(5);
    }

    @Test
    void actionTimeoutInAGermanConsoleExport() throws IOException {
        DeviceLog log = read("tx2-action-timeout.log");
        assertThat(log.shapes()).containsOnlyKeys("console");
        assertThat(recognised(log)).containsExactly("reportNewIncomingCall@6", "performAnswerCallAction@7",
                "timedOutPerformingAction@9", "performEndCallAction@10", "fulfill@11", "didDeactivateAudioSession@12");
        assertThat(log.events().get(4).attributes()).containsEntry("action", "answer");
    }

    @Test
    void endOnAnUnknownUuidInAChineseConsoleExport() throws IOException {
        DeviceLog log = read("end3-end-unknown-uuid.log");
        assertThat(recognised(log)).containsExactly("reportNewIncomingCall@7", "prepareSDK@8", "performAnswerCallAction@9",
                "didActivateAudioSession@10", "configAudio@11", "startAudio@12", "requestTransaction@13",
                "requestTransactionCompletion@14", "performEndCallAction@15");
        assertThat(log.events().get(6).call()).hasToString("2c4e6a8b-0d1f-4a3b-9c5d-7e9f1a3b5c7d");
        assertThat(log.events().get(7).attributes()).containsEntry("error", "unknownCallUUID").containsEntry("code", "4");
    }

    @Test
    void releaseBeforePerformEndInAMixedPaste() throws IOException {
        DeviceLog log = read("end2-release-before-perform-end.log");
        assertThat(log.shapes()).containsEntry("nslog", 9).containsEntry("bare", 1);
        assertThat(recognised(log)).containsExactly("performAnswerCallAction@5", "didActivateAudioSession@6",
                "configAudio@7", "startAudio@8", "releaseAudio@10", "unprepareSDK@11", "endCallWithCompletion@12",
                "performEndCallAction@13", "didDeactivateAudioSession@14");
    }

    @Test
    void otherProcessesLinesBetweenTheDeactivationAndTheAppsStopDoNotEndItsHandler() throws IOException {
        DeviceLog log = read("aud3-stop-in-did-deactivate-console-capture.log");
        assertThat(Logs.names(log)).as("mediaserverd's and the kernel's lines are one run of log records")
                .containsSubsequence("didDeactivateAudioSession@24", "log@25", "stopAudio@27");
        assertThat(atLine(log, 25).attributes()).containsEntry(DeviceLog.RECORDS, "2");

        Cli r = Cli.run("check-log", "--policy", "seed-strict", "fixtures/logs/aud3-stop-in-did-deactivate-console-capture.log");
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(CallflowCli.PASS);
        assertThat(r.out()).containsPattern("R-AUD-3 +holds");
    }

    @Test
    void theSeedsSampleLogIsConformant() {
        Cli r = Cli.run("check-log", "fixtures/logs/seed-sample.log");
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(CallflowCli.PASS);
        assertThat(r.out()).contains("12 events (12 recognised, 0 kept as log)").contains("CONFORMANT");
    }

    @TestFactory
    Stream<DynamicTest> endToEndEachFixtureExitsOneNamingTheRuleAndTheLine() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> files = Files.list(LOGS)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".log")).sorted().toList()) {
                for (String header : Files.readAllLines(f)) {
                    Matcher none = EXPECT_NO_FINDING.matcher(header.strip());
                    if (none.matches()) {
                        tests.add(DynamicTest.dynamicTest(none.group(1) + " " + none.group(2) + " " + f.getFileName(),
                                () -> noFinding(f, none.group(1), none.group(2), none.group(3))));
                        continue;
                    }
                    Matcher m = EXPECT.matcher(header.strip());
                    if (!m.matches()) {
                        continue;
                    }
                    String rule = m.group(1);
                    String outcome = m.group(2);
                    List<Integer> lines = Stream.of(m.group(3).split(",\\s*")).map(Integer::valueOf).toList();
                    tests.add(DynamicTest.dynamicTest(rule + " " + f.getFileName(), () -> {
                        Assumptions.assumeTrue(RuleCatalog.byId(rule).isPresent(),
                                rule + " is not in the rule catalogue yet");
                        Cli r = Cli.run("check-log", "--json", f.toString());
                        if (outcome.equals("violated")) {
                            assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(CallflowCli.CONFORMANCE_FAILURE);
                        }
                        JsonNode verdict = verdict(new ObjectMapper().readTree(r.out()), rule);
                        assertThat(verdict.get("outcome").asText()).as(verdict.toString()).isEqualTo(outcome);
                        List<Integer> cited = new ArrayList<>();
                        verdict.get("findings").forEach(fi -> fi.get("lines").forEach(l -> cited.add(l.asInt())));
                        assertThat(cited).as("lines the findings of %s cite", rule).containsAnyElementsOf(lines);
                        Cli text = Cli.run("check-log", f.toString());
                        assertThat(text.out()).contains(rule).containsPattern("lines? [\\d, ]*\\b(" + lines.stream()
                                .map(String::valueOf).reduce((a, b) -> a + "|" + b).orElseThrow() + ")\\b");
                    }));
                }
            }
        }
        assertThat(tests).as("fixtures with an '// expect:' header").hasSizeGreaterThanOrEqualTo(12);
        return tests.stream();
    }

    /** The rule holds, or is not judged for lack of {@code lacking}, and the log exits 0. */
    private static void noFinding(Path f, String rule, String outcome, String lacking) throws IOException {
        Cli r = Cli.run("check-log", "--json", f.toString());
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(CallflowCli.PASS);
        JsonNode verdict = verdict(new ObjectMapper().readTree(r.out()), rule);
        assertThat(verdict.get("outcome").asText()).as(verdict.toString()).isEqualTo(outcome);
        assertThat(verdict.get("findings")).isEmpty();
        if (lacking != null) {
            assertThat(verdict.get("notJudged")).isNotEmpty();
            verdict.get("notJudged").forEach(u -> assertThat(u.get("lacking").asText()).isEqualTo(lacking));
        }
    }

    @Test
    void theSameOutgoingFlowWithAndWithoutItsFulfilLine() throws IOException {
        DeviceLog with = read("out1-start-fulfilled-in-own-words.log");
        assertThat(recognised(with)).containsExactly("requestTransaction@6", "requestTransactionCompletion@7",
                "performStartCallAction@8", "fulfill@10", "reportOutgoingCallStartedConnecting@11",
                "didActivateAudioSession@12", "reportOutgoingCallConnected@13");
        assertThat(with.events().get(4).attributes()).containsEntry("action", "start");

        Cli without = Cli.run("check-log", "fixtures/logs/out1-no-fulfil-lines.log");
        assertThat(without.exit()).as(without.out()).isEqualTo(CallflowCli.PASS);
        assertThat(without.out()).containsPattern("R-OUT-1 +not judged")
                .contains("not judged at lines 7, 9 (call 7d2e4c1a-93b5-4f60-8a1d-2b7c9e0f4a36): the log never shows a "
                        + "fulfil of a CXStartCallAction")
                .contains("CONFORMANT");
        JsonNode u = verdict(new ObjectMapper().readTree(Cli.run("check-log", "--json",
                "fixtures/logs/out1-no-fulfil-lines.log").out()), "R-OUT-1").get("notJudged").get(0);
        assertThat(u.get("reason").asText()).isEqualTo("the log never shows a fulfil of a CXStartCallAction");
        assertThat(u.get("lackingEvents").get(0).asText()).isEqualTo("fulfill");
        assertThat(u.get("lackingAction").asText()).isEqualTo("start");
        assertThat(u.get("call").asText()).isEqualTo("7d2e4c1a-93b5-4f60-8a1d-2b7c9e0f4a36");
    }

    @Test
    void twilioTearsTheCallDownBeforePerformEnd() throws IOException {
        DeviceLog log = read("end2-sdk-teardown-before-perform-end.log");
        assertThat(recognised(log)).containsSubsequence("didActivateAudioSession@8", "unprepareSDK@15", "unprepareSDK@16",
                "unprepareSDK@17", "requestTransaction@18", "performEndCallAction@19");
        assertThat(log.events().stream().filter(e -> e.is("unprepareSDK")).map(e -> e.attributes().get("signature")))
                .containsExactly("~CallImpl", "-[TVOMediaFactory dealloc]", "~AudioMediaFactoryImpl");
    }

    @Test
    void anEndRefusedWithUnknownCallUuidThenNothing() throws IOException {
        DeviceLog log = read("tx3-end-unknown-uuid-ui-stays-up.log");
        assertThat(recognised(log)).endsWith("requestTransaction@19", "requestTransactionCompletion@20");
        Cli r = Cli.run("check-log", "fixtures/logs/tx3-end-unknown-uuid-ui-stays-up.log");
        assertThat(r.out()).contains("lines 19, 20: the end transaction failed with unknownCallUUID (4) and nothing later "
                + "in the log ends or cleans up the call: the system call UI stays up").contains("VIOLATED R-TX-3, R-END-3");
    }

    private static JsonNode verdict(JsonNode root, String rule) {
        for (JsonNode v : root.get("files").get(0).get("verdicts")) {
            if (v.get("id").asText().equals(rule)) {
                return v;
            }
        }
        throw new AssertionError("no verdict for " + rule + " in " + root);
    }
}
