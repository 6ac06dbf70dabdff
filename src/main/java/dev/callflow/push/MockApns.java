package dev.callflow.push;

import com.eatthepath.pushy.apns.auth.ApnsVerificationKey;
import com.eatthepath.pushy.apns.server.MockApnsServer;
import com.eatthepath.pushy.apns.server.MockApnsServerBuilder;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * A mock APNs: Pushy's {@link MockApnsServer} on 127.0.0.1 (dynamic port), real TLS (ALPN h2) and HTTP/2, token
 * authentication, validating like Apple against a registry that changes while it runs. See
 * {@link VoipValidatingHandlerFactory} for the checks.
 *
 * <pre>{@code
 * MockApns apns = MockApns.builder().tls(identity).trust(authKey.verificationKey()).build().start();
 * Registration device = apns.registerVoip(token, "com.example.callapp", push -> queue.add(push));
 * device.rejectWith(push -> Optional.of(Rejection.tooManyRequests()));
 * }</pre>
 */
public final class MockApns implements AutoCloseable {

    private static final long SHUTDOWN_TIMEOUT_MS = 2_000;

    private final MockApnsServer server;
    private final DeviceRegistry registry;
    private final EventLoopGroup ownedEventLoopGroup;
    private final ExecutorService ownedSinkExecutor;
    private volatile InetSocketAddress address;

    private MockApns(MockApnsServer server, DeviceRegistry registry, EventLoopGroup ownedEventLoopGroup,
                     ExecutorService ownedSinkExecutor) {
        this.server = server;
        this.registry = registry;
        this.ownedEventLoopGroup = ownedEventLoopGroup;
        this.ownedSinkExecutor = ownedSinkExecutor;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Binds 127.0.0.1 on a free port; returns this once the server accepts connections. */
    public MockApns start() {
        if (address != null) {
            throw new IllegalStateException("MockApns is already listening on " + address + ".");
        }
        try {
            address = LoopbackBinder.bind(server);
            return this;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while binding the mock APNs.", e);
        }
    }

    public int port() {
        return boundAddress().getPort();
    }

    /** The socket address the server listens on: always 127.0.0.1. */
    public InetSocketAddress boundAddress() {
        if (address == null) {
            throw new IllegalStateException("MockApns is not listening; call start() first.");
        }
        return address;
    }

    /**
     * Registers a device token for {@code topic}; pushes to it are validated and handed to {@code sink}.
     * A token marked unregistered becomes valid again.
     *
     * @throws IllegalArgumentException if the token is not 64 hex characters or the topic is blank
     * @throws IllegalStateException    if the token is already registered
     */
    public Registration register(String deviceToken, String topic, PushSink sink) {
        return registry.register(deviceToken, topic, sink);
    }

    /** {@link #register} for VoIP: topic {@code bundleId + ".voip"}, as PushKit tokens require. */
    public Registration registerVoip(String deviceToken, String bundleId, PushSink sink) {
        return register(deviceToken, Topics.voip(bundleId), sink);
    }

    /**
     * From now on pushes to this token get 410 {@code Unregistered} with {@code timestamp = since}, like a token
     * whose app was deleted. Registering the token again clears the mark.
     */
    public void markUnregistered(String deviceToken, Instant since) {
        registry.markUnregistered(deviceToken, since);
    }

    /** Closes all connections and the listening socket; pending sink calls still run. */
    @Override
    public void close() {
        try {
            server.shutdown().get(SHUTDOWN_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Mock APNs did not shut down cleanly: " + e, e);
        } finally {
            if (ownedEventLoopGroup != null) {
                ownedEventLoopGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            }
            if (ownedSinkExecutor != null) {
                ownedSinkExecutor.shutdown();
            }
        }
    }

    /** Builds a {@link MockApns}; {@link #tls} and at least one {@link #trust} key are required. */
    public static final class Builder {
        private TlsIdentity tls;
        private final List<ApnsVerificationKey> trustedKeys = new ArrayList<>();
        private EventLoopGroup eventLoopGroup;
        private Executor sinkExecutor;
        private PushSink observer;

        private Builder() {
        }

        /** The server's certificate and key; clients must trust the certificate. */
        public Builder tls(TlsIdentity identity) {
            this.tls = Objects.requireNonNull(identity, "identity");
            return this;
        }

        /** Accept provider tokens signed by this key's private half, for every registered topic. */
        public Builder trust(ApnsVerificationKey key) {
            trustedKeys.add(Objects.requireNonNull(key, "key"));
            return this;
        }

        /** Share a Netty event loop (recommended: closing is then fast). Without it the server owns one thread. */
        public Builder eventLoopGroup(EventLoopGroup group) {
            this.eventLoopGroup = Objects.requireNonNull(group, "group");
            return this;
        }

        /** Where sinks run. Without it the server owns a small pool of daemon threads. */
        public Builder sinkExecutor(Executor executor) {
            this.sinkExecutor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /**
         * Also hear every push, for any token, registered or not (e.g. to record rejections of unknown tokens).
         * Called in server order on the sink executor.
         */
        public Builder observer(PushSink observer) {
            this.observer = Objects.requireNonNull(observer, "observer");
            return this;
        }

        public MockApns build() {
            if (tls == null) {
                throw new IllegalStateException("No TLS identity; call tls(TlsIdentity.generate()) before build().");
            }
            if (trustedKeys.isEmpty()) {
                throw new IllegalStateException("No trusted signing key, so every push would be rejected with "
                        + "InvalidProviderToken; call trust(authKey.verificationKey()) before build().");
            }
            EventLoopGroup ownedGroup = eventLoopGroup == null
                    ? new NioEventLoopGroup(1, new DefaultThreadFactory("mock-apns", true)) : null;
            ExecutorService ownedExecutor = sinkExecutor == null
                    ? Executors.newCachedThreadPool(new DefaultThreadFactory("mock-apns-sink", true)) : null;
            Executor executor = sinkExecutor != null ? sinkExecutor : ownedExecutor;
            DeviceRegistry registry = new DeviceRegistry(executor);
            trustedKeys.forEach(registry::trust);
            try {
                MockApnsServer server = new MockApnsServerBuilder()
                        .setServerCredentials(new java.security.cert.X509Certificate[] {tls.certificate()},
                                tls.privateKey(), null)
                        .setEventLoopGroup(eventLoopGroup != null ? eventLoopGroup : ownedGroup)
                        .setUseAlpn(true) // offers h2 by ALPN, as Apple does; without it curl --http2 falls back to 1.1
                        .setHandlerFactory(new VoipValidatingHandlerFactory(registry))
                        .setListener(new SinkDispatcher(registry, observer == null ? null
                                : new SerialExecutor(executor), observer))
                        .build();
                return new MockApns(server, registry, ownedGroup, ownedExecutor);
            } catch (SSLException e) {
                if (ownedGroup != null) {
                    ownedGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS);
                }
                if (ownedExecutor != null) {
                    ownedExecutor.shutdown();
                }
                throw new IllegalStateException("Pushy rejected the TLS identity: " + e.getMessage(), e);
            }
        }
    }
}
