package dev.orderlistbot.core.port.out;

import dev.orderlistbot.core.domain.CredentialId;
import dev.orderlistbot.core.domain.KeyType;
import dev.orderlistbot.core.domain.UserRef;
import java.time.Instant;
import java.util.Objects;

/**
 * One stored set of API credentials, as the database sees it: everything secret is sealed.
 *
 * @param apiKey the public Binance API key (not a secret; Binance sends it in a header)
 * @param sealedSecret the HMAC secret or PKCS#8 private key, sealed under the credential's data key
 * @param sealedDataKey the random 256-bit data key, sealed under the master key of {@code keyVersion}
 * @param keyVersion the version of the master key that sealed {@code sealedDataKey}
 * @param fingerprint a short SHA-256-based fingerprint of the API key, safe to show in a chat
 */
public record SealedCredential(
    CredentialId id,
    UserRef owner,
    KeyType keyType,
    String apiKey,
    SealedBox sealedSecret,
    SealedBox sealedDataKey,
    int keyVersion,
    String fingerprint,
    Instant createdAt) {
  public SealedCredential {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(keyType, "keyType");
    Objects.requireNonNull(apiKey, "apiKey");
    Objects.requireNonNull(sealedSecret, "sealedSecret");
    Objects.requireNonNull(sealedDataKey, "sealedDataKey");
    Objects.requireNonNull(fingerprint, "fingerprint");
    Objects.requireNonNull(createdAt, "createdAt");
    if (keyVersion < 1) {
      throw new IllegalArgumentException("key versions start at 1");
    }
  }

  /** Shows the API key shortened, like {@code ApiCredentials}, and the sealed boxes by length only. */
  @Override
  public String toString() {
    String shown = apiKey.length() <= 8 ? "***" : apiKey.substring(0, 4) + "…" + apiKey.substring(apiKey.length() - 4);
    return "SealedCredential[id=" + id + ", owner=" + owner + ", keyType=" + keyType + ", apiKey=" + shown
        + ", sealedSecret=" + sealedSecret + ", sealedDataKey=" + sealedDataKey + ", keyVersion=" + keyVersion
        + ", fingerprint=" + fingerprint + ", createdAt=" + createdAt + "]";
  }

  /** The same row with its data key re-sealed under another master key version. */
  public SealedCredential withDataKey(SealedBox resealed, int newKeyVersion) {
    return new SealedCredential(
        id, owner, keyType, apiKey, sealedSecret, resealed, newKeyVersion, fingerprint, createdAt);
  }
}
