package dev.orderlistbot.core.security;

import dev.orderlistbot.testing.LogCapture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MasterKeySourceTest {
  private final SecureRandom random = new SecureRandom();
  @TempDir Path dir;

  private static String base64(byte[] raw) {
    return Base64.getEncoder().encodeToString(raw);
  }

  @Test
  void withoutAKeyOneIsGeneratedOwnerOnlyAndAWarningWithoutKeyMaterialIsLogged() throws Exception {
    Path dataDir = dir.resolve("data");
    MasterKey key;
    String logged;
    try (LogCapture logs = new LogCapture()) {
      key = MasterKeySource.fromConfig(Map.of("BOT_DATA_DIR", dataDir.toString())).load(random, true);
      logged = logs.all();
      assertThat(logs.events()).anyMatch(e -> e.getLevel() == Level.WARN);
    }

    Path file = dataDir.resolve("master.key");
    assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
    byte[] raw = Base64.getDecoder().decode(text);
    assertThat(MasterKey.of(raw).sameAs(key)).isTrue();
    assertThat(logged)
        .contains(file.toString())
        .contains("BOT_MASTER_KEY_FILE")
        .contains("outside")
        .doesNotContain(text)
        .doesNotContain(text.substring(0, 12))
        .doesNotContain(HexFormat.of().formatHex(raw).substring(0, 16));
  }

  @Test
  void theGeneratedKeyIsReadBackOnTheNextStart() {
    Map<String, String> config = Map.of("BOT_DATA_DIR", dir.toString());
    MasterKey first = MasterKeySource.fromConfig(config).load(random, true);
    MasterKey second = MasterKeySource.fromConfig(config).load(random, false);
    assertThat(second.sameAs(first)).isTrue();
  }

  @Test
  void noKeyIsGeneratedWhenTheDatabaseAlreadyHoldsSealedCredentials() {
    MasterKeySource source = MasterKeySource.fromConfig(Map.of("BOT_DATA_DIR", dir.toString()));
    assertThatThrownBy(() -> source.load(random, false))
        .isInstanceOf(MasterKeyException.class)
        .hasMessageContaining("BOT_MASTER_KEY")
        .hasMessageContaining("already holds sealed credentials");
    assertThat(dir.resolve("master.key")).doesNotExist();
  }

  @Test
  void aMalformedBotMasterKeyIsAClearErrorNamingTheVariableButNotTheValue() {
    String value = "this-is-not-base64-at-all!!";
    assertThatThrownBy(() -> MasterKeySource.fromConfig(Map.of("BOT_MASTER_KEY", value)))
        .isInstanceOf(MasterKeyException.class)
        .hasMessageStartingWith("BOT_MASTER_KEY: ")
        .hasMessageContaining("not valid base64")
        .hasMessageNotContaining(value)
        .hasMessageNotContaining("!")
        .satisfies(e -> assertThat(((MasterKeyException) e).variable()).isEqualTo("BOT_MASTER_KEY"));
  }

  @Test
  void aBotMasterKeyOfTheWrongLengthIsRejected() {
    String sixteen = base64(new byte[16]);
    assertThatThrownBy(() -> MasterKeySource.fromConfig(Map.of("BOT_MASTER_KEY", sixteen)))
        .isInstanceOf(MasterKeyException.class)
        .hasMessageContaining("BOT_MASTER_KEY")
        .hasMessageContaining("16 bytes")
        .hasMessageNotContaining(sixteen);
  }

  @Test
  void settingBothTheKeyAndTheKeyFileIsAnError() {
    assertThatThrownBy(() -> MasterKeySource.fromConfig(
            Map.of("BOT_MASTER_KEY", base64(new byte[32]), "BOT_MASTER_KEY_FILE", "/run/secrets/k")))
        .isInstanceOf(MasterKeyException.class)
        .hasMessageContaining("only one of BOT_MASTER_KEY and BOT_MASTER_KEY_FILE");
  }

  @Test
  void anInlineKeyIsUsedAsGiven() {
    byte[] raw = new byte[32];
    random.nextBytes(raw);
    MasterKey key = MasterKeySource.fromConfig(Map.of("BOT_MASTER_KEY", base64(raw))).load(random, false);
    assertThat(key.sameAs(MasterKey.of(raw))).isTrue();
    assertThat(dir.resolve("master.key")).doesNotExist();
  }

  @Test
  void aKeyFileMayHoldRawBytesOrBase64Text() throws Exception {
    byte[] raw = new byte[32];
    random.nextBytes(raw);
    raw[0] = '\n';
    Path rawFile = Files.write(dir.resolve("raw.key"), raw);
    Path textFile = Files.writeString(dir.resolve("text.key"), "  " + base64(raw) + "\r\n");

    for (Path file : new Path[] {rawFile, textFile}) {
      MasterKey key = MasterKeySource.fromConfig(Map.of("BOT_MASTER_KEY_FILE", file.toString())).load(random, false);
      assertThat(key.sameAs(MasterKey.of(raw))).as(file.toString()).isTrue();
    }
  }

  @Test
  void aMissingOrMalformedKeyFileIsAClearErrorNamingTheVariable() throws Exception {
    Path missing = dir.resolve("missing.key");
    assertThatThrownBy(() -> MasterKeySource.fromConfig(Map.of("BOT_MASTER_KEY_FILE", missing.toString())).load(random, false))
        .isInstanceOf(MasterKeyException.class)
        .hasMessageContaining("BOT_MASTER_KEY_FILE")
        .hasMessageContaining("cannot read");
    Path bad = Files.writeString(dir.resolve("bad.key"), "c2hvcnQtc2VjcmV0LXRleHQ=");
    assertThatThrownBy(() -> MasterKeySource.fromConfig(Map.of("BOT_MASTER_KEY_FILE", bad.toString())).load(random, false))
        .isInstanceOf(MasterKeyException.class)
        .hasMessageContaining("BOT_MASTER_KEY_FILE")
        .hasMessageContaining("17 bytes")
        .hasMessageNotContaining("c2hvcnQtc2VjcmV0LXRleHQ");
  }

  @Test
  void neitherTheKeyNorItsSourcePrintsKeyMaterial() {
    byte[] raw = new byte[32];
    random.nextBytes(raw);
    String text = base64(raw);
    MasterKeySource source = MasterKeySource.fromConfig(Map.of("BOT_MASTER_KEY", text));
    MasterKey key = source.load(random, false);
    assertThat(source.toString() + key + source.describe()).doesNotContain(text).doesNotContain(text.substring(0, 10));
    assertThat(key.toString()).isEqualTo("MasterKey[***]");
  }

  @Test
  void aDestroyedKeyCannotBeUsed() {
    MasterKey key = MasterKey.generate(random);
    key.destroy();
    assertThatThrownBy(() -> key.sameAs(MasterKey.generate(random))).isInstanceOf(IllegalStateException.class);
  }
}
