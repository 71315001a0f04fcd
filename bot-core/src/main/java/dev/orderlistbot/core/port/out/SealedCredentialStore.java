package dev.orderlistbot.core.port.out;

import dev.orderlistbot.core.domain.CredentialId;
import dev.orderlistbot.core.domain.UserRef;
import java.util.List;
import java.util.Optional;

/**
 * The sealed API credentials. This store only ever sees {@link SealedCredential}s: it can neither
 * open nor produce a secret (the key vault in {@code core.security} does that).
 *
 * <p>Contract: look-ups are scoped by owner, so a caller cannot reach another user's row by id.
 * {@link #updateDataKey} is a compare-and-set on the key version, for master key rotation.
 *
 * <p>Thread-safety: implementations are thread-safe. Failure modes: {@link StorageException}, also
 * when inserting an id that already exists.
 */
public interface SealedCredentialStore {
  void insert(SealedCredential credential);

  Optional<SealedCredential> find(UserRef owner, CredentialId id);

  /** The owner's credentials, oldest first. */
  List<SealedCredential> listByOwner(UserRef owner);

  /** Every credential of every user, for master key rotation. */
  List<SealedCredential> listAll();

  /**
   * Replaces the sealed data key of {@code id} if it is still at {@code expectedVersion}; returns
   * whether it was.
   */
  boolean updateDataKey(CredentialId id, int expectedVersion, SealedBox sealedDataKey, int newVersion);

  /** Deletes the owner's credential; returns false when there was none. */
  boolean delete(UserRef owner, CredentialId id);

  int count();
}
