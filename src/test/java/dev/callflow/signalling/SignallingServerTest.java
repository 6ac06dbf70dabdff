package dev.callflow.signalling;

import dev.callflow.platform.ServerEvent;
import dev.callflow.platform.ServerEventType;
import dev.callflow.platform.SignallingResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** One server for the whole class, like a run: every test uses its own device id and nothing is reset. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class SignallingServerTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final AtomicInteger SEQ = new AtomicInteger();
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

    /** A device attached to the shared server with a queue of its exchanges. */
    private static final class Phone implements AutoCloseable {
        final String id = "dev-" + SEQ.incrementAndGet();
        final BlockingQueue<SignallingExchange> exchanges = new LinkedBlockingQueue<>();
        final SignallingServer.Registration registration = server.attach(id, exchanges::add);
        final SignallingClient client = server.client(HTTP, id);

        SignallingExchange next() throws InterruptedException {
            SignallingExchange e = exchanges.poll(5, TimeUnit.SECONDS);
            assertThat(e).as("exchange for %s", id).isNotNull();
            return e;
        }

        @Override
        public void close() {
            registration.close();
        }
    }

    private static SignallingResponse await(CompletableFuture<SignallingResponse> f) throws Exception {
        return f.get(10, TimeUnit.SECONDS);
    }

    @Test
    void bindsToLoopbackOnly() throws Exception {
        assertThat(server.baseUrl()).isEqualTo("http://127.0.0.1:" + server.port());
        assertThat(server.bindAddress()).isEqualTo("127.0.0.1");
        Optional<InetAddress> external = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .flatMap(i -> Collections.list(i.getInetAddresses()).stream())
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress())
                .findFirst();
        Assumptions.assumeTrue(external.isPresent(), "no non-loopback IPv4 address to probe");
        try (Socket s = new Socket()) {
            assertThatThrownBy(() -> s.connect(new InetSocketAddress(external.get(), server.port()), 1000))
                    .isInstanceOf(java.io.IOException.class);
        }
    }

    @Test
    void loginAnswersWithSessionAndIsReported() throws Exception {
        try (Phone p = new Phone()) {
            SignallingResponse r = await(p.client.login("alice"));
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body()).isEqualTo("{\"session\":\"sess-" + p.id + "\"}");
            SignallingExchange e = p.next();
            assertThat(e.deviceId()).isEqualTo(p.id);
            assertThat(e.method()).isEqualTo("POST");
            assertThat(e.path()).isEqualTo("/v1/devices/" + p.id + "/login");
            assertThat(e.status()).isEqualTo(200);
            assertThat(e.requestBody()).isEqualTo("{\"user\":\"alice\"}");
            assertThat(e.responseBody()).isEqualTo(r.body());
            assertThat(e.requestHeaders()).containsEntry("x-callflow-device", p.id);
        }
    }

    @Test
    void pushTokenIs204() throws Exception {
        try (Phone p = new Phone()) {
            assertThat(await(p.client.uploadPushToken("abcd1234")).status()).isEqualTo(204);
            SignallingExchange e = p.next();
            assertThat(e).extracting(SignallingExchange::method, SignallingExchange::path, SignallingExchange::status,
                            SignallingExchange::requestBody)
                    .containsExactly("PUT", "/v1/devices/" + p.id + "/push-token", 204, "{\"token\":\"abcd1234\"}");
        }
    }

    @Test
    void callActionsAnswer200AndAreReportedInOrder() throws Exception {
        try (Phone p = new Phone()) {
            Map<String, CompletableFuture<SignallingResponse>> calls = new java.util.LinkedHashMap<>();
            calls.put("accept", p.client.accept("c-1"));
            assertThat(await(calls.get("accept")).status()).isEqualTo(200);
            assertThat(await(p.client.decline("c-2")).body()).contains("\"result\":\"decline\"");
            assertThat(await(p.client.hangUp("c-3")).status()).isEqualTo(200);
            assertThat(await(p.client.busy("c-4")).status()).isEqualTo(200);
            String[][] expected = {{"/v1/calls/c-1/accept", "c-1"}, {"/v1/calls/c-2/decline", "c-2"},
                    {"/v1/calls/c-3/hangup", "c-3"}, {"/v1/calls/c-4/busy", "c-4"}};
            for (String[] x : expected) {
                SignallingExchange e = p.next();
                assertThat(e.method()).isEqualTo("POST");
                assertThat(e.path()).isEqualTo(x[0]);
                assertThat(e.status()).isEqualTo(200);
                assertThat(e.requestBody()).isEqualTo("{\"callId\":\"" + x[1] + "\"}");
                assertThat(e.responseBody()).contains("\"callId\":\"" + x[1] + "\"");
            }
        }
    }

    @Test
    void inviteIs201WithTemplatedBody() throws Exception {
        try (Phone p = new Phone()) {
            SignallingResponse r = await(p.client.invite("c-77", "bob"));
            assertThat(r.status()).isEqualTo(201);
            assertThat(r.body()).isEqualTo("{\"callId\":\"c-77\",\"callee\":\"bob\",\"state\":\"invited\"}");
            SignallingExchange e = p.next();
            assertThat(e.path()).isEqualTo("/v1/calls");
            assertThat(e.status()).isEqualTo(201);
            assertThat(e.requestBody()).isEqualTo("{\"callId\":\"c-77\",\"callee\":\"bob\"}");
        }
    }

    @Test
    void exchangeSendsAnyRequestWithTheDeviceHeaderAndAnswersLikeTheNamedCalls() throws Exception {
        try (Phone p = new Phone()) {
            SignallingResponse r = await(p.client.exchange("POST", "/v1/calls/c-9/accept", "{\"callId\":\"c-9\"}"));
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body()).contains("\"result\":\"accept\"");
            assertThat(p.next()).extracting(SignallingExchange::method, SignallingExchange::path, SignallingExchange::requestBody)
                    .containsExactly("POST", "/v1/calls/c-9/accept", "{\"callId\":\"c-9\"}");
            assertThat(await(p.client.exchange("GET", "/v1/calls/c-9", null)).status()).isEqualTo(200);
            assertThat(p.next().requestBody()).isEmpty();
            assertThatThrownBy(() -> p.client.exchange("get", "/v1/calls", null)).hasMessageContaining("capitals");
            assertThatThrownBy(() -> p.client.exchange("GET", "v1/calls", null)).hasMessageContaining("start with '/'");
        }
    }

    /**
     * A gate decides where each answer is handed over: the network thread only passes over the code that completes
     * the request, so the app's dependants run where the gate runs it (a simulated phone: on its clock, in an order
     * fixed when the request left). The request's id travels to the server's journal.
     */
    @Test
    void aGateHandsEachAnswerOverWhereItRunsIt() throws Exception {
        try (Phone p = new Phone()) {
            java.util.List<String> left = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
            java.util.concurrent.BlockingQueue<Runnable> answers = new java.util.concurrent.LinkedBlockingQueue<>();
            SignallingClient gated = p.client.withGate((id, method, path) -> {
                left.add(id + " " + method + " " + path);
                return answers::add;
            });
            assertThat(gated.hasGate()).isTrue();
            assertThat(p.client.hasGate()).isFalse();
            Thread[] ranOn = new Thread[1];
            CompletableFuture<SignallingResponse> f = gated.exchange("PUT", "/v1/devices/" + p.id + "/push-token", "{\"token\":\"ab\"}")
                    .whenComplete((r, failure) -> ranOn[0] = Thread.currentThread());
            Runnable handOver = answers.poll(5, TimeUnit.SECONDS);
            assertThat(handOver).as("the network thread passed the answer over").isNotNull();
            assertThat(f).as("not complete until the gate runs the hand-over").isNotDone();
            handOver.run();
            assertThat(f).isDone();
            assertThat(f.join().status()).isEqualTo(204);
            assertThat(ranOn[0]).as("the dependant ran where the gate ran it").isSameAs(Thread.currentThread());
            assertThat(left).containsExactly(p.id + "/1 PUT /v1/devices/" + p.id + "/push-token");
            assertThat(p.next().requestHeaders()).containsEntry(SignallingHeaders.REQUEST, p.id + "/1");
        }
    }

    @Test
    void unknownPathIs404AndStillReported() throws Exception {
        try (Phone p = new Phone()) {
            assertThat(await(p.client.exchange("POST", "/nope/v1/calls/c-1/accept", "{\"callId\":\"c-1\"}")).status())
                    .isEqualTo(404);
            assertThat(p.next()).extracting(SignallingExchange::path, SignallingExchange::status)
                    .containsExactly("/nope/v1/calls/c-1/accept", 404);
        }
    }

    @Test
    void twoDevicesAreIsolated() throws Exception {
        try (Phone a = new Phone(); Phone b = new Phone()) {
            CompletableFuture<SignallingResponse> fa = a.client.accept("call-a");
            CompletableFuture<SignallingResponse> fb = b.client.decline("call-b");
            CompletableFuture<SignallingResponse> fa2 = a.client.hangUp("call-a");
            CompletableFuture.allOf(fa, fb, fa2).get(10, TimeUnit.SECONDS);
            SignallingExchange a1 = a.next();
            SignallingExchange a2 = a.next();
            SignallingExchange b1 = b.next();
            assertThat(java.util.List.of(a1.path(), a2.path()))
                    .containsExactlyInAnyOrder("/v1/calls/call-a/accept", "/v1/calls/call-a/hangup");
            assertThat(a1.deviceId()).isEqualTo(a.id);
            assertThat(b1.path()).isEqualTo("/v1/calls/call-b/decline");
            assertThat(b1.deviceId()).isEqualTo(b.id);
            // nothing else arrives for either device
            assertThat(a.exchanges.poll(200, TimeUnit.MILLISECONDS)).isNull();
            assertThat(b.exchanges).isEmpty();
        }
    }

    @Test
    void attachingTheSameDeviceTwiceIsRejected() {
        try (Phone p = new Phone()) {
            assertThatThrownBy(() -> server.attach(p.id, e -> { }))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining(p.id);
        }
    }

    @Test
    void relayDeliversEventToGatewayThroughWebhook() throws Exception {
        try (Phone p = new Phone()) {
            BlockingQueue<ServerEvent> received = new LinkedBlockingQueue<>();
            try (DeviceGateway.Registration ignored = gateway.register(p.id, received::add)) {
                // quotes, ampersand, angle brackets and non-ASCII must survive the webhook's templating untouched
                ServerEvent offer = ServerEvent.offer("c-relay", "Zoë \"<O'Brien>\" & co", "phoneNumber");
                assertThat(server.sendToDevice(p.id, gateway.endpointFor(p.id), offer).get(10, TimeUnit.SECONDS))
                        .isEqualTo(202);
                assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo(offer);

                ServerEvent cancel = ServerEvent.of(ServerEventType.CANCEL, "c-relay");
                server.sendToDevice(p.id, gateway.endpointFor(p.id), cancel).get(10, TimeUnit.SECONDS);
                assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo(cancel);

                SignallingExchange relay = p.next();
                assertThat(relay.path()).isEqualTo("/harness/relay");
                assertThat(relay.status()).isEqualTo(202);
                assertThat(relay.requestHeaders()).containsEntry(SignallingHeaders.RELAY_TARGET, gateway.endpointFor(p.id).toString());
                assertThat(ServerEvent.fromJson(relay.requestBody())).isEqualTo(offer);
            }
        }
    }

    @Test
    void relayTargetIsPerRequestSoDevicesGetTheirOwnEvents() throws Exception {
        try (Phone a = new Phone(); Phone b = new Phone()) {
            BlockingQueue<ServerEvent> toA = new LinkedBlockingQueue<>();
            BlockingQueue<ServerEvent> toB = new LinkedBlockingQueue<>();
            try (DeviceGateway.Registration ra = gateway.register(a.id, toA::add);
                 DeviceGateway.Registration rb = gateway.register(b.id, toB::add)) {
                server.sendToDevice(a.id, gateway.endpointFor(a.id), ServerEvent.of(ServerEventType.ANSWERED, "ca"));
                server.sendToDevice(b.id, gateway.endpointFor(b.id), ServerEvent.of(ServerEventType.BUSY, "cb"));
                assertThat(toA.poll(5, TimeUnit.SECONDS)).extracting(ServerEvent::type, ServerEvent::callId)
                        .containsExactly("answered", "ca");
                assertThat(toB.poll(5, TimeUnit.SECONDS)).extracting(ServerEvent::type, ServerEvent::callId)
                        .containsExactly("busy", "cb");
                assertThat(toA.poll(200, TimeUnit.MILLISECONDS)).isNull();
                assertThat(toB).isEmpty();
            }
        }
    }

    @Test
    void statusFaultAffectsOnlyItsDeviceAndPath() throws Exception {
        try (Phone p = new Phone(); Phone other = new Phone()) {
            p.registration.inject(SignallingFault.status("/v1/calls/[^/]+/accept", 503, "{\"error\":\"overloaded\"}"));
            SignallingResponse r = await(p.client.accept("c-1"));
            assertThat(r).isEqualTo(new SignallingResponse(503, "{\"error\":\"overloaded\"}"));
            assertThat(p.next()).extracting(SignallingExchange::status).isEqualTo(503);
            assertThat(await(p.client.decline("c-1")).status()).isEqualTo(200);
            assertThat(await(other.client.accept("c-1")).status()).isEqualTo(200);
        }
    }

    /**
     * A delay is the harness's: the server answers at once (its journal shows the request when it came), and the
     * registration tells the device's network how long to hold the answer on the device's clock.
     */
    @Test
    void aDelayFaultIsHeldOnTheDevicesSideNotByTheServer() throws Exception {
        try (Phone p = new Phone()) {
            InjectedFault fault = p.registration.inject(SignallingFault.delay("/v1/calls/[^/]+/hangup", Duration.ofMillis(300)));
            assertThat(p.registration.delayFor("POST", "/v1/calls/c-slow/hangup")).isEqualTo(Duration.ofMillis(300));
            assertThat(p.registration.delayFor("POST", "/v1/calls/c-slow/accept")).isZero();
            assertThat(p.registration.activeFaults()).isEqualTo(1);
            SignallingResponse r = await(p.client.hangUp("c-slow"));
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body()).contains("\"callId\":\"c-slow\"").contains("hangup");
            assertThat(p.next()).extracting(SignallingExchange::path, SignallingExchange::status)
                    .containsExactly("/v1/calls/c-slow/hangup", 200);
            assertThat(p.exchanges.poll(200, TimeUnit.MILLISECONDS)).isNull();
            fault.close();
            assertThat(p.registration.delayFor("POST", "/v1/calls/c-slow/hangup")).isZero();
        }
    }

    @Test
    void connectionResetFailsTheClientFutureWithAClearMessage() throws Exception {
        try (Phone p = new Phone()) {
            p.registration.inject(SignallingFault.connectionReset("/v1/calls/[^/]+/accept"));
            CompletableFuture<SignallingResponse> f = p.client.accept("c-reset");
            assertThatThrownBy(() -> f.get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(SignallingException.class)
                    .hasMessageContaining("POST " + server.baseUrl() + "/v1/calls/c-reset/accept")
                    .hasMessageContaining(p.id);
            assertThat(p.next()).extracting(SignallingExchange::status).isEqualTo(0);
        }
    }

    @Test
    void closingTheRegistrationRemovesItsFaults() throws Exception {
        String id;
        try (Phone p = new Phone()) {
            id = p.id;
            p.registration.inject(SignallingFault.status("/v1/calls/.*", 503, "down"));
            assertThat(await(p.client.busy("c-1")).status()).isEqualTo(503);
            assertThat(p.registration.activeFaults()).isEqualTo(1);
        }
        BlockingQueue<SignallingExchange> again = new LinkedBlockingQueue<>();
        try (SignallingServer.Registration r = server.attach(id, again::add)) {
            assertThat(await(server.client(HTTP, id).busy("c-1")).status()).isEqualTo(200);
            assertThat(again.poll(5, TimeUnit.SECONDS)).extracting(SignallingExchange::status).isEqualTo(200);
        }
    }

    @Test
    void closingOneInjectedFaultHealsJustThatFault() throws Exception {
        try (Phone p = new Phone()) {
            InjectedFault accept503 = p.registration.inject(SignallingFault.status("/v1/calls/[^/]+/accept", 503, ""));
            p.registration.inject(SignallingFault.status("/v1/calls/[^/]+/decline", 500, ""));
            assertThat(await(p.client.accept("c")).status()).isEqualTo(503);
            accept503.close();
            accept503.close(); // idempotent
            assertThat(await(p.client.accept("c")).status()).isEqualTo(200);
            assertThat(await(p.client.decline("c")).status()).isEqualTo(500);
            assertThat(p.registration.activeFaults()).isEqualTo(1);
        }
    }

    @Test
    void callStateIsRingingByDefaultAndAPerDeviceResponseOverridesItForThatDeviceOnly() throws Exception {
        try (Phone p = new Phone(); Phone other = new Phone()) {
            SignallingResponse ringing = await(p.client.callState("c-7"));
            assertThat(ringing.status()).isEqualTo(200);
            assertThat(ringing.body()).contains("\"callId\":\"c-7\"").contains("\"state\":\"ringing\"");
            assertThat(p.next()).extracting(SignallingExchange::method, SignallingExchange::path)
                    .containsExactly("GET", "/v1/calls/c-7");

            InjectedFault cancelled = p.registration.respond("GET", "/v1/calls/c-7", 200, "{\"state\":\"cancelled\"}");
            assertThat(await(p.client.callState("c-7")).body()).isEqualTo("{\"state\":\"cancelled\"}");
            assertThat(await(p.client.callState("c-8")).body()).contains("ringing");
            assertThat(await(other.client.callState("c-7")).body()).contains("ringing");
            assertThat(await(p.client.accept("c-7")).status()).as("other methods and paths keep the fixtures").isEqualTo(200);

            cancelled.close();
            assertThat(await(p.client.callState("c-7")).body()).contains("ringing");
            assertThat(p.registration.activeFaults()).isZero();
        }
    }

    @Test
    void respondValidatesItsArguments() {
        try (Phone p = new Phone()) {
            assertThatThrownBy(() -> p.registration.respond("get", "/v1/calls/x", 200, "{}")).hasMessageContaining("method");
            assertThatThrownBy(() -> p.registration.respond("GET", "([", 200, "{}")).hasMessageContaining("regex");
            assertThatThrownBy(() -> p.registration.respond("GET", "/x", 99, "{}")).hasMessageContaining("100-599");
        }
    }

    @Test
    void faultValidation() {
        assertThatThrownBy(() -> SignallingFault.status("/x", 700, "")).hasMessageContaining("100-599");
        assertThatThrownBy(() -> SignallingFault.delay("/x", Duration.ZERO)).hasMessageContaining("delay");
        assertThatThrownBy(() -> SignallingFault.connectionReset("([")).hasMessageContaining("regex");
    }
}
