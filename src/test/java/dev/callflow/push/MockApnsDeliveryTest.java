package dev.callflow.push;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class MockApnsDeliveryTest {

    private static final String BUNDLE = "com.example.callapp";
    private static PushInfrastructure push;

    @BeforeAll
    static void start() {
        push = PushInfrastructure.start();
    }

    @AfterAll
    static void stop() {
        push.close();
    }

    @Test
    void acceptedVoipPushReachesTheRegisteredSinkWithPayloadAndHeaders() throws Exception {
        RecordingSink device = new RecordingSink();
        String token = Tokens.random();
        push.apns().registerVoip(token, BUNDLE, device);

        PushResult result = push.appServer().sendVoip(token, BUNDLE, "{\"aps\":{},\"callId\":\"c-1\"}")
                .get(5, TimeUnit.SECONDS);

        assertThat(result.accepted()).as(result.toString()).isTrue();
        assertThat(result.status()).isEqualTo(200);
        ApnsPush received = device.nextAccepted();
        assertThat(received.deviceToken()).isEqualTo(token);
        assertThat(received.topic()).isEqualTo("com.example.callapp.voip");
        assertThat(received.pushType()).isEqualTo("voip");
        assertThat(received.priority()).isEqualTo(10);
        assertThat(received.expiration()).isEqualTo(Instant.EPOCH);
        assertThat(received.payload()).isEqualTo("{\"aps\":{},\"callId\":\"c-1\"}");
        assertThat(received.apnsId()).isEqualTo(result.apnsId());
        assertThat(device.threads.poll()).as("sinks run off the Netty event loop").startsWith("callflow-push-sink");
    }

    @Test
    void twoRegistrationsWithDifferentTokensAreRoutedSeparately() throws Exception {
        RecordingSink alice = new RecordingSink();
        RecordingSink bob = new RecordingSink();
        String aliceToken = Tokens.random();
        String bobToken = Tokens.random();
        push.apns().registerVoip(aliceToken, BUNDLE, alice);
        push.apns().registerVoip(bobToken, "com.example.otherapp", bob);

        push.appServer().sendVoip(aliceToken, BUNDLE, "{\"to\":\"alice\"}").get(5, TimeUnit.SECONDS);
        push.appServer().sendVoip(bobToken, "com.example.otherapp", "{\"to\":\"bob\"}").get(5, TimeUnit.SECONDS);
        push.appServer().sendVoip(aliceToken, BUNDLE, "{\"to\":\"alice\",\"n\":2}").get(5, TimeUnit.SECONDS);

        assertThat(alice.nextAccepted().payload()).isEqualTo("{\"to\":\"alice\"}");
        assertThat(alice.nextAccepted().payload()).isEqualTo("{\"to\":\"alice\",\"n\":2}");
        assertThat(bob.nextAccepted().payload()).isEqualTo("{\"to\":\"bob\"}");
        assertThat(alice.events).isEmpty();
        assertThat(bob.events).isEmpty();
    }

    @Test
    void fiftyPushesToOneTokenReachTheSinkInTheOrderTheServerAcceptedThem() throws Exception {
        RecordingSink device = new RecordingSink();
        String token = Tokens.random();
        List<String> serverOrder = Collections.synchronizedList(new ArrayList<>());
        push.apns().registerVoip(token, BUNDLE, device).rejectWith(p -> {
            serverOrder.add(p.payload());   // the policy sees each valid push on the event loop, in server order
            return Optional.empty();
        });

        List<CompletableFuture<PushResult>> inFlight = IntStream.range(0, 50)
                .mapToObj(i -> push.appServer().sendVoip(token, BUNDLE, "{\"seq\":" + i + "}"))
                .toList();
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);

        List<String> delivered = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            delivered.add(device.nextAccepted().payload());
        }
        assertThat(inFlight).allSatisfy(f -> assertThat(f.join().accepted()).isTrue());
        assertThat(delivered).hasSize(50).containsExactlyElementsOf(serverOrder);
        assertThat(delivered).containsExactlyInAnyOrderElementsOf(
                IntStream.range(0, 50).mapToObj(i -> "{\"seq\":" + i + "}").toList());
    }

    @Test
    void closingTheRegistrationStopsDelivery() throws Exception {
        RecordingSink device = new RecordingSink();
        String token = Tokens.random();
        Registration registration = push.apns().registerVoip(token, BUNDLE, device);
        push.appServer().sendVoip(token, BUNDLE, "{\"n\":1}").get(5, TimeUnit.SECONDS);
        assertThat(device.nextAccepted().payload()).isEqualTo("{\"n\":1}");

        registration.close();
        PushResult afterClose = push.appServer().sendVoip(token, BUNDLE, "{\"n\":2}").get(5, TimeUnit.SECONDS);

        assertThat(afterClose.accepted()).isFalse();
        assertThat(afterClose.rejectionReason()).contains("DeviceTokenNotForTopic");
        // the server hands pushes to sinks before it flushes its answer, so nothing can still be on its way
        assertThat(device.events).isEmpty();
        assertThat(registration.isOpen()).isFalse();
    }

    @Test
    void theSameTokenCanBeRegisteredAgainAfterClose() throws Exception {
        String token = Tokens.random();
        push.apns().registerVoip(token, BUNDLE, new RecordingSink()).close();
        RecordingSink again = new RecordingSink();
        push.apns().registerVoip(token, BUNDLE, again);

        assertThat(push.appServer().sendVoip(token, BUNDLE, "{}").get(5, TimeUnit.SECONDS).accepted()).isTrue();
        assertThat(again.nextAccepted().payload()).isEqualTo("{}");
    }

    @Test
    void registeringATokenTwiceSaysToCloseTheFirstRegistration() {
        String token = Tokens.random();
        push.apns().registerVoip(token, BUNDLE, new RecordingSink());

        assertThatThrownBy(() -> push.apns().registerVoip(token, BUNDLE, new RecordingSink()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already registered")
                .hasMessageContaining("close that Registration");
    }

    @Test
    void registeringAMalformedTokenSaysWhatATokenLooksLike() {
        assertThatThrownBy(() -> push.apns().registerVoip("abc", BUNDLE, new RecordingSink()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("deviceToken must be 64 hex characters (the hex form of the token PushKit hands the "
                        + "app), got \"abc\" (3 chars).");
    }

    @Test
    void theServerIsBoundToLoopbackOnly() {
        InetSocketAddress bound = push.apns().boundAddress();

        assertThat(bound.getAddress().isLoopbackAddress()).as("bound to %s", bound).isTrue();
        assertThat(bound.getAddress().getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(bound.getPort()).isEqualTo(push.apns().port()).isPositive();
    }

    @Test
    void theServerCannotBeReachedOnANonLoopbackAddress() throws SocketException {
        List<InetAddress> external = new ArrayList<>();
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (nic.isUp() && !nic.isLoopback()) {
                Collections.list(nic.getInetAddresses()).stream()
                        .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress())
                        .forEach(external::add);
            }
        }
        assumeFalse(external.isEmpty(), "this machine has no non-loopback IPv4 address to try");

        for (InetAddress address : external) {
            assertThatThrownBy(() -> {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress(address, push.apns().port()), 2_000);
                }
            }).as("connecting via %s", address).isInstanceOf(IOException.class);
        }
    }
}
