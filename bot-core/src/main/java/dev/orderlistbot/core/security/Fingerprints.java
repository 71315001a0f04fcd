package dev.orderlistbot.core.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Short fingerprints of API keys: the first 16 hex digits of SHA-256 over the key's UTF-8 bytes. */
public final class Fingerprints {
  private Fingerprints() {}

  /** The fingerprint of {@code apiKey} (the public API key, not a secret), as {@code /keys} shows it. */
  public static String ofApiKey(String apiKey) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(apiKey.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available in this JDK", e);
    }
  }
}
