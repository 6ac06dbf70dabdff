package dev.callflow.devicelog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Plain-main benchmark (not a test): reads and recognises a generated mixed device log of about 2M lines (every
 * shape, ObjC and Swift spellings, failure signatures, multi-line records, unrecognised lines) and prints lines per
 * second, twice: the lines in memory (parsing and recognising alone), and check-log's whole work in process (reading the
 * file, judging it with every rule, rendering the text report). JVM start-up is not included.
 * <pre>
 * mvn -o -q test-compile
 * java -cp target/classes:target/test-classes:$(ls target/lib/*.jar | tr '\n' ':') dev.callflow.devicelog.CheckLogBenchmark [lines [dense|capture [FILE]]]
 * </pre>
 * {@code capture} generates a Console capture of thousands of calls instead (see {@link #capture}), {@code seed} the
 * seed sample's call flow over and over with chatter between (see {@link #seedCalls}; 1040000 lines are 20,000 calls).
 * With a FILE, only writes the generated log there, to time {@code ./callflow check-log} on it
 * ({@code scripts/bench-check-log.sh} does both and measures the process).
 */
public final class CheckLogBenchmark {

    private static final String UUID_A = "6F1C2A0E-8D5B-4C43-9E2A-3B7D1F0A9C11";
    /** One block of a mixed paste; {@code %s} is the second of the minute, two digits. */
    private static final String[] BLOCK = {
            "2018-05-10 20:05:%s.640136+0800 BigoOfree[19394:8610838] [I][CallKit] handleIncomingCall",
            "2018-05-10 20:05:%s.726996+0800 BigoOfree[19394:8610627] [V][MediaSDK] prepareSDK call=" + UUID_A + " alreadyPrepared=true",
            "2018-05-10 20:05:%s.327 BigoOfree[19394:8610627] ProviderDelegate: provider:performAnswerCallAction: <CXAnswerCallAction 0x281e4c0a0 UUID=0B3E55A1-77C2-4F0B-8E43-C0A9D2B1E7F4 callUUID=" + UUID_A + ">",
            "2018-05-10 20:05:%s.892451+0800 0x83616e   Default     0x0                  19394  0    BigoOfree: provider(_:didActivate:)",
            "Default\t20:05:%s.087589+0800\tBigoOfree\tcom.bigo.ofree\tMediaSDK: configAudio category=playAndRecord",
            "2018-05-10 20:05:%s.240 [I][CallKit] startAudio",
            "flutter: CallScreen: connected, showing timer",
            "2018-05-10 20:05:%s.660428+0800 BigoOfree[19394:8610838] [I][CallKit] endCallWithCompletion call=" + UUID_A,
            "2018-05-10 20:05:%s.680038+0800 BigoOfree[19394:8610838] requestTransactionWithAction:completion: CXEndCallAction",
            "2018-05-10 20:05:%s.681000+0800 BigoOfree[19394:8610838] Error requesting transaction: Error Domain=com.apple.CallKit.error.requesttransaction Code=4 \"(null)\"",
            "2018-05-10 20:05:%s.798381+0800 BigoOfree[19394:8610628] [E][AudioManager] setActive:YES failed: Code=561017449 '!pri'",
            "2018-05-10 20:05:%s.799067+0800 BigoOfree[19394:8610838] [Network] GET https://api.example.com/v1/rooms/42 200 (83 ms)",
            "2018-05-10 20:05:%s.800000+0800 BigoOfree[19394:8610838] [PushKit] didReceiveIncomingPushWithPayload: payload: {",
            "    aps = {",
            "    };",
            "}",
            "2018-05-10 20:05:%s.392857+0800 BigoOfree[19394:8610850] provider(_:timedOutPerforming:) CXSetHeldCallAction",
            "错误\t2018-05-10 20:05:%s.400000+0800\tBigoOfree\tKilling app because it never posted an incoming call to the system after receiving a PushKit VoIP push.",
            "2018-05-10 20:05:%s.420000+0800 BigoOfree[19394:8610850] [I][CallKit] didDeactivateAudioSession call=" + UUID_A,
            "2018-05-10 20:05:%s.430000+0800 BigoOfree[19394:8610850] UI: table view reloaded 12 rows in 3.2 ms"};

    public static void main(String[] args) throws java.io.IOException {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000;
        String kind = args.length > 1 ? args[1] : "dense";
        List<String> lines = switch (kind) {
            case "dense" -> generate(n);
            case "capture" -> capture(n, new java.util.Random(7));
            case "seed" -> seedCalls(n, new java.util.Random(11));
            default -> throw new IllegalArgumentException("kind is dense, capture or seed, not " + kind);
        };
        if (args.length > 2) {
            java.nio.file.Files.write(java.nio.file.Path.of(args[2]), lines);
            return;
        }
        System.out.println(switch (kind) {
            case "dense" -> "dense log: " + BLOCK.length + "-line blocks of 6 shapes, one call";
            case "capture" -> "Console capture: 10% app lines, a conforming call flow per call, fresh call UUIDs; 90% other processes";
            default -> "seed-shaped calls: seed-sample.log's flow per call with a fresh call UUID, " + SEED_CHATTER_PER_CALL
                    + " chatter lines between calls";
        });
        java.nio.file.Path file = java.nio.file.Files.createTempFile("checklog-bench", ".log");
        java.nio.file.Files.write(file, lines);
        DeviceLogReader reader = new DeviceLogReader(new Recogniser(Logs.SEED));
        dev.callflow.monitor.RuleMonitor monitor = dev.callflow.monitor.RuleMonitor.allRules(dev.callflow.rules.Policy.DEFAULT);
        System.out.printf("%,d lines (%d MiB on disk), %d cpus, max heap %d MiB%n", lines.size(),
                java.nio.file.Files.size(file) >> 20, Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        int rounds = 6;
        int warmUp = 2;
        double[] memory = new double[rounds - warmUp];
        double[] whole = new double[rounds - warmUp];
        for (int round = 0; round < rounds; round++) {
            long t0 = System.nanoTime();
            DeviceLog inMemory = reader.read(lines);
            long t1 = System.nanoTime();
            DeviceLog log = reader.read(file);
            long t2 = System.nanoTime();
            List<dev.callflow.rules.RuleVerdict> verdicts = monitor.judge(log.events());
            long t3 = System.nanoTime();
            String text = new CheckLogReport(file.toString(), log, verdicts, monitor.policy(), null).text();
            long t4 = System.nanoTime();
            double memRate = lines.size() / ((t1 - t0) / 1e9);
            double wholeRate = lines.size() / ((t4 - t1) / 1e9);
            if (round >= warmUp) {
                memory[round - warmUp] = memRate;
                whole[round - warmUp] = wholeRate;
            }
            System.out.printf(Locale.ROOT, "round %d%s: read+recognise in memory %,.0f lines/s; from the file: read %d ms, "
                            + "judge (%d rules) %d ms, report %d ms = %,.0f lines/s; %,d events, %,d recognised, %d problems, "
                            + "%d report chars%n", round, round < warmUp ? " (warm-up)" : "", memRate, (t2 - t1) / 1_000_000,
                    verdicts.size(), (t3 - t2) / 1_000_000, (t4 - t3) / 1_000_000, wholeRate, inMemory.events().size(),
                    log.recognised(), log.problems().size(), text.length());
        }
        Arrays.sort(memory);
        Arrays.sort(whole);
        System.out.printf(Locale.ROOT, "read + recognise in memory: median %,.0f lines/s, best %,.0f lines/s%n",
                memory[memory.length / 2], memory[memory.length - 1]);
        System.out.printf(Locale.ROOT, "check-log in process (file, every rule, text report): median %,.0f lines/s, best %,.0f lines/s%n",
                whole[whole.length / 2], whole[whole.length - 1]);
        java.nio.file.Files.delete(file);
    }

    /** One call's conforming flow as the app logs it; {@code %s} is the call UUID. */
    private static final String[] CALL = {
            "[I][Signalling] serverEvent call=%s type=offer", "[I][App] handleIncomingCall call=%s via=signalling",
            "[I][App] reportNewIncomingCall call=%s handle=alice handleType=generic caller=alice",
            "[I][CallKit] incomingCallUiShown call=%s lockScreen=false", "[I][CallKit] reportNewIncomingCallCompletion call=%s",
            "[I][MediaSDK] prepareSDK call=%s", "[I][CallKit] performAnswerCallAction call=%s origin=systemCallUi",
            "[I][App] fulfill call=%s action=answer", "[I][CallKit] didActivateAudioSession call=%s",
            "[I][MediaSDK] configAudio call=%s result=ok", "[I][MediaSDK] startAudio call=%s result=ok session=callkit",
            "[I][App] endCallWithCompletion call=%s", "[I][App] requestTransaction call=%s actions=end",
            "[I][CallKit] performEndCallAction call=%s origin=transaction", "[I][App] fulfill call=%s action=end",
            "[I][CallKit] callEnded call=%s", "[I][CallKit] didDeactivateAudioSession call=%s",
            "[I][MediaSDK] stopAudio call=%s wasRunning=true", "[I][MediaSDK] releaseAudio call=%s",
            "[I][MediaSDK] unprepareSDK call=%s wasPrepared=true"};
    private static final String[] PROCESSES = {"kernel", "SpringBoard", "mediaserverd", "locationd", "wifid",
            "backboardd", "UserEventAgent", "symptomsd", "apsd", "CommCenter"};
    private static final String[] CHATTER = {"AppleBCMWLANCore:: dumpWmeCounters(): -> 0x%x",
            "[0x%x] activating connection: mach=true listener=false peer=false name=com.apple.lsd.mapdb",
            "LQM-WiFi: (5G) rssi=-61 snr=32 txRate=%d rxRate=866", "Evaluating policy for flow %d",
            "display brightness changed to 0.%d", "nw_connection_receive [C%d] reading"};

    /**
     * A Console capture ('log show' shape) of a long day: one line in ten is the app's, walking one conforming call
     * after another, each with a fresh call UUID; the rest is other processes' chatter. Thousands of calls, so a rule
     * that asks about every call per call shows.
     */
    static List<String> capture(int n, java.util.Random random) {
        List<String> lines = new ArrayList<>(n);
        long micros = 0;
        int step = 0;
        String call = "";
        while (lines.size() < n) {
            micros += 50 + random.nextInt(350);
            long s = micros / 1_000_000;
            String time = String.format(Locale.ROOT, "2026-01-01 %02d:%02d:%02d.%06d+0000", 10 + s / 3600 % 14, s / 60 % 60,
                    s % 60, micros % 1_000_000);
            if (random.nextInt(10) == 0) {
                if (step == 0) {
                    call = new java.util.UUID(random.nextLong(), random.nextLong()).toString();
                }
                lines.add(time + " 0x1a2b3c   Default     0x0                  100    0    CallApp: " + CALL[step].replace("%s", call));
                step = (step + 1) % CALL.length;
            } else {
                int p = random.nextInt(PROCESSES.length);
                lines.add(String.format(Locale.ROOT, "%s 0x%06x   Default     0x0                  %-6d 0    %s: %s", time,
                        random.nextInt(0xffffff), 30 + p * 7, PROCESSES[p],
                        String.format(Locale.ROOT, CHATTER[random.nextInt(CHATTER.length)], random.nextInt(99_999))));
            }
        }
        return lines;
    }

    /** fixtures/logs/seed-sample.log's records, in its order: the thread and the seed app's word. */
    private static final String[][] SEED_FLOW = {{"8610838", "handleIncomingCall"}, {"8610838", "unprepareSDK"},
            {"8610627", "prepareSDK"}, {"8610627", "performAnswerCallAction"}, {"8610627", "didActivateAudioSession"},
            {"8610628", "configAudio"}, {"8610627", "startAudio"}, {"8610838", "endCallWithCompletion"},
            {"8610838", "performEndCallAction"}, {"8610628", "releaseAudio"}, {"8610838", "unprepareSDK"},
            {"8610850", "didDeactivateAudioSession"}};
    /** Lines of chatter after each call: 12 + 40 = 52 lines a call, so 1,040,000 lines are 20,000 calls. */
    static final int SEED_CHATTER_PER_CALL = 40;
    private static final String[] APP_CHATTER = {"[I][Network] GET https://api.example.com/v1/rooms/%d 200 (83 ms)",
            "[D][UI] table view reloaded %d rows in 3.2 ms", "[I][Stats] heartbeat seq=%d rtt=41ms loss=0.0",
            "[V][Image] cache hit key=avatar_%d.jpg size=12288", "[W][Net] reachability changed: wifi (%d)"};

    /**
     * Seed-shaped calls: the seed sample's flow (NSLog with zone, {@code [I][CallKit]} words) once per call with a fresh
     * call UUID on every line, then {@link #SEED_CHATTER_PER_CALL} unrelated lines (the app's own chatter and other
     * processes'), none of them a CallKit word.
     */
    static List<String> seedCalls(int n, java.util.Random random) {
        List<String> lines = new ArrayList<>(n);
        long micros = 0;
        while (lines.size() < n) {
            String call = new java.util.UUID(random.nextLong(), random.nextLong()).toString().toUpperCase(Locale.ROOT);
            for (String[] record : SEED_FLOW) {
                micros += 1_000 + random.nextInt(50_000);
                lines.add(nslog(micros, "BigoOfree[19394:" + record[0] + "]", "[I][CallKit] " + record[1] + " call=" + call));
            }
            for (int c = 0; c < SEED_CHATTER_PER_CALL && lines.size() < n; c++) {
                micros += 100 + random.nextInt(5_000);
                int p = random.nextInt(PROCESSES.length + 1);
                lines.add(p == PROCESSES.length
                        ? nslog(micros, "BigoOfree[19394:8610838]",
                                String.format(Locale.ROOT, APP_CHATTER[random.nextInt(APP_CHATTER.length)], random.nextInt(99_999)))
                        : nslog(micros, PROCESSES[p] + "[" + (30 + p * 7) + ":" + (1000 + p) + "]",
                                String.format(Locale.ROOT, CHATTER[random.nextInt(CHATTER.length)], random.nextInt(99_999))));
            }
        }
        return lines;
    }

    /** {@code 2018-05-10 20:05:58.640136+0800 process[pid:thread] message}, {@code micros} after 2018-05-10 00:00. */
    private static String nslog(long micros, String process, String message) {
        long s = micros / 1_000_000;
        return String.format(Locale.ROOT, "2018-05-%02d %02d:%02d:%02d.%06d+0800 %s %s", 10 + s / 86_400, s / 3600 % 24,
                s / 60 % 60, s % 60, micros % 1_000_000, process, message);
    }

    static List<String> generate(int n) {
        List<String> lines = new ArrayList<>(n + BLOCK.length);
        int second = 0;
        while (lines.size() < n) {
            String s = String.format(Locale.ROOT, "%02d", second++ % 60);
            for (String b : BLOCK) {
                lines.add(b.contains("%s") ? b.replace("%s", s) : b);
            }
        }
        return lines;
    }
}
