package dev.callflow.push;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;

/** P-256 key pairs from the JDK provider; both TLS and APNs token auth use this curve. */
final class EcKeys {

    private EcKeys() {
    }

    static KeyPair generateP256() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }
}
