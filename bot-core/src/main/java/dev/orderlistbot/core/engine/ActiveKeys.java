package dev.orderlistbot.core.engine;

import dev.orderlistbot.core.domain.ApiCredentials;
import dev.orderlistbot.core.domain.KeyType;
import dev.orderlistbot.core.domain.UserRef;
import dev.orderlistbot.core.security.CredentialInfo;
import dev.orderlistbot.core.security.KeyVault;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which of a trader's stored keys their calls and their order events use: the newest paired one. A
 * key pair made by {@code /keygen} is stored before Binance gave it an API key, under the placeholder
 * {@link #PENDING_API_KEY}; it is "pending" until {@code /setkey API_KEY} pairs it. Thread-safe.
 */
public final class ActiveKeys {
  /** The API key of a {@code /keygen} pair that has no Binance API key yet. */
  static final String PENDING_API_KEY = "keygen-pending-api-key";

  /** One stored key as {@code /keys} shows it. */
  record StoredKey(CredentialInfo info, boolean pending) {}

  private final KeyVault vault;

  public ActiveKeys(KeyVault vault) {
    this.vault = vault;
  }

  /**
   * Opens the user's active key; empty without one. The caller owns the credentials' secret and
   * destroys it when done (or hands it to a source that keeps it).
   */
  public Optional<ApiCredentials> open(UserRef user) {
    return active(user).flatMap(key -> vault.open(user, key.id()));
  }

  /** The user's stored keys, oldest first, with whether each is an unpaired {@code /keygen} pair. */
  List<StoredKey> keys(UserRef user) {
    return vault.list(user).stream().map(info -> new StoredKey(info, isPending(user, info))).toList();
  }

  /** The newest paired key. */
  Optional<CredentialInfo> active(UserRef user) {
    return keys(user).stream()
        .filter(k -> !k.pending())
        .map(StoredKey::info)
        .max(Comparator.comparing(CredentialInfo::createdAt));
  }

  /** The newest key pair made by {@code /keygen} that waits for its API key. */
  Optional<CredentialInfo> pendingKeygen(UserRef user) {
    return keys(user).stream()
        .filter(StoredKey::pending)
        .map(StoredKey::info)
        .max(Comparator.comparing(CredentialInfo::createdAt));
  }

  private boolean isPending(UserRef user, CredentialInfo info) {
    if (info.keyType() != KeyType.ED25519) {
      return false;
    }
    return vault.withCredentials(user, info.id(), c -> c.apiKey().equals(PENDING_API_KEY)).orElse(false);
  }
}
