package dev.callflow.push;

import com.eatthepath.pushy.apns.ApnsClient;
import io.netty.bootstrap.Bootstrap;
import io.netty.resolver.NoopAddressResolverGroup;

import java.lang.reflect.Field;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * Makes a Pushy {@link ApnsClient} connect to 127.0.0.1 without resolving anything (issue 12, row 8). Pushy 0.15.4 gives
 * every client without a proxy Netty's {@code RoundRobinDnsAddressResolverGroup}, and Netty asks the group for the event
 * loop's resolver on every connect, even to an IP literal: the first push then binds a DNS client's UDP socket on all
 * interfaces. Pushy has no option for this, so, as {@link LoopbackBinder} does for the server, this reaches the client's
 * {@code channelPool.channelFactory.bootstrapTemplate} and gives it Netty's no-op resolver and an already resolved
 * 127.0.0.1. The TLS handler still names the host the builder was given, so hostname verification is unchanged.
 * Call it before the first push: nothing has connected yet.
 */
final class NoResolver {

    private NoResolver() {
    }

    static ApnsClient apply(ApnsClient client, int port) {
        Bootstrap template = (Bootstrap) field(field(field(client, "channelPool"), "channelFactory"), "bootstrapTemplate");
        template.resolver(NoopAddressResolverGroup.INSTANCE);
        template.remoteAddress(new InetSocketAddress(loopback(), port));
        return client;
    }

    private static InetAddress loopback() {
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        } catch (UnknownHostException e) {
            throw new IllegalStateException("127.0.0.1 is not a valid address?", e);
        }
    }

    private static Object field(Object owner, String name) {
        try {
            Field field = owner.getClass().getDeclaredField(name);
            field.setAccessible(true);
            return field.get(owner);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("Cannot keep the APNs client from resolving: Pushy's " + owner.getClass().getName()
                    + " has no accessible field '" + name + "' (written against pushy 0.15.4; check the version).", e);
        }
    }
}
