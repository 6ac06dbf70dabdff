package dev.callflow.signalling;

import dev.callflow.platform.ServerEvent;
import dev.callflow.platform.ServerEventType;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Plain main (not a test): server start cold/warm, REST round trip and relay-to-gateway latency.
 * Run from the project root:
 * {@code java -cp target/classes:target/test-classes:$(cat cp.txt) dev.callflow.signalling.SignallingBenchmark}.
 * Ends with System.exit because WireMock's webhook pool is non-daemon and outlives stop().
 */
public final class SignallingBenchmark {
    private static final int REST_REQUESTS = 500;
    private static final int RELAY_EVENTS = 200;

    public static void main(String[] args) throws Exception {
        Path fixtures = Path.of(args.length > 0 ? args[0] : "fixtures/signalling");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        long t0 = System.nanoTime();
        SignallingServer cold = SignallingServer.start(fixtures);
        long coldNs = System.nanoTime() - t0;
        cold.close();
        long t1 = System.nanoTime();
        SignallingServer server = SignallingServer.start(fixtures);
        long warmNs = System.nanoTime() - t1;
        System.out.printf("server start: cold %.1f ms, warm %.1f ms%n", ms(coldNs), ms(warmNs));

        try (server; DeviceGateway gateway = DeviceGateway.start()) {
            String device = "bench-1";
            BlockingQueue<SignallingExchange> exchanges = new LinkedBlockingQueue<>();
            try (SignallingServer.Registration reg = server.attach(device, exchanges::add)) {
                SignallingClient client = server.client(http, device);
                long f0 = System.nanoTime();
                client.login("bench").get(10, TimeUnit.SECONDS);
                System.out.printf("first REST request (cold client): %.1f ms%n", ms(System.nanoTime() - f0));
                for (int i = 0; i < 50; i++) {
                    client.accept("warm-" + i).get(10, TimeUnit.SECONDS);
                }
                long[] rest = new long[REST_REQUESTS];
                for (int i = 0; i < REST_REQUESTS; i++) {
                    long s = System.nanoTime();
                    int status = client.accept("c-" + i).get(10, TimeUnit.SECONDS).status();
                    rest[i] = System.nanoTime() - s;
                    if (status != 200) {
                        throw new IllegalStateException("accept answered " + status);
                    }
                }
                report("REST round trip (POST accept)", rest);

                BlockingQueue<Long> arrivals = new LinkedBlockingQueue<>();
                try (DeviceGateway.Registration g = gateway.register(device, e -> arrivals.add(System.nanoTime()))) {
                    URI endpoint = gateway.endpointFor(device);
                    for (int i = 0; i < 20; i++) {
                        server.sendToDevice(device, endpoint, ServerEvent.of(ServerEventType.CANCEL, "w" + i)).get(10, TimeUnit.SECONDS);
                        take(arrivals);
                    }
                    long[] relay = new long[RELAY_EVENTS];
                    long[] accepted = new long[RELAY_EVENTS];
                    for (int i = 0; i < RELAY_EVENTS; i++) {
                        long s = System.nanoTime();
                        server.sendToDevice(device, endpoint, ServerEvent.offer("r-" + i, "alice", "generic")).get(10, TimeUnit.SECONDS);
                        accepted[i] = System.nanoTime() - s;
                        relay[i] = take(arrivals) - s;
                    }
                    report("relay POST answered (202)", accepted);
                    report("relay -> gateway handler delivery", relay);
                }
            }
        }
        System.exit(0);
    }

    private static long take(BlockingQueue<Long> q) throws InterruptedException {
        Long v = q.poll(10, TimeUnit.SECONDS);
        if (v == null) {
            throw new IllegalStateException("event not delivered within 10 s");
        }
        return v;
    }

    private static void report(String what, long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        System.out.printf("%s over %d: median %.2f ms, p99 %.2f ms, max %.2f ms%n", what, s.length,
                ms(s[s.length / 2]), ms(s[(int) Math.ceil(s.length * 0.99) - 1]), ms(s[s.length - 1]));
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }
}
