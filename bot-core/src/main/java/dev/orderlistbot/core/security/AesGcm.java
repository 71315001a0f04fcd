package dev.orderlistbot.core.security;

import dev.orderlistbot.core.port.out.SealedBox;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM through the JCA: a fresh random 96-bit nonce from the injected {@link SecureRandom}
 * for every seal (so no nonce is ever reused under a key, whatever the caller does), a 128-bit tag,
 * and associated data that the caller rebuilds from the row the box belongs to.
 *
 * <p>Thread-safe: a {@link Cipher} is made per call.
 */
final class AesGcm {
  static final int NONCE_BYTES = 12;
  static final int TAG_BITS = 128;
  private static final String TRANSFORMATION = "AES/GCM/NoPadding";

  private final SecureRandom random;

  AesGcm(SecureRandom random) {
    this.random = random;
  }

  SealedBox seal(SecretKey key, byte[] plaintext, byte[] associatedData) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance(TRANSFORMATION);
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(associatedData);
      return new SealedBox(nonce, cipher.doFinal(plaintext));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available in this JDK", e);
    }
  }

  /**
   * The plaintext, or empty when the box does not open with this key and associated data (wrong key,
   * altered bytes, or a box that belongs to another row). The caller wipes the plaintext.
   */
  static Optional<byte[]> open(SecretKey key, SealedBox box, byte[] associatedData) {
    byte[] nonce = box.nonce();
    if (nonce.length != NONCE_BYTES) {
      return Optional.empty();
    }
    try {
      Cipher cipher = Cipher.getInstance(TRANSFORMATION);
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(associatedData);
      return Optional.of(cipher.doFinal(box.ciphertext()));
    } catch (AEADBadTagException e) {
      return Optional.empty();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available in this JDK", e);
    }
  }
}
