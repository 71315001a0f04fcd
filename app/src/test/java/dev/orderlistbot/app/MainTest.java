package dev.orderlistbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.core.domain.ApiCredentials;
import dev.orderlistbot.core.domain.CredentialId;
import dev.orderlistbot.core.domain.KeyType;
import dev.orderlistbot.core.domain.Secret;
import dev.orderlistbot.core.port.out.SealedStepUpSecret;
import dev.orderlistbot.core.port.out.StepUpState;
import dev.orderlistbot.core.domain.UserRef;
import dev.orderlistbot.core.security.AesGcmKeyVault;
import dev.orderlistbot.core.security.MasterKey;
import dev.orderlistbot.db.Database;
import dev.orderlistbot.db.DbConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line end to end, in-process, with the environment passed as a map. */
class MainTest {
  private static final String SECRET = "Zx9-hmac-secret-that-must-never-leave-the-vault-4TqLw8Pn2Rv6Yb1Kc";
  private final SecureRandom random = new SecureRandom();
  private final UserRef alice = new UserRef("telegram", "1001");
  private final UserRef bob = new UserRef("discord", "2002");

  @TempDir Path dir;

  private record Result(int code, String out, String err) {
    String all() {
      return out + err;
    }
  }

  private Result run(Map<String, String> env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(args, env, new PrintWriter(out), new PrintWriter(err), Clock.systemUTC(), random);
    return new Result(code, out.toString(), err.toString());
  }

  private Path dataDir() {
    return dir.resolve("data");
  }

  private Map<String, String> env(String... pairs) {
    Map<String, String> env = new HashMap<>(Map.of("BOT_DATA_DIR", dataDir().toString(), "BOT_HTTP_PORT", "0"));
    for (int i = 0; i < pairs.length; i += 2) {
      env.put(pairs[i], pairs[i + 1]);
    }
    return env;
  }

  private Path keyFile(String name, byte[] raw) throws IOException {
    return Files.writeString(dir.resolve(name), Base64.getEncoder().encodeToString(raw) + "\n");
  }

  private byte[] randomKey() {
    byte[] raw = new byte[32];
    random.nextBytes(raw);
    return raw;
  }

  /** Stores credentials as the bot would, through the vault, under {@code raw}. */
  private List<CredentialId> storeCredentials(byte[] raw) {
    try (Database db = Database.open(DbConfig.h2File(dataDir()), Clock.systemUTC())) {
      AesGcmKeyVault vault = AesGcmKeyVault.open(MasterKey.of(raw), db.transactor(), random, Clock.systemUTC());
      return List.of(
          vault.store(alice, new ApiCredentials(KeyType.HMAC, "alice-api-key-123456", Secret.of(SECRET))).id(),
          vault.store(bob, new ApiCredentials(KeyType.HMAC, "bob-api-key-654321", Secret.of(SECRET))).id());
    }
  }

