package dev.callflow.iut;

/** Makes a fresh app instance for each launch of the app process (a killed app relaunches as a new instance). */
@FunctionalInterface
public interface AppFactory {
    CallApp newInstance();
}
