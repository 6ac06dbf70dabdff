package dev.callflow.harness;

import dev.callflow.push.PushInfrastructure;
import dev.callflow.signalling.DeviceGateway;
import dev.callflow.signalling.SignallingServer;

import java.net.http.HttpClient;
import java.time.Duration;

/**
 * The servers a run shares: the mock APNs and the app server (Pushy, TLS, HTTP/2), the mock signalling server
 * (WireMock, HTTP) and the phones' gateway for server-initiated events. Started once per run, all on loopback with
 * dynamic ports; scenarios attach to them by device id and never reset them.
 */
public final class Infrastructure implements AutoCloseable {
    private final PushInfrastructure push;
    private final SignallingServer signalling;
    private final DeviceGateway gateway;
    private final HttpClient http;
    private final long startMillis;

    private Infrastructure(PushInfrastructure push, SignallingServer signalling, DeviceGateway gateway, HttpClient http,
                           long startMillis) {
        this.push = push;
        this.signalling = signalling;
        this.gateway = gateway;
        this.http = http;
        this.startMillis = startMillis;
    }

    public static Infrastructure start(HarnessSettings settings) {
        long t0 = System.nanoTime();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        PushInfrastructure push = PushInfrastructure.start();
        SignallingServer signalling = null;
        try {
            signalling = SignallingServer.builder().fixturesDir(settings.fixtures().resolve("signalling"))
                    .httpClient(http).start();
            DeviceGateway gateway = DeviceGateway.start();
            return new Infrastructure(push, signalling, gateway, http, (System.nanoTime() - t0) / 1_000_000);
        } catch (RuntimeException e) {
            push.close();
            if (signalling != null) {
                signalling.close();
            }
            throw e;
        }
    }

    public PushInfrastructure push() { return push; }

    public SignallingServer signalling() { return signalling; }

    public DeviceGateway gateway() { return gateway; }

    public HttpClient http() { return http; }

    public long startMillis() { return startMillis; }

    @Override
    public void close() {
        try {
            gateway.close();
            signalling.close();
        } finally {
            push.close();
        }
    }
}