  /** The data files under {@code directory}: all but the console's log, which records every start. */
  private static Map<String, String> checksums(Path directory) {
    Map<String, String> sums = new TreeMap<>();
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.startsWith(directory.resolve("logs"))).toList()) {
        sums.put(directory.relativize(file).toString(),
            HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    return sums;
  }

  @Test
  void withoutACommandTheBotStartsOnPaperInTheConsoleGeneratingAKeyAndStopsAtTheEndOfInput() {
    Result result = run(env("BOT_PAPER_WALK_SECONDS", "0"));

    assertThat(result.code()).isZero();
    assertThat(result.out()).contains("orderlist-bot console, PAPER trading");
    assertThat(dataDir().resolve("master.key")).exists();
    assertThat(run(env("BOT_PAPER_WALK_SECONDS", "0"), "run").code()).isZero();
  }

  @Test
  void aWrongMasterKeyAtStartExitsWithOneNamingTheVariableAndChangesNoFile() throws IOException {
    byte[] right = randomKey();
    String rightText = Base64.getEncoder().encodeToString(right);
    assertThat(run(env("BOT_MASTER_KEY", rightText)).code()).isZero();
    storeCredentials(right);
    Map<String, String> before = checksums(dataDir());
    String wrongText = Base64.getEncoder().encodeToString(randomKey());

    Result result = run(env("BOT_MASTER_KEY", wrongText));

    assertThat(result.code()).isEqualTo(1);
    assertThat(result.err()).startsWith("error: BOT_MASTER_KEY: ").contains("does not open this vault");
    assertThat(result.all()).doesNotContain(wrongText).doesNotContain(rightText).doesNotContain(SECRET);
    assertThat(checksums(dataDir())).isEqualTo(before);
  }

  @Test
  void rotateReSealsEveryDataKeySoOnlyTheNewKeyOpensTheVault() throws IOException {
    byte[] oldKey = randomKey();
    byte[] newKey = randomKey();
    Path oldFile = keyFile("old.key", oldKey);
    Path newFile = keyFile("new.key", newKey);
    List<CredentialId> ids = storeCredentials(oldKey);

    Result rotated = run(env("BOT_MASTER_KEY_FILE", oldFile.toString()), "master-key", "rotate", "--new-key-file", newFile.toString());

    assertThat(rotated.code()).as(rotated.err()).isZero();
    assertThat(rotated.out()).contains("from version 1 to 2").contains("2 data key(s) re-sealed").contains(newFile.toAbsolutePath().toString());
    Result withOld = run(env("BOT_MASTER_KEY_FILE", oldFile.toString()));
    assertThat(withOld.code()).isEqualTo(1);
    assertThat(withOld.err()).contains("BOT_MASTER_KEY_FILE").contains("does not open this vault");
    assertThat(run(env("BOT_MASTER_KEY_FILE", newFile.toString())).code()).isZero();
    try (Database db = Database.open(DbConfig.h2File(dataDir()), Clock.systemUTC())) {
      AesGcmKeyVault vault = AesGcmKeyVault.open(MasterKey.of(newKey), db.transactor(), random, Clock.systemUTC());
      assertThat(vault.open(alice, ids.get(0)).orElseThrow().secret().reveal()).isEqualTo(SECRET);
      assertThat(vault.open(bob, ids.get(1)).orElseThrow().secret().reveal()).isEqualTo(SECRET);
    }
    String printed = rotated.all() + withOld.all();
    assertThat(printed).doesNotContain(SECRET)
        .doesNotContain(Base64.getEncoder().encodeToString(oldKey).substring(0, 12))
        .doesNotContain(Base64.getEncoder().encodeToString(newKey).substring(0, 12));
  }

  @Test
  void rotateReSealsAStepUpSecretTooAndNeverPrintsIt() throws IOException {
    byte[] oldKey = randomKey();
    byte[] newKey = randomKey();
    Path oldFile = keyFile("old.key", oldKey);
    Path newFile = keyFile("new.key", newKey);
    storeCredentials(oldKey);
    String totp = "alice-totp-secret-20b";
    try (Database db = Database.open(DbConfig.h2File(dataDir()), Clock.systemUTC())) {
      AesGcmKeyVault vault = AesGcmKeyVault.open(MasterKey.of(oldKey), db.transactor(), random, Clock.systemUTC());
      SealedStepUpSecret sealed = vault.sealStepUpSecret(alice, Secret.of(totp));
      db.stores().stepUps().save(StepUpState.none(alice, Instant.now()).withPendingTotp(sealed, Instant.now()));
    }

    Result rotated = run(env("BOT_MASTER_KEY_FILE", oldFile.toString()), "master-key", "rotate", "--new-key-file", newFile.toString());

    assertThat(rotated.code()).as(rotated.err()).isZero();
    assertThat(rotated.out()).contains("3 data key(s) re-sealed");
    try (Database db = Database.open(DbConfig.h2File(dataDir()), Clock.systemUTC())) {
      AesGcmKeyVault vault = AesGcmKeyVault.open(MasterKey.of(newKey), db.transactor(), random, Clock.systemUTC());
      SealedStepUpSecret sealed = db.stores().stepUps().find(alice).orElseThrow().totp().orElseThrow();
      assertThat(vault.openStepUpSecret(alice, sealed).reveal()).isEqualTo(totp);
    }
    assertThat(rotated.all()).doesNotContain(totp);
  }

  @Test
  void rotatingFromTheGeneratedKeyTellsToDeleteTheOldFile() throws IOException {
    assertThat(run(env()).code()).isZero();
    Path newFile = keyFile("new.key", randomKey());

    Result rotated = run(env(), "master-key", "rotate", "--new-key-file", newFile.toString());

    assertThat(rotated.code()).isZero();
    assertThat(rotated.out()).contains("master.key still holds the old, now useless key");
    assertThat(run(env()).err()).contains("does not open this vault");
  }

  @Test
  void rotatingToTheCurrentKeyFailsAndChangesNothing() throws IOException {
    byte[] key = randomKey();
    Path file = keyFile("same.key", key);
    storeCredentials(key);
    Map<String, String> before = checksums(dataDir());

    Result result = run(env("BOT_MASTER_KEY_FILE", file.toString()), "master-key", "rotate", "--new-key-file", file.toString());

    assertThat(result.code()).isEqualTo(1);
    assertThat(result.err()).contains("--new-key-file").contains("current one").contains("nothing was changed");
    assertThat(run(env("BOT_MASTER_KEY_FILE", file.toString())).code()).isZero();
    assertThat(before).isNotEmpty();
  }

  @Test
  void aMalformedNewKeyFileIsNamed() throws IOException {
    Path bad = Files.writeString(dir.resolve("bad.key"), "too-short");
    Result result = run(env(), "master-key", "rotate", "--new-key-file", bad.toString());
    assertThat(result.code()).isEqualTo(1);
    assertThat(result.err()).startsWith("error: --new-key-file (").doesNotContain("too-short");
  }

  @Test
  void usageErrorsExitWithTwo() {
    assertThat(run(env(), "master-key", "rotate").code()).isEqualTo(2);
    assertThat(run(env(), "master-key").code()).isEqualTo(2);
    assertThat(run(env(), "launch-rockets").code()).isEqualTo(2);
    Result help = run(env(), "--help");
    assertThat(help.code()).isZero();
    assertThat(help.out()).contains("master-key").contains("run");
  }

  @Test
  void aMalformedBotMasterKeyExitsWithOneNamingTheVariable() {
    Result result = run(env("BOT_MASTER_KEY", "not base64 at all"));
    assertThat(result.code()).isEqualTo(1);
    assertThat(result.err()).startsWith("error: BOT_MASTER_KEY: ").doesNotContain("not base64 at all");
    assertThat(dataDir()).doesNotExist();
  }
}
