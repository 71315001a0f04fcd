package dev.orderlistbot.core.port.out;

import dev.orderlistbot.core.domain.CredentialId;
import java.util.Optional;

/**
 * The posture of each stored key as checked when it was stored ({@link KeyPostureCheck}). A check
 * goes when its credential is deleted.
 *
 * <p>Contract: one check per credential; {@link #save} of a credential that has one replaces it.
 * Saving for a credential that is not stored fails with {@link StorageException}. Thread-safe.
 */
public interface KeyPostureStore {
  void save(KeyPostureCheck check);

  Optional<KeyPostureCheck> find(CredentialId credential);
}
