package dev.orderlistbot.core.domain;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * A secret value (an API secret, a private key, a token) that never prints itself.
 *
 * <p>{@link #toString()} always answers {@code ***}; there is deliberately no {@code equals}, so a
 * secret cannot be compared by accident in a log statement or a collection. The bytes are copied
 * in and out, and {@link #destroy()} overwrites them once the caller is done.
 *
 * <p>Not thread-safe for concurrent {@link #destroy()}; share it read-only.
 */
public final class Secret {
  private final byte[] bytes;
  private boolean destroyed;

  private Secret(byte[] bytes) {
    this.bytes = bytes;
  }

  public static Secret of(String value) {
    Objects.requireNonNull(value, "secret");
    return new Secret(value.getBytes(StandardCharsets.UTF_8));
  }

  public static Secret ofBytes(byte[] value) {
    Objects.requireNonNull(value, "secret");
    return new Secret(value.clone());
  }

  /** A copy of the secret's bytes; the caller should overwrite it after use. */
  public byte[] bytes() {
    checkAlive();
    return bytes.clone();
  }

  /** The secret as text, for APIs that only take strings (for example an HMAC key). */
  public String reveal() {
    checkAlive();
    return new String(bytes, StandardCharsets.UTF_8);
  }

  public int length() {
    return bytes.length;
  }

  public boolean isEmpty() {
    return bytes.length == 0;
  }

  /** Overwrites the bytes with zeros; any later read fails. */
  public void destroy() {
    Arrays.fill(bytes, (byte) 0);
    destroyed = true;
  }

  private void checkAlive() {
    if (destroyed) {
      throw new IllegalStateException("secret already destroyed");
    }
  }

  @Override
  public String toString() {
    return "***";
  }
}
