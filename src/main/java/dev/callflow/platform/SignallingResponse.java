package dev.callflow.platform;

/** Status and body of a signalling REST call as the app saw it. */
public record SignallingResponse(int status, String body) {
    public SignallingResponse {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("HTTP status must be 100-599, got " + status);
        }
        body = body == null ? "" : body;
    }

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }
}
