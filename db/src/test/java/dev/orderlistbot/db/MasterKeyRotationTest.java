package dev.orderlistbot.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderlistbot.core.domain.CredentialId;
import dev.orderlistbot.core.domain.Secret;
import dev.orderlistbot.core.domain.UserRef;
import dev.orderlistbot.core.port.out.SealedStepUpSecret;
import dev.orderlistbot.core.port.out.StepUpState;
import dev.orderlistbot.core.security.VaultException;
import dev.orderlistbot.core.port.out.AlertSubscriptionStore;
import dev.orderlistbot.core.port.out.AuditLog;
import dev.orderlistbot.core.port.out.ChatUserStore;
import dev.orderlistbot.core.port.out.KeyCheck;
import dev.orderlistbot.core.port.out.KeyCheckStore;
import dev.orderlistbot.core.port.out.NotificationOutbox;
import dev.orderlistbot.core.port.out.PendingConfirmationStore;
import dev.orderlistbot.core.port.out.TrackedOrderListStore;
import dev.orderlistbot.core.port.out.ProcessedEventStore;
import dev.orderlistbot.core.port.out.SealedBox;
import dev.orderlistbot.core.port.out.SealedCredential;
import dev.orderlistbot.core.port.out.SealedCredentialStore;
import dev.orderlistbot.core.port.out.Stores;
import dev.orderlistbot.core.port.out.Transactor;
import dev.orderlistbot.core.security.AesGcmKeyVault;
import dev.orderlistbot.core.security.MasterKey;
import dev.orderlistbot.core.security.RotationResult;
import dev.orderlistbot.core.security.WrongMasterKeyException;
import dev.orderlistbot.db.testing.TestDatabase;
import dev.orderlistbot.db.testing.TestDatabases;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Rotating the master key re-seals every stored secret in one transaction, on H2 and on PostgreSQL. */
@ParameterizedClass(name = "on {0}")
@EnumSource(TestDatabases.class)
class MasterKeyRotationTest {
  private final UserRef alice = new UserRef("telegram", "1001");
  private final UserRef bob = new UserRef("discord", "2002");

  @Parameter TestDatabases databases;
  @TempDir Path dataDir;
  private TestDatabase testDatabase;
  private VaultFixture fx;
  private MasterKey oldKey;
  private MasterKey newKey;
  private Database database;
  private CredentialId aliceHmac;
  private CredentialId aliceEd;
  private CredentialId bobHmac;

  @BeforeEach
  void storeCredentialsUnderTheOldKey() {
    fx = new VaultFixture(dataDir);
    oldKey = MasterKey.generate(fx.random);
    newKey = MasterKey.generate(fx.random);
    testDatabase = databases.fresh(dataDir);
    database = Database.open(testDatabase.config(), fx.clock);
    AesGcmKeyVault vault = AesGcmKeyVault.open(oldKey, database.transactor(), fx.random, fx.clock);
    aliceHmac = vault.store(alice, VaultFixture.hmac()).id();
    aliceEd = vault.store(alice, VaultFixture.ed25519()).id();
    bobHmac = vault.store(bob, VaultFixture.hmac()).id();
  }

  @AfterEach
  void close() {
    if (database != null) {
      database.close();
      testDatabase.close();
    }
  }

  @Test
  void rotationKeepsEveryCredentialUsableUnderTheNewKeyAndLeavesSecretsAlone() {
    List<SealedCredential> before = database.stores().credentials().listAll();
    AesGcmKeyVault vault = AesGcmKeyVault.open(oldKey, database.transactor(), fx.random, fx.clock);

    RotationResult result = vault.rotateMasterKey(newKey);

    assertThat(result).isEqualTo(new RotationResult(1, 2, 3));
    assertThat(vault.open(alice, aliceHmac).orElseThrow().secret().reveal()).isEqualTo(VaultFixture.HMAC_SECRET);
    AesGcmKeyVault reopened = AesGcmKeyVault.open(newKey, database.transactor(), fx.random, fx.clock);
    assertThat(reopened.keyVersion()).isEqualTo(2);
    assertThat(reopened.open(alice, aliceHmac).orElseThrow().secret().reveal()).isEqualTo(VaultFixture.HMAC_SECRET);
    assertThat(reopened.open(alice, aliceEd).orElseThrow().secret().reveal()).isEqualTo(VaultFixture.ED25519_PEM);
    assertThat(reopened.open(bob, bobHmac).orElseThrow().secret().reveal()).isEqualTo(VaultFixture.HMAC_SECRET);
    List<SealedCredential> after = database.stores().credentials().listAll();
    assertThat(after).extracting(SealedCredential::sealedSecret)
        .containsExactlyElementsOf(before.stream().map(SealedCredential::sealedSecret).toList());
    assertThat(after).extracting(SealedCredential::sealedDataKey)
        .doesNotContainAnyElementsOf(before.stream().map(SealedCredential::sealedDataKey).toList());
  }

  @Test
  void rotationReSealsTheStepUpSecretsToo() {
    AesGcmKeyVault vault = AesGcmKeyVault.open(oldKey, database.transactor(), fx.random, fx.clock);
    Secret totp = Secret.of("alice's authenticator secret");
    SealedStepUpSecret sealed = vault.sealStepUpSecret(alice, totp);
    database.stores().stepUps().save(StepUpState.none(alice, fx.clock.instant()).withPendingTotp(sealed, fx.clock.instant()));

    RotationResult result = vault.rotateMasterKey(newKey);

    assertThat(result).isEqualTo(new RotationResult(1, 2, 4));
    SealedStepUpSecret after = database.stores().stepUps().find(alice).orElseThrow().totp().orElseThrow();
    assertThat(after.keyVersion()).isEqualTo(2);
    assertThat(after.sealedSecret()).isEqualTo(sealed.sealedSecret());
    assertThat(after.sealedDataKey()).isNotEqualTo(sealed.sealedDataKey());
    AesGcmKeyVault reopened = AesGcmKeyVault.open(newKey, database.transactor(), fx.random, fx.clock);
    assertThat(reopened.openStepUpSecret(alice, after).reveal()).isEqualTo("alice's authenticator secret");
    assertThatThrownBy(() -> reopened.openStepUpSecret(bob, after)).isInstanceOf(VaultException.class);
  }

