package dev.callflow.signalling;

import dev.callflow.platform.MalformedEventException;
import dev.callflow.platform.ServerEvent;
import dev.callflow.platform.ServerEventType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 5, unit = TimeUnit.SECONDS)
class ServerEventTest {

    @Test
    void offerRoundTripsThroughJson() {
        ServerEvent offer = ServerEvent.offer("c-1", "alice \"the caller\" & co", "phoneNumber");
        ServerEvent back = ServerEvent.fromJson(offer.toJson());
        assertThat(back).isEqualTo(offer);
        assertThat(back.is(ServerEventType.OFFER)).isTrue();
        assertThat(back.knownType()).contains(ServerEventType.OFFER);
    }

    @Test
    void wireNamesAreTheProtocolOnes() {
        assertThat(ServerEventType.values()).extracting(ServerEventType::wireName)
                .containsExactly("offer", "cancel", "remoteHangup", "answered", "busy", "declined");
        assertThat(ServerEvent.of(ServerEventType.REMOTE_HANGUP, "c-2").toJson())
                .isEqualTo("{\"type\":\"remoteHangup\",\"callId\":\"c-2\",\"fields\":{}}");
    }

    @Test
    void unknownTypesPassThrough() {
        ServerEvent e = ServerEvent.fromJson("{\"type\":\"hold\",\"callId\":\"c-3\"}");
        assertThat(e.knownType()).isEmpty();
        assertThat(e.fields()).isEmpty();
    }

    @Test
    void validationNamesWhatIsWrong() {
        assertThatThrownBy(() -> new ServerEvent(" ", "c", Map.of())).hasMessageContaining("type");
        assertThatThrownBy(() -> ServerEvent.fromJson("{\"type\":\"offer\",\"callId\":\"c\",\"fields\":{\"caller\":\"a\"}}"))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("handleType");
        assertThatThrownBy(() -> ServerEvent.fromJson("{\"type\":\"cancel\""))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> ServerEvent.fromJson("[1,2]")).hasMessageContaining("JSON object");
        assertThatThrownBy(() -> ServerEvent.fromJson("{\"type\":7,\"callId\":\"c\"}")).hasMessageContaining("'type' must be a string");
        assertThatThrownBy(() -> ServerEvent.fromJson("{\"type\":\"busy\"}")).hasMessageContaining("missing 'callId'");
        assertThatThrownBy(() -> ServerEvent.fromJson("{\"type\":\"busy\",\"callId\":\"c\",\"fields\":{\"n\":1}}"))
                .hasMessageContaining("field 'n' must be a string");
    }

    @Test
    void fieldsAreImmutable() {
        ServerEvent e = ServerEvent.offer("c-1", "alice", "generic");
        assertThatThrownBy(() -> e.fields().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    }
}
