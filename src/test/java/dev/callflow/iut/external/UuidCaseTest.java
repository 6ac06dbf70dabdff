package dev.callflow.iut.external;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Swift's {@code uuidString} is upper case: a call UUID names the same call in either case. */
class UuidCaseTest {
    private static final String UPPER = "ED7AA169-3C1E-4BD8-9D5A-2F2BA0C3D0A1";

    @Test
    void theCodecTakesAnUpperCaseCallUuid() throws Exception {
        var m = Codec.parse("{\"type\":\"reportEnded\",\"call\":\"" + UPPER + "\",\"reason\":\"remoteEnded\"}");
        assertThat(Codec.uuid(m, "call")).isEqualTo(UUID.fromString(UPPER.toLowerCase()));
    }

    @Test
    void aMisshapenUuidIsStillAProtocolError() {
        assertThatThrownBy(() -> Codec.parse("{\"type\":\"reportEnded\",\"call\":\"ED7AA169\",\"reason\":\"remoteEnded\"}"))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("call");
    }

    @Test
    void httpPathsReachTheServerWithCanonicalCallUuids() {
        assertThat(AppRuntime.lowerCaseUuids("/v1/calls/" + UPPER + "/accept"))
                .isEqualTo("/v1/calls/" + UPPER.toLowerCase() + "/accept");
        assertThat(AppRuntime.lowerCaseUuids("/v1/calls/" + UPPER)).isEqualTo("/v1/calls/" + UPPER.toLowerCase());
        assertThat(AppRuntime.lowerCaseUuids("/v1/devices/dev-ABC/login")).isEqualTo("/v1/devices/dev-ABC/login");
    }
}
