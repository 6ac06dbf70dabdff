package dev.callflow.push;

import com.eatthepath.pushy.apns.server.RejectionReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class PushInfrastructureTest {

    @Test
    void closeTakesMillisecondsNotNettysTwoSecondQuietPeriod() throws Exception {
        PushInfrastructure push = PushInfrastructure.start();
        String token = Tokens.random();
        push.apns().registerVoip(token, "com.example.callapp", new RecordingSink());
        push.newAppServerWithUnknownKey().sendVoip(token, "com.example.callapp", "{}").get(5, TimeUnit.SECONDS);
        assertThat(push.appServer().sendVoip(token, "com.example.callapp", "{}").get(5, TimeUnit.SECONDS).accepted())
                .isTrue();

        long started = System.nanoTime();
        push.close();
        long closeMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        assertThat(closeMillis).as("close() took %d ms", closeMillis).isLessThan(500);
    }

    @Test
    void theCertificateCoversLocalhostAnd127001() throws Exception {
        try (PushInfrastructure push = PushInfrastructure.start()) {
            X509Certificate certificate = push.certificate();

            assertThat(List.copyOf(certificate.getSubjectAlternativeNames()))
                    .extracting(san -> (Object) san.get(1))
                    .containsExactlyInAnyOrder("localhost", "127.0.0.1");
            assertThat(certificate.getPublicKey().getAlgorithm()).isEqualTo("EC");
            certificate.checkValidity();
            assertThat(push.authKey().keyId()).isEqualTo(PushInfrastructure.KEY_ID);
            assertThat(push.authKey().teamId()).isEqualTo(PushInfrastructure.TEAM_ID);
        }
    }

    @Test
    void reasonStringsAndStatusesAreApples() {
        assertThat(List.of(RejectionReason.UNREGISTERED, RejectionReason.TOO_MANY_REQUESTS,
                RejectionReason.DEVICE_TOKEN_NOT_FOR_TOPIC, RejectionReason.PAYLOAD_TOO_LARGE))
                .extracting(r -> RejectionReasons.text(r) + " " + RejectionReasons.status(r))
                .containsExactly("Unregistered 410", "TooManyRequests 429", "DeviceTokenNotForTopic 400",
                        "PayloadTooLarge 413");
    }
}
