package dev.callflow.platform;

import java.util.Objects;
import java.util.function.Function;

/** Makes a fresh app instance for each launch of the app process (a killed app relaunches as a new instance). */
@FunctionalInterface
public interface AppFactory {
    CallApp newInstance();

    /** A new instance with the scenario's settings; apps that take none ignore them. */
    default CallApp newInstance(AppSettings settings) {
        return newInstance();
    }

    /** A factory for an app that honours {@link AppSettings}. */
    static AppFactory configurable(Function<AppSettings, CallApp> make) {
        Objects.requireNonNull(make, "make");
        return new AppFactory() {
            @Override
            public CallApp newInstance() {
                return make.apply(AppSettings.defaults());
            }

            @Override
            public CallApp newInstance(AppSettings settings) {
                return make.apply(settings);
            }
        };
    }
}
