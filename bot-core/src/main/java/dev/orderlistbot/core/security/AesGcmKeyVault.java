package dev.orderlistbot.core.security;

import dev.orderlistbot.core.domain.ApiCredentials;
import dev.orderlistbot.core.domain.CredentialId;
import dev.orderlistbot.core.domain.Secret;
import dev.orderlistbot.core.domain.UserRef;
import dev.orderlistbot.core.port.out.KeyCheck;
import dev.orderlistbot.core.port.out.SealedBox;
import dev.orderlistbot.core.port.out.SealedCredential;
import dev.orderlistbot.core.port.out.SealedStepUpSecret;
import dev.orderlistbot.core.port.out.StepUpState;
import dev.orderlistbot.core.port.out.StorageException;
import dev.orderlistbot.core.port.out.Stores;
import dev.orderlistbot.core.port.out.Transactor;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@link KeyVault}: envelope encryption with AES-256-GCM (JCA).
 *
 * <p>Each credential gets its own random 256-bit data key. The secret is sealed under the data key;
 * the data key is sealed under the master key. Both seals use a fresh random 96-bit nonce and
 * associated data ({@link AssociatedData}) naming the owner and the credential id (and, for the data
 * key, the master key version), so a row copied to another user or id does not open. A rotation
 * re-seals only the data keys, in one transaction.
 *
 * <p>{@link #open(MasterKey, Transactor, SecureRandom, Clock)} checks the master key against the
 * vault's verification record (a known value sealed under the current master key version) before
 * anything else, and creates that record in an empty vault.
 *
 * <p>Thread-safe. Rotation is meant to run while nothing else stores credentials (the CLI runs it
 * with the bot stopped): a credential stored concurrently under the old key would be left behind.
 */
public final class AesGcmKeyVault implements KeyVault {
  private static final byte[] CHECK_VALUE =
      "orderlist-bot master key check".getBytes(StandardCharsets.UTF_8);
  private static final int DATA_KEY_BYTES = 32;

  private record Current(MasterKey key, int version) {}

  private final Transactor transactor;
  private final SecureRandom random;
  private final Clock clock;
  private final AesGcm gcm;
  private final AtomicReference<Current> current;

  private AesGcmKeyVault(Transactor transactor, SecureRandom random, Clock clock, Current current) {
    this.transactor = transactor;
    this.random = random;
    this.clock = clock;
    this.gcm = new AesGcm(random);
    this.current = new AtomicReference<>(current);
  }

  /**
   * Opens the vault with {@code masterKey} (copied; the caller may destroy its own).
   *
   * @throws WrongMasterKeyException when the vault was sealed under another master key; nothing is
   *     written then
   */
  public static AesGcmKeyVault open(MasterKey masterKey, Transactor transactor, SecureRandom random, Clock clock) {
    Objects.requireNonNull(masterKey, "masterKey");
    AesGcm gcm = new AesGcm(random);
    MasterKey key = masterKey.copy();
    int version;
    try {
      version = transactor.inTransaction(stores -> openOrCreate(stores, gcm, key, clock));
    } catch (StorageException e) {
      // several instances started at once on an empty database: another one stored the first check
      // since this one looked; its record decides, as if this instance had started a moment later
      Optional<KeyCheck> stored = transactor.inTransaction(stores -> stores.keyChecks().latest());
      if (stored.isEmpty()) {
        throw e;
      }
      verify(key, stored.get());
      version = stored.get().keyVersion();
    }
    return new AesGcmKeyVault(transactor, random, clock, new Current(key, version));
  }

  /** The version the stored check opens with {@code key}, or version 1, stored now if there is none. */
  private static int openOrCreate(Stores stores, AesGcm gcm, MasterKey key, Clock clock) {
    Optional<KeyCheck> latest = stores.keyChecks().latest();
    if (latest.isPresent()) {
      verify(key, latest.get());
      return latest.get().keyVersion();
    }
    if (stores.credentials().count() > 0) {
      throw new VaultException("the vault holds credentials but no master key check record");
    }
    stores.keyChecks().insert(newCheck(gcm, key, 1, now(clock)));
    return 1;
  }

  /**
   * Checks {@code masterKey} against the vault without writing anything: true when it opens the
   * vault, false when there is no vault yet.
   *
   * @throws WrongMasterKeyException when the vault was sealed under another master key
   */
  public static boolean verify(MasterKey masterKey, Transactor transactor) {
    Objects.requireNonNull(masterKey, "masterKey");
    Optional<KeyCheck> latest = transactor.inTransaction(stores -> stores.keyChecks().latest());
    latest.ifPresent(check -> verify(masterKey, check));
    return latest.isPresent();
  }

  /** Whether the store behind {@code transactor} already holds a vault (a key check record). */
  public static boolean isInitialised(Transactor transactor) {
    return transactor.inTransaction(stores -> stores.keyChecks().latest().isPresent());
  }

  /** The master key version in use. */
  public int keyVersion() {
    return current.get().version();
  }

  @Override
  public CredentialInfo store(UserRef owner, ApiCredentials credentials) {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(credentials, "credentials");
    Current cur = current.get();
    CredentialId id = new CredentialId(RandomIds.uuid(random));
    byte[] dataKey = new byte[DATA_KEY_BYTES];
    random.nextBytes(dataKey);
    byte[] secret = credentials.secret().bytes();
    try {
      SealedBox sealedSecret =
          gcm.seal(
              new SecretKeySpec(dataKey, "AES"),
              secret,
              AssociatedData.forSecret(owner, id, credentials.type(), credentials.apiKey()));
      SealedBox sealedDataKey =
          gcm.seal(cur.key().aesKey(), dataKey, AssociatedData.forDataKey(owner, id, cur.version()));
      SealedCredential row =
          new SealedCredential(
              id,
              owner,
              credentials.type(),
              credentials.apiKey(),
              sealedSecret,
              sealedDataKey,
              cur.version(),
              Fingerprints.ofApiKey(credentials.apiKey()),
              now(clock));
      transactor.inTransaction(
          stores -> {
            stores.credentials().insert(row);
            return null;
          });
      return info(row);
    } finally {
      Arrays.fill(dataKey, (byte) 0);
      Arrays.fill(secret, (byte) 0);
    }
  }

  @Override
  public <T> Optional<T> withCredentials(
      UserRef owner, CredentialId id, Function<? super ApiCredentials, ? extends T> use) {
    Objects.requireNonNull(use, "use");
    Optional<ApiCredentials> opened = open(owner, id);
    if (opened.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(use.apply(opened.get()));
    } finally {
      opened.get().secret().destroy();
    }
  }

  @Override
  public Optional<ApiCredentials> open(UserRef owner, CredentialId id) {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(id, "id");
    Optional<SealedCredential> row = transactor.inTransaction(stores -> stores.credentials().find(owner, id));
    return row.map(r -> unseal(r, current.get()));
  }

  @Override
  public List<CredentialInfo> list(UserRef owner) {
    Objects.requireNonNull(owner, "owner");
    return transactor.inTransaction(stores -> stores.credentials().listByOwner(owner)).stream()
        .map(AesGcmKeyVault::info)
        .toList();
  }

  @Override
  public boolean revoke(UserRef owner, CredentialId id) {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(id, "id");
    return transactor.inTransaction(stores -> stores.credentials().delete(owner, id));
  }

  @Override
  public SealedStepUpSecret sealStepUpSecret(UserRef owner, Secret secret) {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(secret, "secret");
    Current cur = current.get();
    byte[] dataKey = new byte[DATA_KEY_BYTES];
    random.nextBytes(dataKey);
    byte[] plain = secret.bytes();
    try {
      SealedBox sealedSecret = gcm.seal(new SecretKeySpec(dataKey, "AES"), plain, AssociatedData.forStepUpSecret(owner));
      SealedBox sealedDataKey = gcm.seal(cur.key().aesKey(), dataKey, AssociatedData.forStepUpDataKey(owner, cur.version()));
      return new SealedStepUpSecret(sealedSecret, sealedDataKey, cur.version());
    } finally {
      Arrays.fill(dataKey, (byte) 0);
      Arrays.fill(plain, (byte) 0);
    }
  }

  @Override
  public Secret openStepUpSecret(UserRef owner, SealedStepUpSecret sealed) {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(sealed, "sealed");
    byte[] dataKey = openStepUpDataKey(owner, sealed, current.get());
    try {
      byte[] plain =
          AesGcm.open(new SecretKeySpec(dataKey, "AES"), sealed.sealedSecret(), AssociatedData.forStepUpSecret(owner))
              .orElseThrow(() -> unreadableStepUp(owner));
      try {
        return Secret.ofBytes(plain);
      } finally {
        Arrays.fill(plain, (byte) 0);
      }
    } finally {
      Arrays.fill(dataKey, (byte) 0);
    }
  }

  /**
   * Re-seals every data key under {@code newKey} as the next master key version, and replaces the
   * verification record, all in one transaction: afterwards only {@code newKey} opens the vault, and
   * on any failure nothing changed. The secrets themselves are not touched.
   *
   * @throws IllegalArgumentException when {@code newKey} is the current key
   * @throws VaultException when a stored data key does not open (revoke that credential first)
   */
  public RotationResult rotateMasterKey(MasterKey newKey) {
    Objects.requireNonNull(newKey, "newKey");
    Current cur = current.get();
    if (newKey.sameAs(cur.key())) {
      throw new IllegalArgumentException("the new master key is the current one");
    }
    MasterKey next = newKey.copy();
    RotationResult result = transactor.inTransaction(stores -> reseal(stores, cur, next));
    current.set(new Current(next, result.toVersion()));
    return result;
  }

  private RotationResult reseal(Stores stores, Current cur, MasterKey next) {
    KeyCheck check =
        stores.keyChecks().latest().orElseThrow(() -> new VaultException("the vault has no master key check record"));
    verify(cur.key(), check);
    int newVersion = check.keyVersion() + 1;
    int resealed = 0;
    for (SealedCredential row : stores.credentials().listAll()) {
      byte[] dataKey = openDataKey(row, cur);
      try {
        SealedBox box = gcm.seal(next.aesKey(), dataKey, AssociatedData.forDataKey(row.owner(), row.id(), newVersion));
        if (!stores.credentials().updateDataKey(row.id(), row.keyVersion(), box, newVersion)) {
          throw new VaultException("credential " + row.id() + " changed during the rotation");
        }
        resealed++;
      } finally {
        Arrays.fill(dataKey, (byte) 0);
      }
    }
    resealed += resealStepUps(stores, cur, next, newVersion);
    stores.keyChecks().insert(newCheck(gcm, next, newVersion, now(clock)));
    stores.keyChecks().delete(check.keyVersion());
    return new RotationResult(check.keyVersion(), newVersion, resealed);
  }

  /** The TOTP secrets' data keys, re-sealed like the credentials'; answers how many. */
  private int resealStepUps(Stores stores, Current cur, MasterKey next, int newVersion) {
    int resealed = 0;
    for (StepUpState row : stores.stepUps().listSealed()) {
      SealedStepUpSecret sealed = row.totp().orElseThrow();
      byte[] dataKey = openStepUpDataKey(row.user(), sealed, cur);
      try {
        SealedBox box = gcm.seal(next.aesKey(), dataKey, AssociatedData.forStepUpDataKey(row.user(), newVersion));
        if (!stores.stepUps().updateDataKey(row.user(), sealed.keyVersion(), box, newVersion)) {
          throw new VaultException("the step-up secret of " + row.user() + " changed during the rotation");
        }
        resealed++;
      } finally {
        Arrays.fill(dataKey, (byte) 0);
      }
    }
    return resealed;
  }

  private byte[] openStepUpDataKey(UserRef owner, SealedStepUpSecret sealed, Current cur) {
    if (sealed.keyVersion() != cur.version()) {
      throw new VaultException(
          "the step-up secret of " + owner + " is sealed under master key version " + sealed.keyVersion()
              + ", the vault is at version " + cur.version());
    }
    return AesGcm.open(cur.key().aesKey(), sealed.sealedDataKey(), AssociatedData.forStepUpDataKey(owner, sealed.keyVersion()))
        .orElseThrow(() -> unreadableStepUp(owner));
  }

  private static VaultException unreadableStepUp(UserRef owner) {
    return new VaultException(
        "the step-up secret of " + owner + " does not open: its sealed data was altered, copied from another user,"
            + " or sealed under another master key");
  }

  private ApiCredentials unseal(SealedCredential row, Current cur) {
    byte[] dataKey = openDataKey(row, cur);
    try {
      byte[] secret =
          AesGcm.open(
                  new SecretKeySpec(dataKey, "AES"),
                  row.sealedSecret(),
                  AssociatedData.forSecret(row.owner(), row.id(), row.keyType(), row.apiKey()))
              .orElseThrow(() -> unreadable(row));
      try {
        return new ApiCredentials(row.keyType(), row.apiKey(), Secret.ofBytes(secret));
      } finally {
        Arrays.fill(secret, (byte) 0);
      }
    } finally {
      Arrays.fill(dataKey, (byte) 0);
    }
  }

  private byte[] openDataKey(SealedCredential row, Current cur) {
    if (row.keyVersion() != cur.version()) {
      throw new VaultException(
          "credential " + row.id() + " is sealed under master key version " + row.keyVersion()
              + ", the vault is at version " + cur.version());
    }
    return AesGcm.open(cur.key().aesKey(), row.sealedDataKey(), AssociatedData.forDataKey(row.owner(), row.id(), row.keyVersion()))
        .orElseThrow(() -> unreadable(row));
  }

  private static VaultException unreadable(SealedCredential row) {
    return new VaultException(
        "credential " + row.id() + " of " + row.owner() + " does not open: its sealed data was altered, "
            + "copied from another user or credential, or sealed under another master key");
  }

  private static void verify(MasterKey key, KeyCheck check) {
    Optional<byte[]> value = AesGcm.open(key.aesKey(), check.sealed(), AssociatedData.forKeyCheck(check.keyVersion()));
    if (value.isEmpty() || !MessageDigest.isEqual(value.get(), CHECK_VALUE)) {
      throw new WrongMasterKeyException(check.keyVersion());
    }
  }

  private static KeyCheck newCheck(AesGcm gcm, MasterKey key, int version, Instant now) {
    return new KeyCheck(version, gcm.seal(key.aesKey(), CHECK_VALUE, AssociatedData.forKeyCheck(version)), now);
  }

  private static CredentialInfo info(SealedCredential row) {
    return new CredentialInfo(row.id(), row.owner(), row.keyType(), row.fingerprint(), row.keyVersion(), row.createdAt());
  }

  private static Instant now(Clock clock) {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
