package dev.callflow.push;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Checks that a push payload is what Apple requires: a JSON dictionary. */
final class PayloadJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private PayloadJson() {
    }

    static void requireObject(String payloadJson) {
        if (payloadJson == null || payloadJson.isBlank()) {
            throw new IllegalArgumentException("payloadJson is empty; supply a JSON object such as "
                    + "{\"aps\":{},\"callId\":\"...\"}.");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(payloadJson);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new IllegalArgumentException("payloadJson is not valid JSON" + where + ": "
                    + e.getOriginalMessage() + ". Nothing was sent.", e);
        }
        if (!root.isObject()) {
            throw new IllegalArgumentException("payloadJson must be a JSON object (APNs payloads are dictionaries), "
                    + "got a " + root.getNodeType().toString().toLowerCase() + ". Nothing was sent.");
        }
    }
}
