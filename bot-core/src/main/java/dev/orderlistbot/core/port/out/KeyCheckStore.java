package dev.orderlistbot.core.port.out;

import java.util.Optional;

/**
 * The master key verification records ({@link KeyCheck}), one per master key version in use.
 *
 * <p>Contract: {@link #latest()} is the highest version, the one the vault opens with. Inserting a
 * version that exists fails with {@link StorageException}. Thread-safe.
 */
public interface KeyCheckStore {
  Optional<KeyCheck> latest();

  void insert(KeyCheck check);

  /** Returns false when there was no such version. */
  boolean delete(int keyVersion);
}
