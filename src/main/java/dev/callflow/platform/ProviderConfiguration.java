package dev.callflow.platform;

import java.util.EnumSet;
import java.util.Set;

/** {@code CXProviderConfiguration}, with the header's defaults (R-CFG-2). */
public record ProviderConfiguration(String localizedName, int maximumCallGroups, int maximumCallsPerCallGroup,
                                    Set<HandleType> supportedHandleTypes, boolean includesCallsInRecents,
                                    boolean supportsVideo) {

    public ProviderConfiguration {
        if (maximumCallGroups < 1 || maximumCallsPerCallGroup < 1) {
            throw new IllegalArgumentException("maximumCallGroups and maximumCallsPerCallGroup must be at least 1, got "
                    + maximumCallGroups + "/" + maximumCallsPerCallGroup);
        }
        supportedHandleTypes = supportedHandleTypes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(supportedHandleTypes));
    }

    public static Builder builder(String localizedName) { return new Builder(localizedName); }

    public static final class Builder {
        private final String localizedName;
        private int maximumCallGroups = 2;
        private int maximumCallsPerCallGroup = 5;
        private Set<HandleType> supportedHandleTypes = Set.of();
        private boolean includesCallsInRecents = true;
        private boolean supportsVideo;

        private Builder(String localizedName) { this.localizedName = localizedName; }

        public Builder maximumCallGroups(int n) { this.maximumCallGroups = n; return this; }

        public Builder maximumCallsPerCallGroup(int n) { this.maximumCallsPerCallGroup = n; return this; }

        public Builder supportedHandleTypes(Set<HandleType> types) { this.supportedHandleTypes = types; return this; }

        public Builder includesCallsInRecents(boolean b) { this.includesCallsInRecents = b; return this; }

        public Builder supportsVideo(boolean b) { this.supportsVideo = b; return this; }

        public ProviderConfiguration build() {
            return new ProviderConfiguration(localizedName, maximumCallGroups, maximumCallsPerCallGroup,
                    supportedHandleTypes, includesCallsInRecents, supportsVideo);
        }
    }
}
