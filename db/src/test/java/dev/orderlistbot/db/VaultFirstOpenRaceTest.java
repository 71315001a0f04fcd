package dev.orderlistbot.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderlistbot.core.port.out.KeyCheck;
import dev.orderlistbot.core.port.out.KeyCheckStore;
import dev.orderlistbot.core.port.out.Stores;
import dev.orderlistbot.core.port.out.Transactor;
import dev.orderlistbot.core.security.AesGcmKeyVault;
import dev.orderlistbot.core.security.MasterKey;
import dev.orderlistbot.core.security.WrongMasterKeyException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several instances started at once on one empty database (a first deployment, as in
 * SeveralInstancesIT): each finds no master key check, and all but the first to commit find the
 * record taken when they store theirs.
 */
class VaultFirstOpenRaceTest {
  @TempDir Path dataDir;
  private VaultFixture fx;
  private Database database;

  @BeforeEach
  void open() {
    fx = new VaultFixture(dataDir);
    database = fx.openDatabase();
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void anInstanceThatFindsTheKeyCheckStoredByAnotherSinceItLookedOpensTheVaultWithIt() {
    MasterKey shared = MasterKey.generate(fx.random);
    Transactor racing = anotherInstanceOpensRightAfterTheFirstLook(shared);

    AesGcmKeyVault vault = AesGcmKeyVault.open(shared, racing, fx.random, fx.clock);

    assertThat(vault.keyVersion()).isEqualTo(1);
    assertThat(AesGcmKeyVault.verify(shared, database.transactor())).isTrue();
  }

  @Test
  void anInstanceWithAnotherMasterKeyStillLearnsItsKeyIsWrongWhenTheOtherStoredFirst() {
    Transactor racing = anotherInstanceOpensRightAfterTheFirstLook(MasterKey.generate(fx.random));

    assertThatThrownBy(() -> AesGcmKeyVault.open(MasterKey.generate(fx.random), racing, fx.random, fx.clock))
        .isInstanceOf(WrongMasterKeyException.class);
  }

  /**
   * The database's transactor, but the first time a transaction reads the latest key check, another
   * instance opens the vault with {@code otherKey} (its own transaction, committed) before the read's
   * answer, which it found empty, comes back.
   */
  private Transactor anotherInstanceOpensRightAfterTheFirstLook(MasterKey otherKey) {
    AtomicBoolean raced = new AtomicBoolean();
    Transactor real = database.transactor();
    return new Transactor() {
      @Override
      public <T> T inTransaction(java.util.function.Function<Stores, T> work) {
        return real.inTransaction(stores -> work.apply(withRace(stores)));
      }

      private Stores withRace(Stores stores) {
        return (Stores) Proxy.newProxyInstance(Stores.class.getClassLoader(), new Class<?>[] {Stores.class}, (proxy, method, args) -> {
          if (method.getName().equals("keyChecks")) {
            return racingChecks(stores.keyChecks());
          }
          try {
            return method.invoke(stores, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
      }

      private KeyCheckStore racingChecks(KeyCheckStore checks) {
        return new KeyCheckStore() {
          @Override
          public Optional<KeyCheck> latest() {
            Optional<KeyCheck> found = checks.latest();
            if (found.isEmpty() && raced.compareAndSet(false, true)) {
              Thread other = Thread.ofPlatform().start(() -> AesGcmKeyVault.open(otherKey, real, fx.random, fx.clock));
              try {
                other.join();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            }
            return found;
          }

          @Override
          public void insert(KeyCheck check) {
            checks.insert(check);
          }

          @Override
          public boolean delete(int keyVersion) {
            return checks.delete(keyVersion);
          }
        };
      }
    };
  }
}
