package dev.callflow.timeline;

import java.util.Locale;
import java.util.Optional;

/** Who did an observable act. The log tag is what the act carries in the rendered device log. */
public enum Source {
    /** The simulated system: CallKit, PushKit, the audio session, the system call UI. */
    SYSTEM("CallKit"),
    /** The app under test: its own log lines and its calls into the system APIs. */
    APP("App"),
    /** The media SDK (the seed's mediasdk): prepareSDK, configAudio, startAudio, ... */
    SDK("MediaSDK"),
    /** The mock APNs server and the harness's app server that sends VoIP pushes. */
    PUSH("APNs"),
    /** The mock signalling server: requests the app makes and events the server sends. */
    SIGNALLING("Signalling"),
    /** A person: taps on the system call UI or in the app, the lock screen, another phone call. */
    USER("User");

    private final String logTag;

    Source(String logTag) {
        this.logTag = logTag;
    }

    public String logTag() {
        return logTag;
    }

    /** The lower-case name used in feature tables: {@code system}, {@code app}, ... */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Source> fromLogTag(String tag) {
        for (Source s : values()) {
            if (s.logTag.equalsIgnoreCase(tag)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    public static Source fromLabel(String label) {
        for (Source s : values()) {
            if (s.label().equalsIgnoreCase(label.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException("Unknown event source '" + label + "'; use one of "
                + java.util.Arrays.stream(values()).map(Source::label).toList());
    }
}
