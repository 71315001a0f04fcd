package dev.orderlistbot.binance;

import dev.orderlistbot.core.domain.ApiCredentials;
import dev.orderlistbot.core.domain.KeyType;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Identifies a credential set in the session cache without keeping its secret: key type, API key
 * and a SHA-256 digest of the secret. A user who replaces their secret under the same API key gets
 * a new session (and signer) rather than the old one.
 */
record CredentialKey(KeyType type, String apiKey, String secretDigest) {

  static CredentialKey of(ApiCredentials credentials) {
    byte[] secret = credentials.secret().bytes();
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret);
      return new CredentialKey(credentials.type(), credentials.apiKey(), HexFormat.of().formatHex(digest));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is unavailable in this JDK", e);
    } finally {
      Arrays.fill(secret, (byte) 0);
    }
  }

  @Override
  public String toString() {
    return "CredentialKey[" + type + "]";
  }
}
