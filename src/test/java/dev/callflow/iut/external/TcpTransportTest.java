package dev.callflow.iut.external;

import dev.callflow.device.DeviceFixture;
import dev.callflow.device.SimulatedDevice;
import dev.callflow.testing.Runs;
import dev.callflow.platform.LaunchReason;
import dev.callflow.signalling.SignallingClient;
import dev.callflow.timeline.Event;
import dev.callflow.timeline.LogFormat;
import dev.callflow.timeline.Timeline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The network transport: the harness listens on loopback, an IUT "elsewhere" connects and speaks callflow-iut/2 over
 * the socket. Here the Python reference runs behind a socket-to-stdio relay, as a simulator build would behind a tunnel.
 */
class TcpTransportTest {

    @Test
    @Timeout(30)
    void anIutThatConnectsOverTcpSpeaksTheSameProtocol() throws Exception {
        try (ExternalIuts iuts = new ExternalIuts(Runs.HOME, Duration.ofSeconds(10), null)) {
            String spec = "tcp-listen:127.0.0.1:0";
            var factory = iuts.factory(spec);
            InetSocketAddress address = iuts.listeningAddress(spec);
            assertThat(address.getAddress().isLoopbackAddress()).as("the harness listens on loopback only").isTrue();

            Timeline timeline = Timeline.start("TcpTransportTest", 1);
            Thread relay = relay(address);
            try (SimulatedDevice device = SimulatedDevice.builder().deviceId("dev-tcp").timeline(timeline)
                    .timing(DeviceFixture.timing(Duration.ofSeconds(30))).app(factory)
                    .signalling(new SignallingClient(HttpClient.newHttpClient(), "http://127.0.0.1:9", "dev-tcp"))
                    .build()) {
                device.launchApp(LaunchReason.USER);
                Event hello = device.awaitEvent(e -> e.is("iutHello"), Duration.ofSeconds(120), Duration.ofSeconds(10)).orElseThrow(() ->
                        new AssertionError("no hello over TCP:\n" + LogFormat.standard().render(timeline)));
                assertThat(hello.attribute("via").orElse("")).startsWith("connection from");
                assertThat(device.awaitEvent(e -> e.is("providerCreated"), Duration.ofSeconds(120), Duration.ofSeconds(10)))
                        .as("the IUT created its provider over the socket").isPresent();
                assertThat(device.awaitEvent(e -> e.is("pushRegistryDelegateSet"), Duration.ofSeconds(120), Duration.ofSeconds(10))).isPresent();
                // its login went out through the harness (nobody listens on port 9) and came back as a handler
                assertThat(device.awaitEvent(e -> e.is("signallingReady"), Duration.ofSeconds(120), Duration.ofSeconds(10)))
                        .as("the login's httpResponse reached the IUT over the socket\n%s", LogFormat.standard().render(timeline))
                        .hasValueSatisfying(e -> assertThat(e.attribute("status")).contains("none"));
            }
            relay.join(10_000);
        }
    }

    /** Connects to the harness and pipes the socket to a Python reference process's stdio, both ways. */
    private static Thread relay(InetSocketAddress harness) {
        Thread t = new Thread(() -> {
            Process p = null;
            try (Socket s = new Socket(harness.getAddress(), harness.getPort())) {
                p = new ProcessBuilder(PythonIutTest.PYTHON, "examples/python-iut/app.py")
                        .directory(Runs.HOME.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
                Process proc = p;
                Thread up = pump(proc.getInputStream(), s.getOutputStream());
                pump(s.getInputStream(), proc.getOutputStream()).join();
                proc.destroyForcibly();
                up.join(2_000);
            } catch (IOException | InterruptedException e) {
                if (p != null) {
                    p.destroyForcibly();
                }
            }
        }, "tcp-iut-relay");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static Thread pump(InputStream in, OutputStream out) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[8192];
            try (in; out) {
                int n;
                while ((n = in.read(buf)) >= 0) {
                    out.write(buf, 0, n);
                    out.flush(); // a process's stdin is buffered: without this the IUT never sees the hello
                }
            } catch (IOException ignored) {
                // one side closed
            }
        }, "tcp-iut-pump");
        t.setDaemon(true);
        t.start();
        return t;
    }
}
