package dev.callflow.push;

import io.netty.channel.nio.NioEventLoopGroup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** MockApns built by hand (own event loop and sink threads), with a server-wide observer. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class MockApnsStandaloneTest {

    @Test
    void anObserverHearsEveryPushIncludingRejectionsForUnknownTokensAndAFailingSinkDoesNotStopLaterPushes()
            throws Exception {
        TlsIdentity tls = TlsIdentity.generate();
        ApnsAuthKey key = ApnsAuthKey.generate("KEY0000001", "TEAM000001");
        RecordingSink observer = new RecordingSink();
        NioEventLoopGroup clientLoop = new NioEventLoopGroup(1);
        try (MockApns apns = MockApns.builder().tls(tls).trust(key.verificationKey()).observer(observer).build().start();
             AppServer app = AppServer.builder().apnsPort(apns.port()).trust(tls.certificate())
                     .signingKey(key.signingKey()).eventLoopGroup(clientLoop).build()) {
            String unknown = Tokens.random();
            String known = Tokens.random();
            RecordingSink device = new RecordingSink();
            boolean[] thrown = {false};
            apns.registerVoip(known, "com.example.callapp", push -> {
                if (!thrown[0]) {
                    thrown[0] = true;
                    throw new IllegalStateException("a sink bug, on purpose");
                }
                device.onAccepted(push);
            });

            app.sendVoip(unknown, "com.example.callapp", "{}").get(5, TimeUnit.SECONDS);
            app.sendVoip(known, "com.example.callapp", "{\"n\":1}").get(5, TimeUnit.SECONDS);
            app.sendVoip(known, "com.example.callapp", "{\"n\":2}").get(5, TimeUnit.SECONDS);

            RecordingSink.Rejected rejected = observer.nextRejected();
            assertThat(rejected.push().deviceToken()).isEqualTo(unknown);
            assertThat(rejected.reason()).isEqualTo("DeviceTokenNotForTopic");
            assertThat(rejected.status()).isEqualTo(400);
            assertThat(observer.nextAccepted().payload()).isEqualTo("{\"n\":1}");
            assertThat(observer.nextAccepted().payload()).isEqualTo("{\"n\":2}");
            assertThat(observer.threads.poll()).startsWith("mock-apns-sink");
            assertThat(device.nextAccepted().payload()).as("the push after the one whose sink threw")
                    .isEqualTo("{\"n\":2}");
        } finally {
            clientLoop.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        }
    }
}
