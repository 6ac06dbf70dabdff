package dev.callflow.push;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The suite's push side, started once: one shared Netty event loop, a generated TLS certificate and APNs auth key,
 * a {@link MockApns} on 127.0.0.1 that trusts that key, and an {@link AppServer} that signs with it.
 * {@link #close()} takes milliseconds, not the two seconds Netty's default graceful shutdown would.
 */
public final class PushInfrastructure implements AutoCloseable {

    public static final String KEY_ID = "CFKEY00001";
    public static final String TEAM_ID = "CFTEAM0001";
    private static final int EVENT_LOOP_THREADS = 2;

    private final EventLoopGroup eventLoopGroup;
    private final ExecutorService sinkExecutor;
    private final TlsIdentity tls;
    private final ApnsAuthKey authKey;
    private final MockApns apns;
    private final AppServer appServer;
    private final List<AppServer> extraAppServers = new CopyOnWriteArrayList<>();

    private PushInfrastructure(EventLoopGroup group, ExecutorService sinkExecutor, TlsIdentity tls,
                               ApnsAuthKey authKey, MockApns apns, AppServer appServer) {
        this.eventLoopGroup = group;
        this.sinkExecutor = sinkExecutor;
        this.tls = tls;
        this.authKey = authKey;
        this.apns = apns;
        this.appServer = appServer;
    }

    /** Generates the credentials and starts the mock APNs and the app server. */
    public static PushInfrastructure start() {
        EventLoopGroup group = new NioEventLoopGroup(EVENT_LOOP_THREADS, new DefaultThreadFactory("callflow-push", true));
        ExecutorService sinks = Executors.newCachedThreadPool(new DefaultThreadFactory("callflow-push-sink", true));
        MockApns apns = null;
        try {
            TlsIdentity tls = TlsIdentity.generate();
            ApnsAuthKey authKey = ApnsAuthKey.generate(KEY_ID, TEAM_ID);
            apns = MockApns.builder().tls(tls).trust(authKey.verificationKey())
                    .eventLoopGroup(group).sinkExecutor(sinks).build().start();
            AppServer appServer = appServerBuilder(apns, tls, group).signingKey(authKey.signingKey()).build();
            return new PushInfrastructure(group, sinks, tls, authKey, apns, appServer);
        } catch (RuntimeException e) {
            if (apns != null) {
                apns.close();
            }
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            sinks.shutdown();
            throw e;
        }
    }

    public MockApns apns() {
        return apns;
    }

    public AppServer appServer() {
        return appServer;
    }

    /** The mock APNs's self-signed certificate (SAN localhost, 127.0.0.1). */
    public X509Certificate certificate() {
        return tls.certificate();
    }

    /** The key the mock APNs trusts and {@link #appServer()} signs with. */
    public ApnsAuthKey authKey() {
        return authKey;
    }

    /**
     * Another app server on the shared event loop that signs with {@code key}. With a key the mock APNs does not
     * trust, every push is rejected with 403 {@code InvalidProviderToken}. Closed with this infrastructure.
     */
    public AppServer newAppServer(ApnsAuthKey key) {
        AppServer extra = appServerBuilder(apns, tls, eventLoopGroup).signingKey(key.signingKey()).build();
        extraAppServers.add(extra);
        return extra;
    }

    /** An app server signing with a freshly generated key, unknown to the mock APNs (same key id and team). */
    public AppServer newAppServerWithUnknownKey() {
        return newAppServer(ApnsAuthKey.generate(KEY_ID, TEAM_ID));
    }

    private static AppServer.Builder appServerBuilder(MockApns apns, TlsIdentity tls, EventLoopGroup group) {
        return AppServer.builder().apnsPort(apns.port()).trust(tls.certificate()).eventLoopGroup(group);
    }

    @Override
    public void close() {
        try {
            extraAppServers.forEach(AppServer::close);
            appServer.close();
            apns.close();
        } finally {
            eventLoopGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(2, TimeUnit.SECONDS);
            sinkExecutor.shutdown();
        }
    }
}
