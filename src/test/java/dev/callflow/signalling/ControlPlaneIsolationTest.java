package dev.callflow.signalling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callflow.platform.ServerEvent;
import dev.callflow.platform.ServerEventType;
import dev.callflow.platform.SignallingResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 12, row 7: whatever reaches the signalling server's port (an IUT process knows it, or finds it) reaches only the
 * app's endpoints. WireMock's admin API, the relay that carries server events and the phones' gateway are the harness's
 * control plane: a stranger gets no stub, no journal, no shutdown, no event injected into a scenario.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ControlPlaneIsolationTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static SignallingServer server;
    private static DeviceGateway gateway;

    @BeforeAll
    static void start() {
        server = SignallingServer.start(Path.of("fixtures/signalling"));
        gateway = DeviceGateway.start();
    }

    @AfterAll
    static void stop() {
        gateway.close();
        server.close();
    }

    private static HttpResponse<String> raw(String method, String url, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void adminApiRefusesEveryRequestAndTheAppsStubsStillServe() throws Exception {
        String base = server.baseUrl();
        String stub = "{\"request\":{\"method\":\"GET\",\"url\":\"/v1/planted\"},\"response\":{\"status\":299}}";
        List<String[]> attempts = List.of(
                new String[] {"GET", "/__admin/mappings", null},
                new String[] {"GET", "/__admin/requests", null},
                new String[] {"POST", "/__admin/mappings", stub},
                new String[] {"POST", "/__admin/reset", null},
                new String[] {"POST", "/__admin/mappings/reset", null},
                new String[] {"DELETE", "/__admin/mappings", null},
                new String[] {"POST", "/__admin/shutdown", null},
                new String[] {"POST", "/__admin/../__admin/shutdown", null},
                new String[] {"POST", "//__admin/shutdown", null},
                new String[] {"POST", "/%5F%5Fadmin/shutdown", null});
        for (String[] a : attempts) {
            HttpResponse<String> r = raw(a[0], base + a[1], a[2]);
            assertThat(r.statusCode())
                    .as("%s %s from outside the harness must be refused (control plane isolated), body: %s", a[0], a[1], r.body())
                    .isIn(401, 403, 404);
        }
        assertThat(raw("GET", base + "/v1/planted", null).statusCode())
                .as("a stub planted through /__admin must not exist").isNotEqualTo(299);
        String device = "cp-" + System.nanoTime();
        try (SignallingServer.Registration ignored = server.attach(device, x -> { })) {
            SignallingResponse login = server.client(HTTP, device).login("alice").get(10, TimeUnit.SECONDS);
            assertThat(login.status()).as("the app's login stub still answers after the attack").isEqualTo(200);
        }
    }

    @Test
    void aStrangerPosingAsAPhoneReachesNoScenario() throws Exception {
        String device = "pose-" + System.nanoTime();
        BlockingQueue<SignallingExchange> exchanges = new LinkedBlockingQueue<>();
        try (SignallingServer.Registration ignored = server.attach(device, exchanges::add)) {
            HttpResponse<String> forged = raw("POST", server.baseUrl() + "/v1/calls/c-1/decline", "{\"callId\":\"c-1\"}",
                    "Content-Type", "application/json", SignallingHeaders.DEVICE, device,
                    SignallingHeaders.REQUEST, device + "/1");
            assertThat(forged.statusCode()).as("the app's endpoint still answers a stranger").isEqualTo(200);

            server.client(HTTP, device).accept("c-1").get(10, TimeUnit.SECONDS);
            assertThat(exchanges.poll(10, TimeUnit.SECONDS)).as("the first exchange the phone's listener hears")
                    .extracting(SignallingExchange::path).isEqualTo("/v1/calls/c-1/accept");
            assertThat(exchanges).as("a stranger's request under the phone's id reached its scenario").isEmpty();
        }
    }

    @Test
    void theRelayCarriesOnlyTheHarnessesEvents() throws Exception {
        String device = "relay-" + System.nanoTime();
        BlockingQueue<ServerEvent> events = new LinkedBlockingQueue<>();
        try (DeviceGateway.Registration ignored = gateway.register(device, events::add)) {
            String forged = ServerEvent.of(ServerEventType.CANCEL, "forged").toJson();
            HttpResponse<String> relay = raw("POST", server.baseUrl() + "/harness/relay", forged,
                    "Content-Type", "application/json", SignallingHeaders.DEVICE, device,
                    SignallingHeaders.RELAY_TARGET, gateway.endpointFor(device).toString());
            assertThat(relay.statusCode()).as("a stranger's relay post must match no stub").isEqualTo(404);

            HttpResponse<String> direct = raw("POST", "http://127.0.0.1:" + gateway.port() + "/devices/" + device + "/events",
                    forged, "Content-Type", "application/json");
            assertThat(direct.statusCode()).as("the phones' gateway takes events only from the harness's relay")
                    .isEqualTo(403);

            ServerEvent real = ServerEvent.of(ServerEventType.CANCEL, "real");
            assertThat(server.sendToDevice(device, gateway.endpointFor(device), real).get(10, TimeUnit.SECONDS)).isEqualTo(202);
            assertThat(events.poll(10, TimeUnit.SECONDS)).as("the harness's own event still arrives").isEqualTo(real);
            assertThat(events).as("no forged event reached the phone").isEmpty();
        }
    }
}
