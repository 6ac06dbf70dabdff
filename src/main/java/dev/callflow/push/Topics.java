package dev.callflow.push;

/** APNs topic conventions. */
final class Topics {

    private static final String VOIP_SUFFIX = ".voip";

    private Topics() {
    }

    /** Apple: "For VoIP notifications, the topic is your app's bundle ID with .voip appended to the end." */
    static String voip(String bundleId) {
        if (bundleId == null || bundleId.isBlank()) {
            throw new IllegalArgumentException("bundleId is blank; supply the app's bundle id, e.g. "
                    + "\"com.example.callapp\" (\".voip\" is appended for you).");
        }
        if (bundleId.endsWith(VOIP_SUFFIX)) {
            throw new IllegalArgumentException("bundleId \"" + bundleId + "\" already ends in \".voip\"; supply the "
                    + "plain bundle id, \"" + bundleId.substring(0, bundleId.length() - VOIP_SUFFIX.length())
                    + "\", and the VoIP topic is derived from it.");
        }
        return bundleId + VOIP_SUFFIX;
    }
}
