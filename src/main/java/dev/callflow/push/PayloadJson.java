package dev.callflow.push;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Checks that a push payload is what Apple requires: a JSON dictionary. */
public final class PayloadJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private PayloadJson() {
    }

    public static void requireObject(String payloadJson) {
        if (payloadJson == null || payloadJson.isBlank()) {
            throw new IllegalArgumentException("payloadJson is empty; supply a JSON object such as "
                    + "{\"aps\":{},\"callId\":\"...\"}.");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(payloadJson);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr()
                    + context(payloadJson, at.getCharOffset());
            throw new IllegalArgumentException("payloadJson is not valid JSON" + where + ": "
                    + e.getOriginalMessage() + ". Nothing was sent.", e);
        }
        if (!root.isObject()) {
            throw new IllegalArgumentException("payloadJson must be a JSON object (APNs payloads are dictionaries), "
                    + "got a " + root.getNodeType().toString().toLowerCase() + ". Nothing was sent.");
        }
    }

    /** The text just before the error, so a long payload's problem can be found by eye. */
    private static String context(String text, long charOffset) {
        if (charOffset < 0 || charOffset > text.length()) {
            return "";
        }
        int end = (int) charOffset;
        int start = Math.max(0, end - 24);
        return " (just after " + (start > 0 ? "…" : "") + "\"" + text.substring(start, end) + "\")";
    }
}
