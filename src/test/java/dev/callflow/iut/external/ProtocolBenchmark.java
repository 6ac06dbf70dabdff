package dev.callflow.iut.external;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The callflow-iut/2 handler round trip on loopback: a handler message → its {@code done}, with an echo IUT over the
 * stdio transport (the bridge's own channel and codec), N times after a warm-up; prints the median and p99.
 * Run: {@code mvn -o test-compile exec:java} is not configured, so:
 * {@code java -cp target/test-classes:target/classes:target/lib/* dev.callflow.iut.external.ProtocolBenchmark [N]}
 */
public final class ProtocolBenchmark {
    private ProtocolBenchmark() { }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        String python = System.getProperty("callflow.python", "python3");
        ProcessChannel channel = ProcessChannel.start(List.of(python, "src/test/resources/iut-faults/echo_iut.py"), Path.of("."));
        BlockingQueue<String> answers = new ArrayBlockingQueue<>(16);
        channel.start(answers::add, System.err::println, c -> { });
        try {
            long[] nanos = new long[n];
            for (int i = -2_000; i < n; i++) { // the first 2,000 warm up the JIT
                long t0 = System.nanoTime();
                channel.send(Codec.message("lifecycle").put("id", i + 3_000).put("state", "foreground").toString());
                String line = answers.poll(5, TimeUnit.SECONDS);
                if (line == null) {
                    throw new IllegalStateException("no done for message " + i);
                }
                Codec.parse(line);
                if (i >= 0) {
                    nanos[i] = System.nanoTime() - t0;
                }
            }
            Arrays.sort(nanos);
            System.out.printf(Locale.ROOT, "callflow-iut/2 round trip (handler message -> done, stdio, %s echo), %d runs: median %.3f ms, "
                            + "p99 %.3f ms, max %.3f ms%n", python, n, nanos[n / 2] / 1e6, nanos[(int) (n * 0.99)] / 1e6,
                    nanos[n - 1] / 1e6);
        } finally {
            channel.close();
        }
    }
}
