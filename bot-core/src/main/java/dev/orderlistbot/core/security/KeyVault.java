package dev.orderlistbot.core.security;

import dev.orderlistbot.core.domain.ApiCredentials;
import dev.orderlistbot.core.domain.CredentialId;
import dev.orderlistbot.core.domain.Secret;
import dev.orderlistbot.core.domain.UserRef;
import dev.orderlistbot.core.port.out.SealedStepUpSecret;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Stores users' API credentials sealed, and opens them only for the moment a signing call needs
 * them.
 *
 * <pre>{@code
 * CredentialInfo info = vault.store(user, new ApiCredentials(KeyType.HMAC, apiKey, Secret.of(s)));
 * Optional<PlacementResult> r = vault.withCredentials(user, info.id(), c -> exchange.place(c, req, id));
 * }</pre>
 *
 * <p>Contract: every operation is scoped to one owner; a credential is only ever opened for the user
 * it was stored for, under the id it was stored with. Opening fails with {@link VaultException} when
 * the sealed row was altered, moved to another user or id, or sealed under another master key.
 *
 * <p>Thread-safety: implementations are thread-safe. Failure modes: {@link VaultException} as above,
 * {@link dev.orderlistbot.core.port.out.StorageException} when the database fails.
 */
public interface KeyVault {
  /** Seals and stores {@code credentials} for {@code owner}; the caller still owns (and destroys) them. */
  CredentialInfo store(UserRef owner, ApiCredentials credentials);

  /**
   * Opens the credentials, hands them to {@code use} and destroys the opened secret when {@code use}
   * returns or throws. Empty when the owner has no such credential. {@code use} must not keep them.
   */
  <T> Optional<T> withCredentials(UserRef owner, CredentialId id, Function<? super ApiCredentials, ? extends T> use);

  /**
   * Opens the credentials for a caller that manages their life itself: it must call {@code
   * secret().destroy()} once done. Prefer {@link #withCredentials}.
   */
  Optional<ApiCredentials> open(UserRef owner, CredentialId id);

  /** Metadata of the owner's credentials, oldest first. */
  List<CredentialInfo> list(UserRef owner);

  /** Deletes the credential, and with it the only copy of its data key; false when there was none. */
  boolean revoke(UserRef owner, CredentialId id);

  /**
   * Seals {@code owner}'s TOTP secret as an API secret is sealed (its own data key under the master
   * key), bound to the owner; the caller stores the result ({@code StepUpStore}) and still owns
   * (and destroys) {@code secret}.
   */
  SealedStepUpSecret sealStepUpSecret(UserRef owner, Secret secret);

  /**
   * Opens what {@link #sealStepUpSecret} sealed for {@code owner}; the caller destroys the result.
   *
   * @throws VaultException when it was altered, sealed for another user or under another master key
   */
  Secret openStepUpSecret(UserRef owner, SealedStepUpSecret sealed);
}
