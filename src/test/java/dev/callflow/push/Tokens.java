package dev.callflow.push;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Fresh device tokens, so tests sharing one mock APNs never see each other's pushes. */
final class Tokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Tokens() {
    }

    static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
