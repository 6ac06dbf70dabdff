package dev.callflow.signalling;

import dev.callflow.platform.ServerEvent;
import dev.callflow.platform.ServerEventType;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class DeviceGatewayTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static DeviceGateway gateway;

    @BeforeAll
    static void start() {
        gateway = DeviceGateway.start();
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    private static HttpResponse<String> post(URI uri, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void endpointIsLoopbackAndPerDevice() {
        assertThat(gateway.endpointFor("ph-1").toString())
                .startsWith("http://127.0.0.1:" + gateway.port() + "/devices/ph-1/events?key=");
    }

    @Test
    void validEventReachesHandlerWith204() throws Exception {
        BlockingQueue<ServerEvent> events = new LinkedBlockingQueue<>();
        try (DeviceGateway.Registration ignored = gateway.register("gw-ok", events::add)) {
            ServerEvent offer = ServerEvent.offer("c-9", "bob", "phoneNumber");
            assertThat(post(gateway.endpointFor("gw-ok"), offer.toJson()).statusCode()).isEqualTo(204);
            assertThat(events.poll(5, TimeUnit.SECONDS)).isEqualTo(offer);
        }
    }

    @Test
    void unknownDeviceIs404() throws Exception {
        HttpResponse<String> r = post(gateway.endpointFor("nobody"), ServerEvent.of(ServerEventType.CANCEL, "c").toJson());
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).contains("nobody");
    }

    @Test
    void closedRegistrationIs404() throws Exception {
        gateway.register("gw-gone", e -> { }).close();
        assertThat(post(gateway.endpointFor("gw-gone"), ServerEvent.of(ServerEventType.BUSY, "c").toJson()).statusCode())
                .isEqualTo(404);
    }

    @Test
    void malformedJsonIs400AndReportedAndServerKeepsServing() throws Exception {
        BlockingQueue<ServerEvent> events = new LinkedBlockingQueue<>();
        BlockingQueue<DeliveryError> errors = new LinkedBlockingQueue<>();
        try (DeviceGateway.Registration ignored = gateway.register("gw-bad", events::add, errors::add)) {
            HttpResponse<String> r = post(gateway.endpointFor("gw-bad"), "{\"type\":\"offer\",");
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(r.body()).contains("not valid JSON").contains("gw-bad");
            DeliveryError err = errors.poll(5, TimeUnit.SECONDS);
            assertThat(err).isNotNull();
            assertThat(err.deviceId()).isEqualTo("gw-bad");
            assertThat(err.status()).isEqualTo(400);
            assertThat(err.body()).isEqualTo("{\"type\":\"offer\",");

            HttpResponse<String> missing = post(gateway.endpointFor("gw-bad"), "{\"type\":\"offer\",\"callId\":\"c-1\"}");
            assertThat(missing.statusCode()).isEqualTo(400);
            assertThat(missing.body()).contains("requires field 'caller'");
            assertThat(errors.poll(5, TimeUnit.SECONDS)).isNotNull();

            ServerEvent ok = ServerEvent.of(ServerEventType.CANCEL, "c-1");
            assertThat(post(gateway.endpointFor("gw-bad"), ok.toJson()).statusCode()).isEqualTo(204);
            assertThat(events.poll(5, TimeUnit.SECONDS)).isEqualTo(ok);
            assertThat(events).isEmpty();
        }
    }

    @Test
    void throwingHandlerIs500AndReported() throws Exception {
        BlockingQueue<DeliveryError> errors = new LinkedBlockingQueue<>();
        try (DeviceGateway.Registration ignored = gateway.register("gw-throw", e -> {
            throw new IllegalStateException("boom");
        }, errors::add)) {
            HttpResponse<String> r = post(gateway.endpointFor("gw-throw"), ServerEvent.of(ServerEventType.ANSWERED, "c").toJson());
            assertThat(r.statusCode()).isEqualTo(500);
            assertThat(r.body()).contains("boom");
            assertThat(errors.poll(5, TimeUnit.SECONDS)).extracting(DeliveryError::status).isEqualTo(500);
        }
    }

    @Test
    void getIs405() throws Exception {
        try (DeviceGateway.Registration ignored = gateway.register("gw-get", e -> { })) {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(gateway.endpointFor("gw-get")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(405);
        }
    }
}
