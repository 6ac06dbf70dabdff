package dev.callflow.push;

import com.eatthepath.pushy.apns.ApnsClient;
import com.eatthepath.pushy.apns.ApnsClientBuilder;
import com.eatthepath.pushy.apns.PushType;
import com.eatthepath.pushy.apns.auth.ApnsSigningKey;
import io.netty.channel.EventLoopGroup;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * The harness's app server: the provider that sends VoIP pushes through APNs with token authentication. One Pushy
 * {@link ApnsClient} to 127.0.0.1, trusting the mock's certificate, hostname verification on, resolving nothing
 * ({@link NoResolver}).
 */
public final class AppServer implements AutoCloseable {

    private static final long CLOSE_TIMEOUT_MS = 2_000;

    private final ApnsClient client;
    private volatile boolean closed;

    private AppServer(ApnsClient client) {
        this.client = client;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Sends a PushKit VoIP push: topic {@code bundleId + ".voip"}, {@code apns-push-type: voip}, priority 10,
     * {@code apns-expiration: 0}.
     *
     * @throws IllegalArgumentException before sending, if {@code payloadJson} is not a JSON object; the message
     *                                  says where the JSON breaks
     */
    public CompletableFuture<PushResult> sendVoip(String deviceToken, String bundleId, String payloadJson) {
        PayloadJson.requireObject(payloadJson);
        return send(PushRequest.builder()
                .deviceToken(deviceToken)
                .topic(Topics.voip(bundleId))
                .pushType(PushType.VOIP)
                .payload(payloadJson)
                .build());
    }

    /**
     * Sends any push, well-formed or not. Completes with the APNs answer (accepted or rejected); completes
     * exceptionally only if no answer came (connection failed, client closed).
     */
    public CompletableFuture<PushResult> send(PushRequest request) {
        Objects.requireNonNull(request, "request; build one with PushRequest.builder()");
        if (closed) {
            return CompletableFuture.failedFuture(new IllegalStateException("AppServer is closed."));
        }
        return client.sendNotification(request.toPushy()).thenApply(PushResult::of);
    }

    /** Closes the client's connections; idempotent. Fast when the event loop is shared. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            client.close().get(CLOSE_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("APNs client did not close cleanly: " + e, e);
        }
    }

    /** Required: {@link #apnsPort}, {@link #trust}, {@link #signingKey}, {@link #eventLoopGroup}. */
    public static final class Builder {
        private int port = -1;
        private X509Certificate trusted;
        private ApnsSigningKey signingKey;
        private EventLoopGroup eventLoopGroup;
        private Duration connectTimeout = Duration.ofSeconds(5);

        private Builder() {
        }

        /** The mock APNs's port on 127.0.0.1. */
        public Builder apnsPort(int port) {
            if (port <= 0 || port > 65_535) {
                throw new IllegalArgumentException("apnsPort must be 1..65535, got " + port + "; use MockApns.port().");
            }
            this.port = port;
            return this;
        }

        /** The mock APNs's certificate (a self-signed one is its own root). */
        public Builder trust(X509Certificate certificate) {
            this.trusted = Objects.requireNonNull(certificate, "certificate");
            return this;
        }

        /** The key that signs provider tokens (JWTs). */
        public Builder signingKey(ApnsSigningKey signingKey) {
            this.signingKey = Objects.requireNonNull(signingKey, "signingKey");
            return this;
        }

        /** The shared Netty event loop; the client never shuts it down. */
        public Builder eventLoopGroup(EventLoopGroup group) {
            this.eventLoopGroup = Objects.requireNonNull(group, "group");
            return this;
        }

        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        public AppServer build() {
            if (port < 0) {
                throw new IllegalStateException("No APNs port; call apnsPort(mockApns.port()) before build().");
            }
            if (trusted == null) {
                throw new IllegalStateException("No trusted certificate; call trust(tlsIdentity.certificate()) "
                        + "before build().");
            }
            if (signingKey == null) {
                throw new IllegalStateException("No signing key; call signingKey(authKey.signingKey()) before build().");
            }
            if (eventLoopGroup == null) {
                throw new IllegalStateException("No event loop group; call eventLoopGroup(...) with the suite's "
                        + "shared group before build() (a private one makes close() take ~2 s).");
            }
            try {
                return new AppServer(NoResolver.apply(new ApnsClientBuilder()
                        .setApnsServer("127.0.0.1", port)
                        .setTrustedServerCertificateChain(trusted)
                        .setHostnameVerificationEnabled(true)
                        .setSigningKey(signingKey)
                        .setEventLoopGroup(eventLoopGroup)
                        .setConnectionTimeout(connectTimeout)
                        .build(), port));
            } catch (SSLException e) {
                throw new IllegalStateException("Pushy could not set up TLS for the APNs client: " + e.getMessage(), e);
            }
        }
    }
}
