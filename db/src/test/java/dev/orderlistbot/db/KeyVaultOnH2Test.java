package dev.orderlistbot.db;

import dev.orderlistbot.testing.LogCapture;
import static dev.orderlistbot.db.VaultFixture.API_KEY;
import static dev.orderlistbot.db.VaultFixture.ED25519_PEM;
import static dev.orderlistbot.db.VaultFixture.HMAC_SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderlistbot.core.domain.ApiCredentials;
import dev.orderlistbot.core.domain.CredentialId;
import dev.orderlistbot.core.domain.KeyType;
import dev.orderlistbot.core.domain.Secret;
import dev.orderlistbot.core.domain.UserRef;
import dev.orderlistbot.core.port.out.SealedStepUpSecret;
import dev.orderlistbot.core.port.out.StepUpState;
import dev.orderlistbot.core.security.PinHashes;
import dev.orderlistbot.core.port.out.SealedCredential;
import dev.orderlistbot.core.security.AesGcmKeyVault;
import dev.orderlistbot.core.security.CredentialInfo;
import dev.orderlistbot.core.security.MasterKey;
import dev.orderlistbot.core.security.VaultException;
import dev.orderlistbot.core.security.WrongMasterKeyException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The key vault over the real H2 file store: what reaches the disk, and what happens to tampered rows. */
class KeyVaultOnH2Test {
  private final UserRef alice = new UserRef("telegram", "1001");
  private final UserRef bob = new UserRef("telegram", "2002");

  @TempDir Path dataDir;
  private VaultFixture fx;
  private MasterKey masterKey;
  private Database database;
  private AesGcmKeyVault vault;

