package dev.orderlistbot.app;

import dev.orderlistbot.core.port.out.StorageException;
import dev.orderlistbot.core.security.AesGcmKeyVault;
import dev.orderlistbot.core.security.MasterKey;
import dev.orderlistbot.core.security.MasterKeyException;
import dev.orderlistbot.core.security.MasterKeySource;
import dev.orderlistbot.core.security.VaultException;
import dev.orderlistbot.core.security.WrongMasterKeyException;
import dev.orderlistbot.db.Database;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;

/**
 * Opens the application's storage and key vault from its configuration, safely; {@link BotRuntime}
 * builds the running bot on top.
 *
 * <p>Start-up order, so that a wrong master key changes nothing: (1) open the existing database
 * read-only, if there is one; (2) load the master key (generating one only when no vault exists
 * yet); (3) verify it against the vault's check record, still read-only; only then (4) open the
 * database for writing, migrate, and open the vault.
 */
final class Assembly {
  private final Clock clock;
  private final SecureRandom random;

  Assembly(Clock clock, SecureRandom random) {
    this.clock = clock;
    this.random = random;
  }

  Clock clock() {
    return clock;
  }

  SecureRandom random() {
    return random;
  }

  /**
   * Opens the database and the vault, verifying the master key first.
   *
   * @throws AppException naming the variable to fix when the key is malformed, missing or wrong, or
   *     when the database cannot be opened
   */
  Storage openStorage(AppConfig config) {
    MasterKeySource source = config.masterKey();
    MasterKey key = loadVerifiedKey(config, source);
    try {
      Database database = open(() -> Database.open(config.db(), clock));
      try {
        return new Storage(database, AesGcmKeyVault.open(key, database.transactor(), random, clock));
      } catch (RuntimeException e) {
        database.close();
        throw translate(e, source);
      }
    } finally {
      key.destroy();
    }
  }

  private MasterKey loadVerifiedKey(AppConfig config, MasterKeySource source) {
    Optional<Database> existing = open(() -> Database.openReadOnlyIfExists(config.db(), clock));
    try {
      boolean vaultExists = existing.map(db -> AesGcmKeyVault.isInitialised(db.transactor())).orElse(false);
      MasterKey key = source.load(random, !vaultExists);
      if (vaultExists) {
        try {
          AesGcmKeyVault.verify(key, existing.orElseThrow().transactor());
        } catch (RuntimeException e) {
          key.destroy();
          throw e;
        }
      }
      return key;
    } catch (RuntimeException e) {
      throw translate(e, source);
    } finally {
      existing.ifPresent(Database::close);
    }
  }

  /** Reads a key file named on the command line, e.g. {@code --new-key-file}. */
  static MasterKey readKeyFile(java.nio.file.Path file, String option) {
    try {
      return MasterKeySource.readKeyFile(file, option);
    } catch (MasterKeyException e) {
      throw new AppException(e.getMessage());
    }
  }

  private static <T> T open(java.util.function.Supplier<T> opening) {
    try {
      return opening.get();
    } catch (StorageException e) {
      throw new AppException(e.getMessage());
    }
  }

  private static RuntimeException translate(RuntimeException e, MasterKeySource source) {
    return switch (e) {
      case AppException app -> app;
      case WrongMasterKeyException wrong ->
          new AppException(
              source.variable() + ": " + wrong.getMessage() + ". The key comes from " + source.describe()
                  + ". Nothing was changed: start with the key the credentials were sealed with (after a rotation,"
                  + " the new key).");
      case MasterKeyException bad -> new AppException(bad.getMessage());
      case VaultException vault -> new AppException(vault.getMessage());
      case StorageException storage -> new AppException(storage.getMessage());
      default -> e;
    };
  }
}
