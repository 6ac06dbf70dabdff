package dev.callflow.push;

import com.eatthepath.pushy.apns.server.MockApnsServer;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.group.ChannelGroup;

import java.lang.reflect.Field;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * Binds a Pushy {@link MockApnsServer} to 127.0.0.1 only. Pushy 0.15.4's {@code start(port)} binds the wildcard
 * address and offers no bind-address option, so this reaches the package-private {@code bootstrap} and
 * {@code allChannels} fields of its {@code BaseHttp2Server} superclass (works on Java 17: Pushy is on the class
 * path, not in a named module). The channel joins {@code allChannels} so {@code shutdown()} closes it.
 */
final class LoopbackBinder {

    private LoopbackBinder() {
    }

    static InetSocketAddress bind(MockApnsServer server) throws InterruptedException {
        ServerBootstrap bootstrap = (ServerBootstrap) field(server, "bootstrap");
        ChannelGroup allChannels = (ChannelGroup) field(server, "allChannels");
        Channel channel = bootstrap.bind(new InetSocketAddress(loopback(), 0)).sync().channel();
        allChannels.add(channel);
        return (InetSocketAddress) channel.localAddress();
    }

    private static InetAddress loopback() {
        try {
            return InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1});
        } catch (UnknownHostException e) {
            throw new IllegalStateException("127.0.0.1 is not a valid address?", e);
        }
    }

    private static Object field(MockApnsServer server, String name) {
        try {
            Field field = MockApnsServer.class.getSuperclass().getDeclaredField(name);
            field.setAccessible(true);
            return field.get(server);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("Cannot bind the mock APNs to loopback: Pushy's BaseHttp2Server has no "
                    + "accessible field '" + name + "' (written against pushy 0.15.4; check the version).", e);
        }
    }
}
