package dev.callflow.push;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Client-side checks: what the harness refuses before anything goes on the wire, and what it says. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class AppServerTest {

    @Test
    void brokenJsonIsRejectedBeforeSendingWithWhereItBreaks() {
        try (PushInfrastructure push = PushInfrastructure.start()) {
            RecordingSink device = new RecordingSink();
            String token = Tokens.random();
            push.apns().registerVoip(token, "com.example.callapp", device);

            assertThatThrownBy(() -> push.appServer().sendVoip(token, "com.example.callapp", "{\"aps\":{},\"callId\":}"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("payloadJson is not valid JSON at line 1, column 20 (just after \"{\"aps\":{},\"callId\":\"): Unexpected character ('}'")
                    .hasMessageEndingWith("Nothing was sent.");
            assertThat(device.events).isEmpty();
        }
    }

    @Test
    void trailingGarbageAndNonObjectsAreRejected() {
        try (PushInfrastructure push = PushInfrastructure.start()) {
            AppServer app = push.appServer();
            String token = Tokens.random();

            assertThatThrownBy(() -> app.sendVoip(token, "com.example.callapp", "{} {}"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not valid JSON at line 1");
            assertThatThrownBy(() -> app.sendVoip(token, "com.example.callapp", "[1,2]"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("payloadJson must be a JSON object (APNs payloads are dictionaries), got a array. "
                            + "Nothing was sent.");
            assertThatThrownBy(() -> app.sendVoip(token, "com.example.callapp", ""))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("payloadJson is empty");
        }
    }

    @Test
    void aBundleIdThatAlreadyEndsInVoipIsRefusedWithTheFix() {
        assertThatThrownBy(() -> Topics.voip("com.example.callapp.voip"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("supply the plain bundle id, \"com.example.callapp\"");
    }

    @Test
    void pushRequestBuilderSaysWhatIsMissing() {
        assertThatThrownBy(() -> PushRequest.builder().topic("t").payload("{}").build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("No device token; call deviceToken(...)");
        assertThatThrownBy(() -> PushRequest.builder().deviceToken(Tokens.random()).payload("{}").build())
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("No topic; call topic(...)");
        assertThatThrownBy(() -> PushRequest.builder().deviceToken(Tokens.random()).topic("t").build())
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("No payload; call payload(...)");
    }

    @Test
    void appServerAndMockApnsBuildersSayWhatIsMissing() {
        assertThatThrownBy(() -> AppServer.builder().build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("No APNs port; call apnsPort(mockApns.port()) before build().");
        assertThatThrownBy(() -> MockApns.builder().build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("No TLS identity; call tls(TlsIdentity.generate()) before build().");
        assertThatThrownBy(() -> MockApns.builder().tls(TlsIdentity.generate()).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("call trust(authKey.verificationKey()) before build()");
    }
}
