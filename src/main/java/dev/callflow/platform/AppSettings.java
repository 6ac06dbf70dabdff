package dev.callflow.platform;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Settings a scenario gives the app under test before it launches, handed to each new app process by its
 * {@link AppFactory}. Empty means "the app's own default".
 *
 * @param supportedHandleTypes the {@code CXProviderConfiguration.supportedHandleTypes} the app configures (R-CFG-3)
 */
public record AppSettings(Optional<Set<HandleType>> supportedHandleTypes) {

    public AppSettings {
        supportedHandleTypes = supportedHandleTypes.map(s -> s.isEmpty() ? Set.<HandleType>of() : Set.copyOf(EnumSet.copyOf(s)));
    }

    public static AppSettings defaults() {
        return new AppSettings(Optional.empty());
    }

    public AppSettings withSupportedHandleTypes(Set<HandleType> types) {
        return new AppSettings(Optional.of(types));
    }
}
