package dev.callflow.push;

import com.eatthepath.pushy.apns.auth.ApnsSigningKey;
import com.eatthepath.pushy.apns.auth.ApnsVerificationKey;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.util.Objects;

/**
 * An APNs token-authentication key (what Apple issues as a {@code .p8} file): the app server signs ES256 JWTs with
 * {@link #signingKey()}, the mock APNs verifies them with {@link #verificationKey()}.
 */
public record ApnsAuthKey(ApnsSigningKey signingKey, ApnsVerificationKey verificationKey) {

    public ApnsAuthKey {
        Objects.requireNonNull(signingKey, "signingKey");
        Objects.requireNonNull(verificationKey, "verificationKey");
    }

    /**
     * Generates a fresh P-256 key pair.
     *
     * @param keyId  the 10-character key identifier Apple would assign (goes into the JWT {@code kid})
     * @param teamId the 10-character team identifier (goes into the JWT {@code iss})
     */
    public static ApnsAuthKey generate(String keyId, String teamId) {
        requireNonBlank(keyId, "keyId");
        requireNonBlank(teamId, "teamId");
        try {
            KeyPair keyPair = EcKeys.generateP256();
            return new ApnsAuthKey(
                    new ApnsSigningKey(keyId, teamId, (ECPrivateKey) keyPair.getPrivate()),
                    new ApnsVerificationKey(keyId, teamId, (ECPublicKey) keyPair.getPublic()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not generate an APNs signing key: " + e.getMessage(), e);
        }
    }

    public String keyId() {
        return signingKey.getKeyId();
    }

    public String teamId() {
        return signingKey.getTeamId();
    }

    private static void requireNonBlank(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is blank; supply the 10-character " + name
                    + " Apple would assign, e.g. \"ABC123DEFG\".");
        }
    }
}
