package dev.orderlistbot.core.security;

import dev.orderlistbot.core.domain.CredentialId;
import dev.orderlistbot.core.domain.KeyType;
import dev.orderlistbot.core.domain.UserRef;
import java.time.Instant;
import java.util.Objects;

/**
 * What may be shown about stored credentials: never the secret, never the full API key.
 *
 * @param fingerprint the first 16 hex digits of SHA-256 over the API key's UTF-8 bytes; a user can
 *     check it with {@code printf %s "$API_KEY" | sha256sum | cut -c1-16}
 */
public record CredentialInfo(
    CredentialId id, UserRef owner, KeyType keyType, String fingerprint, int keyVersion, Instant createdAt) {
  public CredentialInfo {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(keyType, "keyType");
    Objects.requireNonNull(fingerprint, "fingerprint");
    Objects.requireNonNull(createdAt, "createdAt");
  }
}
