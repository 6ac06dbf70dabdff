package dev.callflow.harness;

import dev.callflow.push.PushInfrastructure;
import dev.callflow.signalling.DeviceGateway;
import dev.callflow.signalling.SignallingServer;

import dev.callflow.platform.ServerEvent;
import dev.callflow.platform.ServerEventType;
import java.net.http.HttpClient;

import dev.callflow.iut.external.ExternalIuts;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The servers a run shares: the mock APNs and the app server (Pushy, TLS, HTTP/2), the mock signalling server
 * (WireMock, HTTP) and the phones' gateway for server-initiated events. Started once per run, all on loopback with
 * dynamic ports; scenarios attach to them by device id and never reset them.
 */
public final class Infrastructure implements AutoCloseable {
    /**
     * WireMock's own journal is off: every exchange reaches its device's timeline through the journal tap as it happens,
     * and nothing reads the journal, while WireMock counts all of it on every request to trim it (with its default of
     * 10,000 entries, a long run's requests slow down and its heap grows by tens of megabytes of old requests).
     */
    static final int JOURNAL_ENTRIES = 0;
    private final PushInfrastructure push;
    private final SignallingServer signalling;
    private final DeviceGateway gateway;
    private final HttpClient http;
    private final long startMillis;
    private final ExternalIuts externalIuts;

    private Infrastructure(PushInfrastructure push, SignallingServer signalling, DeviceGateway gateway, HttpClient http,
                           long startMillis, HarnessSettings settings) {
        this.push = push;
        this.signalling = signalling;
        this.gateway = gateway;
        this.http = http;
        this.startMillis = startMillis;
        this.externalIuts = new ExternalIuts(settings.home(), settings.hangGuard(), settings.iutTraffic());
    }

    public static Infrastructure start(HarnessSettings settings) {
        long t0 = System.nanoTime();
        // The client's own thread completes each exchange: nothing chained to a response blocks (an app's answer is
        // handed to its phone's clock, the relay's status to a future), and in a VM every hop to a worker thread is a
        // context switch that bench measured at a fifth of the harness's CPU.
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Runnable::run).connectTimeout(Duration.ofSeconds(5)).build();
        PushInfrastructure push = PushInfrastructure.start();
        SignallingServer signalling = null;
        try {
            signalling = SignallingServer.builder().fixturesDir(settings.fixtures().resolve("signalling"))
                    .httpClient(http).maxJournalEntries(JOURNAL_ENTRIES).start();
            DeviceGateway gateway = DeviceGateway.start();
            Infrastructure infra = new Infrastructure(push, signalling, gateway, http, (System.nanoTime() - t0) / 1_000_000,
                    settings);
            infra.warmUp();
            return infra;
        } catch (RuntimeException e) {
            push.close();
            if (signalling != null) {
                signalling.close();
            }
            throw e;
        }
    }

    /**
     * One round trip through each server (TLS handshake and HTTP/2 connection to the mock APNs, the signalling
     * stubs, the relay webhook), so that no scenario pays the run's cold-start costs.
     */
    private void warmUp() {
        String device = "warmup";
        String token = "0".repeat(64);
        java.util.concurrent.CompletableFuture<ServerEvent> relayed = new java.util.concurrent.CompletableFuture<>();
        java.util.concurrent.CompletableFuture<String> pushed = new java.util.concurrent.CompletableFuture<>();
        try (var apnsReg = push.apns().registerVoip(token, "dev.callflow.warmup", p -> pushed.complete(p.apnsId()));
             var gwReg = gateway.register(device, relayed::complete)) {
            push.appServer().sendVoip(token, "dev.callflow.warmup", "{\"aps\":{}}").get(30, TimeUnit.SECONDS);
            signalling.client(http, device).login("warmup").get(30, TimeUnit.SECONDS);
            signalling.sendToDevice(device, gateway.endpointFor(device), ServerEvent.of(ServerEventType.CANCEL, "warmup"))
                    .get(30, TimeUnit.SECONDS);
            relayed.get(30, TimeUnit.SECONDS);
            pushed.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            close();
            throw new IllegalStateException("The run's servers started but a warm-up round trip failed: " + e, e);
        }
    }

    public PushInfrastructure push() { return push; }

    public SignallingServer signalling() { return signalling; }

    public DeviceGateway gateway() { return gateway; }

    public HttpClient http() { return http; }

    public long startMillis() { return startMillis; }

    /** The run's external implementations under test (child processes, loopback listeners). */
    public ExternalIuts externalIuts() { return externalIuts; }

    @Override
    public void close() {
        try {
            externalIuts.close();
            gateway.close();
            signalling.close();
        } finally {
            push.close();
        }
    }
}