  @BeforeEach
  void open() {
    fx = new VaultFixture(dataDir);
    masterKey = MasterKey.generate(fx.random);
    database = fx.openDatabase();
    vault = AesGcmKeyVault.open(masterKey, database.transactor(), fx.random, fx.clock);
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void storedCredentialsOpenForTheirOwnerWithTheOriginalSecret() {
    CredentialInfo info = vault.store(alice, VaultFixture.hmac());

    ApiCredentials opened = vault.open(alice, info.id()).orElseThrow();

    assertThat(opened.type()).isEqualTo(KeyType.HMAC);
    assertThat(opened.apiKey()).isEqualTo(API_KEY);
    assertThat(opened.secret().reveal()).isEqualTo(HMAC_SECRET);
    assertThat(vault.open(bob, info.id())).isEmpty();
  }

  @Test
  void theFingerprintIsTheShortSha256OfTheApiKeyAndListingShowsNoSecret() throws Exception {
    CredentialInfo info = vault.store(alice, VaultFixture.hmac());
    fx.clock.advance(java.time.Duration.ofSeconds(1));
    vault.store(alice, VaultFixture.ed25519());

    String expected = HexFormat.of().formatHex(
        MessageDigest.getInstance("SHA-256").digest(API_KEY.getBytes(StandardCharsets.UTF_8))).substring(0, 16);
    assertThat(info.fingerprint()).isEqualTo(expected);
    List<CredentialInfo> listed = vault.list(alice);
    assertThat(listed).extracting(CredentialInfo::keyType).containsExactly(KeyType.HMAC, KeyType.ED25519);
    assertThat(listed.toString()).doesNotContain(HMAC_SECRET).doesNotContain(API_KEY);
    assertThat(vault.list(bob)).isEmpty();
  }

  @Test
  void withCredentialsWipesTheOpenedSecretAfterUse() {
    CredentialInfo info = vault.store(alice, VaultFixture.hmac());
    AtomicReference<ApiCredentials> seen = new AtomicReference<>();

    String signedWith = vault.withCredentials(alice, info.id(), c -> {
      seen.set(c);
      return c.secret().reveal().substring(0, 4);
    }).orElseThrow();

    assertThat(signedWith).isEqualTo(HMAC_SECRET.substring(0, 4));
    assertThatThrownBy(() -> seen.get().secret().reveal()).isInstanceOf(IllegalStateException.class);
    assertThat(vault.withCredentials(bob, info.id(), c -> "never")).isEmpty();
  }

  @Test
  void revokingDeletesTheCredentialOnlyForItsOwner() {
    CredentialInfo info = vault.store(alice, VaultFixture.hmac());

    assertThat(vault.revoke(bob, info.id())).isFalse();
    assertThat(vault.revoke(alice, info.id())).isTrue();
    assertThat(vault.open(alice, info.id())).isEmpty();
    assertThat(vault.revoke(alice, info.id())).isFalse();
  }

  @Test
  void everySealUsesAFreshNonce() {
    CredentialInfo first = vault.store(alice, VaultFixture.hmac());
    CredentialInfo second = vault.store(alice, VaultFixture.hmac());

    SealedCredential a = database.stores().credentials().find(alice, first.id()).orElseThrow();
    SealedCredential b = database.stores().credentials().find(alice, second.id()).orElseThrow();
    assertThat(a.sealedSecret().nonce()).hasSize(12).isNotEqualTo(b.sealedSecret().nonce());
    assertThat(a.sealedDataKey().nonce()).hasSize(12).isNotEqualTo(b.sealedDataKey().nonce())
        .isNotEqualTo(a.sealedSecret().nonce());
    assertThat(a.sealedSecret().ciphertext()).isNotEqualTo(b.sealedSecret().ciphertext());
  }

  @Test
  void theDatabaseFilesHoldNoPlaintextSecretInAnyEncoding() {
    vault.store(alice, VaultFixture.hmac());
    vault.store(bob, VaultFixture.ed25519());
    database.close();

    for (String secret : List.of(HMAC_SECRET, ED25519_PEM, "MC4CAQAwBQYDK2VwBCIEIJOvvTkWj0sdQ3rKkz9q8pXkq2dVqYl8CwLp1Sg4Xq3d")) {
      byte[] raw = secret.getBytes(StandardCharsets.UTF_8);
      for (byte[] form : List.of(
          raw,
          secret.getBytes(StandardCharsets.UTF_16BE),
          secret.getBytes(StandardCharsets.UTF_16LE),
          Base64.getEncoder().encode(raw),
          Base64.getUrlEncoder().withoutPadding().encode(raw),
          HexFormat.of().formatHex(raw).getBytes(StandardCharsets.US_ASCII),
          HexFormat.of().withUpperCase().formatHex(raw).getBytes(StandardCharsets.US_ASCII))) {
        assertThat(DbFiles.anyContains(dataDir, form))
            .as("a form of the secret %s… in the database files", secret.substring(0, 6))
            .isFalse();
      }
    }
    // the scan sees stored text (the public API key is kept in clear): it would find a plaintext secret
    assertThat(DbFiles.anyContains(dataDir, API_KEY.getBytes(StandardCharsets.UTF_8))).isTrue();
    database = fx.openDatabase();
  }

  @Test
  void aWrongMasterKeyFailsTheReadOnlyCheckAndChangesNoFile() {
    vault.store(alice, VaultFixture.hmac());
    database.close();
    Map<String, String> before = DbFiles.checksums(dataDir);
    MasterKey wrong = MasterKey.generate(fx.random);

    try (Database readOnly = Database.openReadOnlyIfExists(DbConfig.h2File(dataDir), fx.clock).orElseThrow()) {
      assertThatThrownBy(() -> AesGcmKeyVault.verify(wrong, readOnly.transactor()))
          .isInstanceOf(WrongMasterKeyException.class)
          .hasMessageContaining("master key does not open this vault");
      assertThat(AesGcmKeyVault.verify(masterKey, readOnly.transactor())).isTrue();
    }

    assertThat(DbFiles.checksums(dataDir)).isEqualTo(before);
    database = fx.openDatabase();
  }

  @Test
  void openingTheVaultWithAWrongMasterKeyFailsAndWritesNothing() {
    CredentialId id = vault.store(alice, VaultFixture.hmac()).id();
    List<SealedCredential> rows = database.stores().credentials().listAll();
    var check = database.stores().keyChecks().latest();

    assertThatThrownBy(() -> AesGcmKeyVault.open(MasterKey.generate(fx.random), database.transactor(), fx.random, fx.clock))
        .isInstanceOf(WrongMasterKeyException.class);

    assertThat(database.stores().credentials().listAll()).isEqualTo(rows);
    assertThat(database.stores().keyChecks().latest()).isEqualTo(check);
    assertThat(vault.open(alice, id)).isPresent();
  }

  @Test
  void thereIsNothingToCheckBeforeTheFirstStart(@TempDir Path empty) {
    assertThat(Database.openReadOnlyIfExists(DbConfig.h2File(empty), fx.clock)).isEmpty();
    assertThat(DbFiles.all(empty)).isEmpty();
  }

  @Test
  void aFlippedByteInAnySealedColumnFailsToOpen() throws Exception {
    for (String column : List.of("secret_ciphertext", "secret_nonce", "data_key_ciphertext", "data_key_nonce")) {
      CredentialId id = vault.store(alice, VaultFixture.hmac()).id();
      byte[] stored = fx.bytes("SELECT " + column + " FROM api_credential WHERE credential_id = ?", id.toString());
      stored[stored.length / 2] ^= 0x01;
      fx.sql("UPDATE api_credential SET " + column + " = ? WHERE credential_id = ?", stored, id.toString());

      assertThatThrownBy(() -> vault.open(alice, id))
          .as(column)
          .isInstanceOf(VaultException.class)
          .hasMessageContaining("does not open");
    }
  }

  @Test
  void aRowMovedToAnotherUserFailsToOpen() throws Exception {
    CredentialId id = vault.store(alice, VaultFixture.hmac()).id();

    fx.sql("UPDATE api_credential SET owner_user_id = ? WHERE credential_id = ?", bob.userId(), id.toString());

    assertThatThrownBy(() -> vault.open(bob, id)).isInstanceOf(VaultException.class);
    assertThatThrownBy(() -> vault.withCredentials(bob, id, c -> "signed")).isInstanceOf(VaultException.class);
    assertThat(vault.open(alice, id)).isEmpty();
  }

  @Test
  void aRowCopiedUnderAnotherCredentialIdFailsToOpen() throws Exception {
    CredentialId original = vault.store(alice, VaultFixture.hmac()).id();
    CredentialId copy = new CredentialId(UUID.randomUUID());

    fx.sql("INSERT INTO api_credential (credential_id, owner_platform, owner_user_id, key_type, api_key, secret_nonce,"
        + " secret_ciphertext, data_key_nonce, data_key_ciphertext, key_version, fingerprint, created_at)"
        + " SELECT ?, owner_platform, owner_user_id, key_type, api_key, secret_nonce, secret_ciphertext,"
        + " data_key_nonce, data_key_ciphertext, key_version, fingerprint, created_at FROM api_credential"
        + " WHERE credential_id = ?", copy.toString(), original.toString());

    assertThatThrownBy(() -> vault.open(alice, copy)).isInstanceOf(VaultException.class);
    assertThat(vault.open(alice, original)).isPresent();
  }

  @Test
  void secretsSwappedBetweenTwoCredentialsFailToOpen() throws Exception {
    CredentialId one = vault.store(alice, VaultFixture.hmac()).id();
    CredentialId two = vault.store(alice, VaultFixture.hmac()).id();
    byte[] nonce = fx.bytes("SELECT secret_nonce FROM api_credential WHERE credential_id = ?", one.toString());
    byte[] sealed = fx.bytes("SELECT secret_ciphertext FROM api_credential WHERE credential_id = ?", one.toString());

    fx.sql("UPDATE api_credential SET secret_nonce = ?, secret_ciphertext = ? WHERE credential_id = ?",
        nonce, sealed, two.toString());

    assertThatThrownBy(() -> vault.open(alice, two)).isInstanceOf(VaultException.class);
  }

  @Test
  void aStepUpPinHashAndTotpSecretLeaveNoPlaintextInTheDatabaseFiles() {
    String pin = "480315";
    byte[] totpSecret = "totp-20-random-bytes".getBytes(StandardCharsets.US_ASCII);
    String base32 = "ORXXI4BNGIYC24TBNZSG63JNMJ4XIZLT";
    StepUpState state =
        StepUpState.none(alice, fx.clock.instant())
            .withPin(PinHashes.hash(Secret.of(pin), fx.random), fx.clock.instant());
    database.stores().stepUps().save(state);
    SealedStepUpSecret sealed = vault.sealStepUpSecret(bob, Secret.ofBytes(totpSecret));
    database.stores().stepUps().save(StepUpState.none(bob, fx.clock.instant()).withPendingTotp(sealed, fx.clock.instant()));
    assertThat(vault.openStepUpSecret(bob, database.stores().stepUps().find(bob).orElseThrow().totp().orElseThrow()).bytes())
        .isEqualTo(totpSecret);
    database.close();

    for (byte[] form : List.of(
        pin.getBytes(StandardCharsets.US_ASCII),
        pin.getBytes(StandardCharsets.UTF_16BE),
        totpSecret,
        base32.getBytes(StandardCharsets.US_ASCII),
        Base64.getEncoder().encode(totpSecret),
        HexFormat.of().formatHex(totpSecret).getBytes(StandardCharsets.US_ASCII))) {
      assertThat(DbFiles.anyContains(dataDir, form)).as("a PIN or TOTP secret in the database files").isFalse();
    }
    // the scan sees stored text: the PIN's hash is kept, and found
    assertThat(DbFiles.anyContains(dataDir, "$argon2id$v=19$".getBytes(StandardCharsets.US_ASCII))).isTrue();
    database = fx.openDatabase();
  }

  @Test
  void noSecretReachesALogLineAnExceptionMessageOrAToString() throws Exception {
    List<String> texts = new ArrayList<>();
    try (LogCapture logs = new LogCapture()) {
      ApiCredentials credentials = VaultFixture.hmac();
      texts.add(credentials.toString());
      texts.add(masterKey.toString());
      CredentialInfo info = vault.store(alice, credentials);
      texts.add(info.toString());
      ApiCredentials opened = vault.open(alice, info.id()).orElseThrow();
      texts.add(opened.toString());
      texts.add(opened.secret().toString());
      texts.add(database.stores().credentials().find(alice, info.id()).orElseThrow().toString());
      fx.sql("UPDATE api_credential SET owner_user_id = ? WHERE credential_id = ?", bob.userId(), info.id().toString());
      try {
        vault.open(bob, info.id());
      } catch (VaultException e) {
        texts.add(e.toString());
      }
      try {
        AesGcmKeyVault.open(MasterKey.generate(fx.random), database.transactor(), fx.random, fx.clock);
      } catch (WrongMasterKeyException e) {
        texts.add(e.toString());
      }
      texts.addAll(logs.lines());
    }
    try (LogCapture logs = new LogCapture()) {
      Secret totp = Secret.of("totp-secret-in-clear");
      SealedStepUpSecret sealed = vault.sealStepUpSecret(alice, totp);
      texts.add(sealed.toString());
      texts.add(StepUpState.none(alice, fx.clock.instant()).withPendingTotp(sealed, fx.clock.instant()).toString());
      try {
        vault.openStepUpSecret(bob, sealed);
      } catch (VaultException e) {
        texts.add(e.toString());
      }
      texts.addAll(logs.lines());
    }
    assertThat(String.join("\n", texts)).doesNotContain("totp-secret-in-clear");
    assertThat(texts).hasSizeGreaterThan(7);
    assertThat(String.join("\n", texts))
        .doesNotContain(HMAC_SECRET)
        .doesNotContain(HMAC_SECRET.substring(0, 12))
        .doesNotContain(Base64.getEncoder().encodeToString(HMAC_SECRET.getBytes(StandardCharsets.UTF_8)).substring(0, 16))
        .doesNotContain(API_KEY);
  }
}
