package dev.callflow.platform;

import java.util.Optional;

/** {@code CXCallUpdate}: what the app tells the system about a call (R-CFG-4). Unset fields are ignored. */
public final class CallUpdate {
    private final Handle remoteHandle;
    private final String localizedCallerName;
    private final boolean supportsHolding;
    private final boolean hasVideo;

    private CallUpdate(Builder b) {
        this.remoteHandle = b.remoteHandle;
        this.localizedCallerName = b.localizedCallerName;
        this.supportsHolding = b.supportsHolding;
        this.hasVideo = b.hasVideo;
    }

    public static Builder builder() { return new Builder(); }

    public Optional<Handle> remoteHandle() { return Optional.ofNullable(remoteHandle); }

    public Optional<String> localizedCallerName() { return Optional.ofNullable(localizedCallerName); }

    public boolean supportsHolding() { return supportsHolding; }

    public boolean hasVideo() { return hasVideo; }

    public static final class Builder {
        private Handle remoteHandle;
        private String localizedCallerName;
        private boolean supportsHolding = true;
        private boolean hasVideo;

        public Builder remoteHandle(Handle h) { this.remoteHandle = h; return this; }

        public Builder localizedCallerName(String n) { this.localizedCallerName = n; return this; }

        public Builder supportsHolding(boolean b) { this.supportsHolding = b; return this; }

        public Builder hasVideo(boolean b) { this.hasVideo = b; return this; }

        public CallUpdate build() { return new CallUpdate(this); }
    }
}
