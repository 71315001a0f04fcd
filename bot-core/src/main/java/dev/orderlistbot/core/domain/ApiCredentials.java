package dev.orderlistbot.core.domain;

import java.util.Objects;

/**
 * One user's Binance API credentials, in memory only while a signing call needs them.
 *
 * @param type how requests are signed
 * @param apiKey the public API key sent as {@code X-MBX-APIKEY}; not a secret, but shown only as a
 *     fingerprint in chats
 * @param secret the HMAC secret, or the PKCS#8 private key (PEM text) for Ed25519 and RSA
 */
public record ApiCredentials(KeyType type, String apiKey, Secret secret) {
  public ApiCredentials {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(apiKey, "apiKey");
    Objects.requireNonNull(secret, "secret");
    if (apiKey.isBlank()) {
      throw new IllegalArgumentException("an API key cannot be blank");
    }
  }

  /** Redacts the secret and shortens the API key, so a stray log line leaks nothing useful. */
  @Override
  public String toString() {
    String shown = apiKey.length() <= 8 ? "***" : apiKey.substring(0, 4) + "…" + apiKey.substring(apiKey.length() - 4);
    return "ApiCredentials[type=" + type + ", apiKey=" + shown + ", secret=***]";
  }
}
