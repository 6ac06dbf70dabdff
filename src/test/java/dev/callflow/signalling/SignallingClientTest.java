package dev.callflow.signalling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class SignallingClientTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void builderValidates() {
        assertThatThrownBy(() -> SignallingClient.builder().httpClient(HTTP).deviceId("d").build())
                .hasMessageContaining("baseUrl");
        assertThatThrownBy(() -> SignallingClient.builder().baseUrl("ftp://x")).hasMessageContaining("http");
        assertThatThrownBy(() -> SignallingClient.builder().deviceId("a/b")).hasMessageContaining("deviceId");
        assertThatThrownBy(() -> new SignallingClient(HTTP, "http://127.0.0.1:1", "d").accept(" "))
                .hasMessageContaining("callId");
        assertThat(SignallingClient.builder().httpClient(HTTP).baseUrl("http://127.0.0.1:1/").deviceId("d").build().deviceId())
                .isEqualTo("d");
    }

    @Test
    void connectionRefusedNamesRequestAndUrl() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        SignallingClient client = new SignallingClient(HTTP, "http://127.0.0.1:" + port, "dev-x");
        assertThatThrownBy(() -> client.login("alice").get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(SignallingException.class)
                .hasMessageContaining("POST http://127.0.0.1:" + port + "/v1/devices/dev-x/login")
                .hasMessageContaining("ConnectException");
    }
}
