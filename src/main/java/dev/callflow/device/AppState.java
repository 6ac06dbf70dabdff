package dev.callflow.device;

/** The app's process state as the system sees it (UIApplication state plus "not running"). */
public enum AppState {
    NOT_RUNNING("killed"), BACKGROUND("background"), FOREGROUND("foreground");

    private final String label;

    AppState(String label) { this.label = label; }

    public String label() { return label; }
}
