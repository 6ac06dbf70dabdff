package dev.callflow.push;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyStore;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 12, row 9: like Apple's, the mock APNs offers HTTP/2 by ALPN, so a client that negotiates (curl --http2, the
 * JDK's HttpClient) speaks h2 to it rather than falling back to HTTP/1.1, which it does not serve.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class MockApnsAlpnTest {

    @Test
    void tlsHandshakeNegotiatesH2() throws Exception {
        try (PushInfrastructure push = PushInfrastructure.start()) {
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            trust.setCertificateEntry("mock-apns", push.certificate());
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, tmf.getTrustManagers(), null);

            try (SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket("127.0.0.1", push.apns().port())) {
                SSLParameters parameters = socket.getSSLParameters();
                parameters.setApplicationProtocols(new String[] {"h2", "http/1.1"});
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                socket.setSSLParameters(parameters);
                socket.startHandshake();
                assertThat(socket.getApplicationProtocol())
                        .as("ALPN protocol the mock APNs chose from [h2, http/1.1] (\"\": it offers none)")
                        .isEqualTo("h2");
            }
        }
    }
}
