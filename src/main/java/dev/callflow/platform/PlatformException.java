package dev.callflow.platform;

/** An exception the real platform would raise inside the app (it crashes the app when uncaught). */
public class PlatformException extends RuntimeException {
    private final String platformName;

    public PlatformException(String platformName, String message) {
        super(platformName + ": " + message);
        this.platformName = platformName;
    }

    /** The Objective-C exception name, e.g. {@code NSInvalidArgumentException}. */
    public String platformName() {
        return platformName;
    }
}
