package dev.callflow.signalling;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import java.util.UUID;

/** Translates a {@link SignallingFault} into a WireMock stub scoped to one device. */
final class FaultStubs {
    /** Fixture mappings use WireMock's default priority (5); 1 always wins. */
    static final int FAULT_PRIORITY = 1;

    private FaultStubs() {
    }

    static MappingBuilder stubFor(SignallingFault fault, String deviceId, UUID id) {
        return any(urlPathMatching(fault.pathRegex()))
                .withId(id) // fresh UUID per injection: never trips "Duplicate stub mapping ID"
                .withName("fault " + deviceId + " " + fault)
                .atPriority(FAULT_PRIORITY)
                .withHeader(SignallingHeaders.DEVICE, equalTo(deviceId))
                .willReturn(response(fault));
    }

    /** A per-device canned answer for {@code method} on paths matching {@code pathRegex}. */
    static MappingBuilder responseFor(String method, String pathRegex, int status, String body, String deviceId, UUID id) {
        if (method == null || !method.matches("[A-Z]+")) {
            throw new IllegalArgumentException("method must be an HTTP method in capitals, e.g. GET, got " + method);
        }
        SignallingFault.status(pathRegex, status, body); // validates the regex and the status
        return request(method, urlPathMatching(pathRegex))
                .withId(id)
                .withName("response " + deviceId + " " + method + " " + pathRegex)
                .atPriority(FAULT_PRIORITY)
                .withHeader(SignallingHeaders.DEVICE, equalTo(deviceId))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                        .withBody(body == null ? "" : body));
    }

    /** A delay is no stub: the device's network holds the answer on its own clock (Registration#delayFor). */
    private static ResponseDefinitionBuilder response(SignallingFault fault) {
        if (fault instanceof SignallingFault.Status s) {
            return aResponse().withStatus(s.status()).withBody(s.body());
        }
        if (fault instanceof SignallingFault.ConnectionReset) {
            return aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER);
        }
        throw new IllegalArgumentException("unknown fault " + fault);
    }
}
