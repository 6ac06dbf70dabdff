package dev.callflow.timeline;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Plain-main benchmark (not a test): parse and render throughput on 1,000,000 generated lines, and the cost of
 * an already-satisfied {@link Timeline#await}.
 * <pre>
 * mvn -o -q test-compile
 * java -cp target/classes:target/test-classes dev.callflow.timeline.LogFormatBenchmark [lines]
 * </pre>
 */
public final class LogFormatBenchmark {

    private static final String[] NAMES = {"handleIncomingCall", "unprepareSDK", "prepareSDK",
            "performAnswerCallAction", "didActivateAudioSession", "configAudio", "startAudio",
            "endCallWithCompletion", "performEndCallAction", "releaseAudio", "didDeactivateAudioSession"};
    private static final Source[] SOURCES = Source.values();
    private static final Level[] LEVELS = Level.values();

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        LogFormat format = LogFormat.standard();
        Timeline t = generate(n);

        String text = null;
        List<String> lines = null;
        int rounds = 5;
        int warmUp = 2;
        double[] renderRates = new double[rounds - warmUp];
        double[] parseRates = new double[rounds - warmUp];
        System.out.printf("%d lines, %d cpus, max heap %d MiB%n", n, Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        for (int round = 0; round < rounds; round++) {
            text = null; // let the previous round's text and lines go before allocating new ones
            lines = null;
            long r0 = System.nanoTime();
            text = format.render(t);
            long r1 = System.nanoTime();
            lines = text.lines().toList();
            long p0 = System.nanoTime();
            Timeline parsed = format.parse(lines);
            long p1 = System.nanoTime();
            if (parsed.size() != n) {
                throw new AssertionError("parsed " + parsed.size() + " of " + n);
            }
            if (round >= warmUp) {
                renderRates[round - warmUp] = n / ((r1 - r0) / 1e9);
                parseRates[round - warmUp] = n / ((p1 - p0) / 1e9);
            }
            System.out.printf("round %d%s: render %,.0f lines/s (%d ms), parse %,.0f lines/s (%d ms)%n", round, round < warmUp ? " (warm-up)" : "",
                    n / ((r1 - r0) / 1e9), (r1 - r0) / 1_000_000, n / ((p1 - p0) / 1e9), (p1 - p0) / 1_000_000);
        }
        Arrays.sort(renderRates);
        Arrays.sort(parseRates);
        System.out.printf("median of measured rounds: render %,.0f lines/s, parse %,.0f lines/s%n",
                renderRates[renderRates.length / 2], parseRates[parseRates.length / 2]);
        System.out.printf("sample line: %s%n", lines.get(6));
        System.out.printf("text: %,d lines, %,d chars%n", lines.size(), text.length());

        Timeline small = Timeline.start("BigoOfree", 1);
        small.record(Source.APP, "handleIncomingCall", null);
        int calls = 100_000;
        long[] ns = new long[calls];
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < calls; i++) {
                long s = System.nanoTime();
                boolean held = small.await(events -> !events.isEmpty(), Duration.ofSeconds(1));
                ns[i] = System.nanoTime() - s;
                if (!held) {
                    throw new AssertionError("await did not hold");
                }
            }
        }
        Arrays.sort(ns);
        System.out.printf("await (already satisfied): median %d ns, p99 %d ns over %,d calls%n",
                ns[calls / 2], ns[calls * 99 / 100], calls);
    }

    private static Timeline generate(int n) {
        Timeline t = Timeline.recorded(Instant.parse("2018-05-10T12:05:58.640136Z"), ZoneOffset.ofHours(8),
                "BigoOfree", 19394);
        UUID call = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
        long micros = 0;
        for (int i = 0; i < n; i++) {
            micros += 1 + (i * 7919L) % 50_000;
            Map<String, String> attributes = switch (i % 4) {
                case 0 -> Map.of();
                case 1 -> Map.of("action", "answer");
                case 2 -> Timeline.attrs("reason", "remote ended", "code", Integer.toString(i % 100));
                default -> Map.of("error", "filteredByDoNotDisturb");
            };
            t.append(micros, SOURCES[i % SOURCES.length], LEVELS[i % LEVELS.length], NAMES[i % NAMES.length],
                    i % 3 == 0 ? null : call, 8_610_000 + i % 900, attributes);
        }
        return t;
    }
}
