package dev.orderlistbot.core.port.out;

import java.time.Instant;
import java.util.Objects;

/**
 * The verification record of one master key version: a known value sealed under that master key,
 * so a wrong key is detected at start-up before anything is written.
 */
public record KeyCheck(int keyVersion, SealedBox sealed, Instant createdAt) {
  public KeyCheck {
    Objects.requireNonNull(sealed, "sealed");
    Objects.requireNonNull(createdAt, "createdAt");
    if (keyVersion < 1) {
      throw new IllegalArgumentException("key versions start at 1");
    }
  }
}
