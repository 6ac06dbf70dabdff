package dev.callflow.push;

import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Not a test: prints how long the push side takes to start and to close (cold JVM, then warm), and the sequential
 * round trip of 1000 VoIP pushes (send → APNs answer, and send → device sink), median and p99.
 *
 * <pre>mvn -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) dev.callflow.push.PushBenchmark</pre>
 */
public final class PushBenchmark {

    private static final String BUNDLE = "com.example.callapp";
    private static final int WARM_UP = 300;
    private static final int PUSHES = 1000;

    private PushBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        startAndClose("cold");
        startAndClose("warm");
        startAndClose("warm");

        try (PushInfrastructure push = PushInfrastructure.start()) {
            BlockingQueue<ApnsPush> device = new LinkedBlockingQueue<>();
            String token = Tokens.random();
            push.apns().registerVoip(token, BUNDLE, device::add);
            String payload = "{\"aps\":{},\"callId\":\"bench\",\"caller\":\"+15555550100\"}";

            run(push, token, payload, device, WARM_UP, null, null);
            long[] answer = new long[PUSHES];
            long[] delivered = new long[PUSHES];
            long started = System.nanoTime();
            run(push, token, payload, device, PUSHES, answer, delivered);
            long totalMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

            System.out.printf("sequential %d pushes in %d ms (%.0f/s)%n", PUSHES, totalMs, PUSHES * 1000.0 / totalMs);
            System.out.println("  send -> APNs answer : " + percentiles(answer));
            System.out.println("  send -> device sink : " + percentiles(delivered));
        }
    }

    private static void startAndClose(String label) throws Exception {
        long t0 = System.nanoTime();
        PushInfrastructure push = PushInfrastructure.start();
        long t1 = System.nanoTime();
        String token = Tokens.random();
        BlockingQueue<ApnsPush> device = new LinkedBlockingQueue<>();
        push.apns().registerVoip(token, BUNDLE, device::add);
        PushResult first = push.appServer().sendVoip(token, BUNDLE, "{}").get(10, TimeUnit.SECONDS);
        long t2 = System.nanoTime();
        push.close();
        long t3 = System.nanoTime();
        if (!first.accepted()) {
            throw new IllegalStateException("first push was not accepted: " + first);
        }
        System.out.printf("%-4s start %6.1f ms (certs, keys, server, client) | first push incl. TLS connect %6.1f ms"
                + " | close %5.1f ms%n", label, ms(t1 - t0), ms(t2 - t1), ms(t3 - t2));
    }

    private static void run(PushInfrastructure push, String token, String payload, BlockingQueue<ApnsPush> device,
                            int count, long[] answer, long[] delivered) throws Exception {
        for (int i = 0; i < count; i++) {
            long t0 = System.nanoTime();
            PushResult result = push.appServer().sendVoip(token, BUNDLE, payload).get(10, TimeUnit.SECONDS);
            long t1 = System.nanoTime();
            if (device.poll(10, TimeUnit.SECONDS) == null || !result.accepted()) {
                throw new IllegalStateException("push " + i + " was not delivered: " + result);
            }
            long t2 = System.nanoTime();
            if (answer != null) {
                answer[i] = t1 - t0;
                delivered[i] = t2 - t0;
            }
        }
    }

    private static String percentiles(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return String.format("median %.3f ms, p99 %.3f ms, max %.3f ms", ms(sorted[sorted.length / 2]),
                ms(sorted[(int) Math.ceil(sorted.length * 0.99) - 1]), ms(sorted[sorted.length - 1]));
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }
}
