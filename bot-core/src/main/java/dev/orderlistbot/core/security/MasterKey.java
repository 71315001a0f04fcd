package dev.orderlistbot.core.security;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The 256-bit master key that seals every credential's data key. Never prints itself; {@link
 * #destroy()} overwrites it. Safe to share read-only between threads.
 */
public final class MasterKey {
  public static final int LENGTH = 32;

  private final byte[] bytes;
  private volatile boolean destroyed;

  private MasterKey(byte[] bytes) {
    this.bytes = bytes;
  }

  /** Copies {@code raw}, which must be exactly {@value #LENGTH} bytes. */
  public static MasterKey of(byte[] raw) {
    Objects.requireNonNull(raw, "raw");
    if (raw.length != LENGTH) {
      throw new IllegalArgumentException("a master key is " + LENGTH + " bytes, not " + raw.length);
    }
    return new MasterKey(raw.clone());
  }

  /** A fresh random key. */
  public static MasterKey generate(SecureRandom random) {
    byte[] raw = new byte[LENGTH];
    random.nextBytes(raw);
    return new MasterKey(raw);
  }

  /** Whether both are the same key, compared in constant time. */
  public boolean sameAs(MasterKey other) {
    return MessageDigest.isEqual(live(), other.live());
  }

  /** Overwrites the key; later use fails. */
  public void destroy() {
    destroyed = true;
    Arrays.fill(bytes, (byte) 0);
  }

  MasterKey copy() {
    return new MasterKey(live().clone());
  }

  SecretKey aesKey() {
    return new SecretKeySpec(live(), "AES");
  }

  /** The key as base64 text plus a newline, the format of a key file; the caller wipes it. */
  byte[] base64Line() {
    byte[] encoded = Base64.getEncoder().encode(live());
    byte[] line = Arrays.copyOf(encoded, encoded.length + 1);
    line[encoded.length] = '\n';
    Arrays.fill(encoded, (byte) 0);
    return line;
  }

  private byte[] live() {
    if (destroyed) {
      throw new IllegalStateException("master key already destroyed");
    }
    return bytes;
  }

  @Override
  public String toString() {
    return "MasterKey[***]";
  }
}
