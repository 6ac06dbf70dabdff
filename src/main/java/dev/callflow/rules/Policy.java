package dev.callflow.rules;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Where the seed document and Apple disagree (CALLKIT-RULES.md sections 5 and 7), a named choice. Printed in every
 * report so a verdict always says which reading it applied.
 */
public enum Policy {
    /**
     * Accepts both readings: configAudio in perform*Action or in didActivate before startAudio; stop audio anywhere
     * from performEndCallAction to didDeactivateAudioSession. The seed's sample log is conformant with no warning.
     */
    DEFAULT("default", ConfigAudioPlacement.PERFORM_OR_DID_ACTIVATE, StopAudioPlacement.PERFORM_END_TO_DID_DEACTIVATE),
    /** The seed's literal text: configAudio inside perform Answer/StartCallAction, stopAudio in didDeactivate. */
    SEED_STRICT("seed-strict", ConfigAudioPlacement.PERFORM_ACTION, StopAudioPlacement.DID_DEACTIVATE),
    /** Speakerbox: configure in perform*Action, stop call audio in performEndCallAction. */
    APPLE("apple", ConfigAudioPlacement.PERFORM_ACTION, StopAudioPlacement.PERFORM_END);

    /** Where configAudio may be issued. */
    public enum ConfigAudioPlacement { PERFORM_ACTION, PERFORM_OR_DID_ACTIVATE }

    /** Where media I/O may stop when a call ends locally. */
    public enum StopAudioPlacement { PERFORM_END, DID_DEACTIVATE, PERFORM_END_TO_DID_DEACTIVATE }

    private final String wireName;
    private final ConfigAudioPlacement configAudio;
    private final StopAudioPlacement stopAudio;

    Policy(String wireName, ConfigAudioPlacement configAudio, StopAudioPlacement stopAudio) {
        this.wireName = wireName;
        this.configAudio = configAudio;
        this.stopAudio = stopAudio;
    }

    public String wireName() { return wireName; }

    public ConfigAudioPlacement configAudio() { return configAudio; }

    public StopAudioPlacement stopAudio() { return stopAudio; }

    public String describe() {
        return wireName + " (configAudio: " + configAudio.name().toLowerCase(Locale.ROOT).replace('_', ' ')
                + "; stop audio: " + stopAudio.name().toLowerCase(Locale.ROOT).replace('_', ' ') + ")";
    }

    public static Policy named(String name) {
        for (Policy p : values()) {
            if (p.wireName.equalsIgnoreCase(name.trim())) {
                return p;
            }
        }
        throw new IllegalArgumentException("Unknown policy '" + name + "'; use one of "
                + Arrays.stream(values()).map(Policy::wireName).collect(Collectors.joining(", ")));
    }
}
