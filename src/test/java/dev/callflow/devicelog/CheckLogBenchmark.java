package dev.callflow.devicelog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Plain-main benchmark (not a test): reads and recognises a generated mixed device log of about 2M lines (every
 * shape, ObjC and Swift spellings, failure signatures, multi-line records, unrecognised lines) and prints lines per
 * second. The lines are in memory, so this measures parsing and recognising, not the disk.
 * <pre>
 * mvn -o -q test-compile
 * java -cp target/classes:target/test-classes:$(ls target/lib/*.jar | tr '\n' ':') dev.callflow.devicelog.CheckLogBenchmark [lines]
 * </pre>
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

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000;
        List<String> lines = generate(n);
        DeviceLogReader reader = new DeviceLogReader(new Recogniser(Logs.SEED));
        System.out.printf("%,d lines (%d-line blocks of 6 shapes), %d cpus, max heap %d MiB%n", lines.size(),
                BLOCK.length, Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        int rounds = 6;
        int warmUp = 2;
        double[] rates = new double[rounds - warmUp];
        for (int round = 0; round < rounds; round++) {
            long t0 = System.nanoTime();
            DeviceLog log = reader.read(lines);
            long t1 = System.nanoTime();
            double rate = lines.size() / ((t1 - t0) / 1e9);
            if (round >= warmUp) {
                rates[round - warmUp] = rate;
            }
            System.out.printf(Locale.ROOT, "round %d%s: %,.0f lines/s (%d ms), %,d events, %,d recognised, %d problems%n",
                    round, round < warmUp ? " (warm-up)" : "", rate, (t1 - t0) / 1_000_000, log.events().size(),
                    log.recognised(), log.problems().size());
        }
        Arrays.sort(rates);
        System.out.printf(Locale.ROOT, "read + recognise: median %,.0f lines/s, best %,.0f lines/s%n",
                rates[rates.length / 2], rates[rates.length - 1]);
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