  @Test
  void afterRotationTheOldKeyIsUseless() {
    AesGcmKeyVault.open(oldKey, database.transactor(), fx.random, fx.clock).rotateMasterKey(newKey);

    assertThatThrownBy(() -> AesGcmKeyVault.open(oldKey, database.transactor(), fx.random, fx.clock))
        .isInstanceOf(WrongMasterKeyException.class)
        .hasMessageContaining("version 2");
  }

  @Test
  void rotatingToTheCurrentKeyIsRefused() {
    AesGcmKeyVault vault = AesGcmKeyVault.open(oldKey, database.transactor(), fx.random, fx.clock);
    assertThatThrownBy(() -> vault.rotateMasterKey(oldKey)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aFailureMidRotationLeavesEverythingAsItWas() {
    List<SealedCredential> rowsBefore = database.stores().credentials().listAll();
    KeyCheck checkBefore = database.stores().keyChecks().latest().orElseThrow();
    AtomicInteger updates = new AtomicInteger();
    Transactor failing =
        new Transactor() {
          @Override
          public <T> T inTransaction(java.util.function.Function<Stores, T> work) {
            return database.transactor().inTransaction(s -> work.apply(new FailOnSecondUpdate(s, updates)));
          }
        };
    AesGcmKeyVault vault = AesGcmKeyVault.open(oldKey, failing, fx.random, fx.clock);

    assertThatThrownBy(() -> vault.rotateMasterKey(newKey)).hasMessageContaining("disk full");

    assertThat(database.stores().credentials().listAll()).isEqualTo(rowsBefore);
    assertThat(database.stores().keyChecks().latest()).contains(checkBefore);
    AesGcmKeyVault stillOld = AesGcmKeyVault.open(oldKey, database.transactor(), fx.random, fx.clock);
    assertThat(stillOld.open(bob, bobHmac).orElseThrow().secret().reveal()).isEqualTo(VaultFixture.HMAC_SECRET);
    assertThat(vault.open(alice, aliceEd)).isPresent();
    assertThatThrownBy(() -> AesGcmKeyVault.open(newKey, database.transactor(), fx.random, fx.clock))
        .isInstanceOf(WrongMasterKeyException.class);
  }

  /** The real stores, except that the second data key update fails like a full disk would. */
  private record FailOnSecondUpdate(Stores real, AtomicInteger updates) implements Stores {

    @Override
    public SealedCredentialStore credentials() {
      SealedCredentialStore store = real.credentials();
      return new SealedCredentialStore() {
        @Override
        public void insert(SealedCredential credential) {
          store.insert(credential);
        }

        @Override
        public Optional<SealedCredential> find(UserRef owner, CredentialId id) {
          return store.find(owner, id);
        }

        @Override
        public List<SealedCredential> listByOwner(UserRef owner) {
          return store.listByOwner(owner);
        }

        @Override
        public List<SealedCredential> listAll() {
          return store.listAll();
        }

        @Override
        public boolean updateDataKey(CredentialId id, int expectedVersion, SealedBox box, int newVersion) {
          if (updates.incrementAndGet() == 2) {
            throw new IllegalStateException("disk full");
          }
          return store.updateDataKey(id, expectedVersion, box, newVersion);
        }

        @Override
        public boolean delete(UserRef owner, CredentialId id) {
          return store.delete(owner, id);
        }

        @Override
        public int count() {
          return store.count();
        }
      };
    }

    @Override
    public ChatUserStore users() {
      return real.users();
    }

    @Override
    public dev.orderlistbot.core.port.out.BreakevenPlanStore breakevenPlans() {
      return real.breakevenPlans();
    }

    @Override
    public dev.orderlistbot.core.port.out.LimitStore limits() {
      return real.limits();
    }

    @Override
    public KeyCheckStore keyChecks() {
      return real.keyChecks();
    }

    @Override
    public PendingConfirmationStore confirmations() {
      return real.confirmations();
    }

    @Override
    public TrackedOrderListStore orderLists() {
      return real.orderLists();
    }

    @Override
    public NotificationOutbox outbox() {
      return real.outbox();
    }

    @Override
    public AlertSubscriptionStore subscriptions() {
      return real.subscriptions();
    }

    @Override
    public ProcessedEventStore processedEvents() {
      return real.processedEvents();
    }

    @Override
    public AuditLog audit() {
      return real.audit();
    }

    @Override
    public dev.orderlistbot.core.port.out.OrderCardStore cards() {
      return real.cards();
    }

    @Override
    public dev.orderlistbot.core.port.out.OwedActionStore owedActions() {
      return real.owedActions();
    }

    @Override
    public dev.orderlistbot.core.port.out.KeyPostureStore keyPostures() {
      return real.keyPostures();
    }

    @Override
    public dev.orderlistbot.core.port.out.StepUpStore stepUps() {
      return real.stepUps();
    }

    @Override
    public dev.orderlistbot.core.port.out.LeaseStore leases() {
      return real.leases();
    }
  }
}
