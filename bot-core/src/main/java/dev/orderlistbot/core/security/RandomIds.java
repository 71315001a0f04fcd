package dev.orderlistbot.core.security;

import java.security.SecureRandom;
import java.util.UUID;

/** Version 4 UUIDs from the injected {@link SecureRandom} (not {@link UUID#randomUUID()}'s own). */
final class RandomIds {
  private RandomIds() {}

  static UUID uuid(SecureRandom random) {
    byte[] b = new byte[16];
    random.nextBytes(b);
    b[6] = (byte) ((b[6] & 0x0f) | 0x40);
    b[8] = (byte) ((b[8] & 0x3f) | 0x80);
    long high = 0;
    long low = 0;
    for (int i = 0; i < 8; i++) {
      high = (high << 8) | (b[i] & 0xff);
      low = (low << 8) | (b[i + 8] & 0xff);
    }
    return new UUID(high, low);
  }
}
