package dev.orderlistbot.core.engine;

import dev.orderlistbot.testing.LogCapture;
import static dev.orderlistbot.core.engine.TestBot.ALICE;
import static dev.orderlistbot.core.engine.TestBot.GROUP;
import static dev.orderlistbot.core.engine.TestBot.MALLORY;
import static dev.orderlistbot.core.engine.TestBot.dm;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.core.chat.MessageRef;
import dev.orderlistbot.core.domain.ApiCredentials;
import dev.orderlistbot.core.domain.KeyType;
import dev.orderlistbot.core.domain.TradingEnvironment;
import dev.orderlistbot.core.port.out.AuditAction;
import dev.orderlistbot.core.security.CredentialInfo;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** API keys: private chats only, every secret-bearing message deleted, nothing secret ever shown or logged. */
class KeyFlowTest {
  private static final String API_KEY = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";
  private static final String HMAC_SECRET = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";

  @TempDir Path dir;
  private TestBot bot;
  private FakeExchange exchange;
  private RecordingEventSource events;
  private LogCapture logs;

  @BeforeEach
  void start() {
    logs = new LogCapture();
    events = new RecordingEventSource();
    bot = TestBot.withFakeExchange(dir, TradingEnvironment.TESTNET, events);
    exchange = (FakeExchange) bot.exchange;
  }

  @AfterEach
  void stop() {
    bot.close();
    logs.close();
  }

  @Test
  void setkeyInAGroupIsRefusedDeletedAndNothingIsStored() {
    MessageRef line = bot.sayInGroup(ALICE, "/setkey " + API_KEY + " " + HMAC_SECRET);

    assertThat(bot.telegram.deleted()).containsExactly(line);
    assertThat(bot.lastReply(GROUP)).contains("only in a private chat").contains("I deleted your message");
    assertThat(bot.vault().list(ALICE)).isEmpty();
    assertNoSecretAnywhere(HMAC_SECRET);
  }

  @Test
  void otherKeyCommandsAreRefusedInAGroupToo() {
    bot.sayInGroup(ALICE, "/keygen");

    assertThat(bot.lastReply(GROUP)).isEqualTo(Replies.keysPrivateOnly(false, false));
    assertThat(bot.vault().list(ALICE)).isEmpty();
  }

  @Test
  void setkeyInPrivateIsTestedStoredAndItsMessageDeleted() {
    MessageRef line = bot.say(ALICE, "/setkey " + API_KEY + " " + HMAC_SECRET);

    assertThat(bot.telegram.deleted()).containsExactly(line);
    CredentialInfo stored = bot.vault().list(ALICE).getFirst();
    assertThat(stored.keyType()).isEqualTo(KeyType.HMAC);
    assertThat(bot.lastReply(ALICE))
        .startsWith("🔑 Key stored: HMAC, fingerprint " + stored.fingerprint())
        .contains("trading permission is checked on your first order");
    assertThat(exchange.apiKeysSeen).contains(API_KEY);
    assertThat(events.watched).containsExactly(ALICE + " " + API_KEY);
    assertThat(bot.audit(ALICE)).anySatisfy(e -> assertThat(e.action()).isEqualTo(AuditAction.CREDENTIALS_STORED));
    assertNoSecretAnywhere(HMAC_SECRET);
    assertThat(logs.all()).doesNotContain(API_KEY);
  }

  @Test
  void aStoredKeyLetsTheTraderPreviewAndPlaceWithIt() {
    bot.say(ALICE, "/setkey " + API_KEY + " " + HMAC_SECRET);
    bot.say(ALICE, "/oco BTCUSDT sell 0.01 tp 32000 sl 29000");
    bot.press(ALICE, bot.lastButtons(dm(ALICE)), Replies.CONFIRM);

    assertThat(bot.lastReply(ALICE)).startsWith("✅ Placed on TESTNET");
    assertThat(exchange.apiKeysSeen).containsOnly(API_KEY);
    assertNoSecretAnywhere(HMAC_SECRET);
  }

  @Test
  void theGuidedSetupAsksForTheKeyThenTheSecretAndDeletesBothAnswers() {
    String pem = KeyMaterial.generateEd25519(new SecureRandom()).privateKeyPem().reveal();
    String body = pem.lines().filter(l -> !l.startsWith("-----")).reduce("", String::concat);

    MessageRef start = bot.say(ALICE, "/setkey");
    String askKey = bot.lastReply(ALICE);
    MessageRef key = bot.say(ALICE, API_KEY);
    String askSecret = bot.lastReply(ALICE);
    MessageRef secret = bot.say(ALICE, pem);

    assertThat(askKey).contains("Send me the API key now");
    assertThat(askSecret).contains("Now send the secret key, or the PEM private key");
    assertThat(bot.telegram.deleted()).containsExactly(start, key, secret);
    assertThat(bot.vault().list(ALICE)).singleElement().satisfies(k -> assertThat(k.keyType()).isEqualTo(KeyType.ED25519));
    assertThat(bot.lastReply(ALICE)).startsWith("🔑 Key stored: Ed25519");
    assertNoSecretAnywhere(body.substring(10, 40));
  }

  @Test
  void theGuidedSetupEndsOnCancelAndOnAnyOtherCommand() {
    bot.say(ALICE, "/setkey");
    bot.say(ALICE, "/cancel");
    String cancelled = bot.lastReply(ALICE);
    bot.say(ALICE, "just chatting");
    String hint = bot.lastReply(ALICE);
    bot.say(ALICE, "/setkey");
    bot.say(ALICE, "/price BTCUSDT");

    assertThat(cancelled).isEqualTo(Replies.setupCancelled());
    assertThat(hint).isEqualTo(Replies.helpHint());
    assertThat(bot.telegram.texts(dm(ALICE))).contains(Replies.setupCancelled());
    assertThat(bot.lastReply(ALICE)).startsWith("BTCUSDT last price");
    assertThat(bot.vault().list(ALICE)).isEmpty();
  }

  @Test
  void aLateAnswerToTheGuidedSetupIsStillDeletedButNotStored() {
    bot.say(ALICE, "/setkey");
    bot.say(ALICE, API_KEY);
    bot.clock.advance(Duration.ofMinutes(6));
    MessageRef late = bot.say(ALICE, HMAC_SECRET);

    assertThat(bot.telegram.deleted()).contains(late);
    assertThat(bot.lastReply(ALICE)).startsWith("Key setup timed out");
    assertThat(bot.vault().list(ALICE)).isEmpty();
    assertNoSecretAnywhere(HMAC_SECRET);
  }

  @Test
  void aSecretPastedWithoutAWaitingSetupIsDeletedAnyway() {
    bot.say(ALICE, "/setkey");
    bot.say(ALICE, API_KEY);
    bot.restart();
    MessageRef pasted = bot.say(ALICE, HMAC_SECRET);
    MessageRef inGroup = bot.sayInGroup(ALICE, HMAC_SECRET);

    assertThat(bot.telegram.deleted()).contains(pasted, inGroup);
    assertThat(bot.lastReply(ALICE)).startsWith("That looked like a key, so I deleted it.");
    assertThat(bot.vault().list(ALICE)).isEmpty();
    assertNoSecretAnywhere(HMAC_SECRET);
  }

  @Test
  void aKeyBinanceRefusesIsNotStored() {
    exchange.rejectedApiKeys.add(API_KEY);

    bot.say(ALICE, "/setkey " + API_KEY + " " + HMAC_SECRET);

    assertThat(bot.lastReply(ALICE)).startsWith("The key was not stored. Binance did not accept your API key");
    assertThat(bot.vault().list(ALICE)).isEmpty();
    assertNoSecretAnywhere(HMAC_SECRET);
  }

  @Test
  void aPemThatIsNotPkcs8IsRefusedWithHowToConvertIt() {
    bot.say(ALICE, "/setkey " + API_KEY + " -----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA\n-----END RSA PRIVATE KEY-----");

    assertThat(bot.lastReply(ALICE)).contains("openssl pkcs8 -topk8 -nocrypt");
    assertThat(bot.vault().list(ALICE)).isEmpty();
  }

  @Test
  void keygenShowsOnlyThePublicKeyAndSetkeyWithTheApiKeyPairsIt() {
    bot.say(ALICE, "/keygen");
    String shown = bot.lastReply(ALICE);
    CredentialInfo pending = bot.vault().list(ALICE).getFirst();
    ApiCredentials sealed = bot.vault().open(ALICE, pending.id()).orElseThrow();
    String privateBody = sealed.secret().reveal().lines().filter(l -> !l.startsWith("-----")).reduce("", String::concat);
    bot.say(ALICE, "/keys");
    String keysBefore = bot.lastReply(ALICE);

    bot.say(ALICE, "/setkey " + API_KEY);
    String stored = bot.lastReply(ALICE);
    bot.say(ALICE, "/keys");

    assertThat(shown)
        .contains("-----BEGIN PUBLIC KEY-----")
        .contains("API Management → Create API → Self-generated")
        .contains("no withdrawals")
        .contains("/setkey API_KEY")
        .doesNotContain("PRIVATE KEY-----");
    assertThat(keysBefore).contains("waiting for /setkey API_KEY");
    assertThat(stored).startsWith("🔑 Key stored: Ed25519");
    assertThat(bot.vault().list(ALICE)).singleElement().satisfies(k -> assertThat(k.keyType()).isEqualTo(KeyType.ED25519));
    assertThat(bot.lastReply(ALICE)).contains("Ed25519 · fingerprint").doesNotContain("waiting");
    assertThat(events.watched).containsExactly(ALICE + " " + API_KEY);
    assertNoSecretAnywhere(privateBody);
    assertNoSecretAnywhere(privateBody.substring(16, 40));
  }

  @Test
  void setkeyWithOnlyAnApiKeyButNoKeygenPairExplainsWhatToDo() {
    bot.say(ALICE, "/setkey " + API_KEY);

    assertThat(bot.lastReply(ALICE)).isEqualTo(Replies.noPendingKeygen());
  }

  @Test
  void keysShowsTypeAndFingerprintAndDelkeyRevokesEverything() {
    bot.say(ALICE, "/setkey " + API_KEY + " " + HMAC_SECRET);
    String fingerprint = bot.vault().list(ALICE).getFirst().fingerprint();

    bot.say(ALICE, "/keys");
    String keys = bot.lastReply(ALICE);
    bot.say(ALICE, "/delkey");

    assertThat(keys).contains("HMAC · fingerprint " + fingerprint).contains("added 2026-03-01");
    assertThat(bot.lastReply(ALICE)).startsWith("Deleted 1 stored key");
    assertThat(bot.vault().list(ALICE)).isEmpty();
    assertThat(events.unwatched).containsExactly(ALICE);
    assertThat(bot.audit(ALICE)).anySatisfy(e -> assertThat(e.action()).isEqualTo(AuditAction.CREDENTIALS_REVOKED));
  }

  @Test
  void aNewKeyReplacesTheOldOne() {
    bot.say(ALICE, "/setkey " + API_KEY + " " + HMAC_SECRET);
    bot.say(ALICE, "/setkey " + API_KEY.replace('v', 'w') + " " + HMAC_SECRET.replace('N', 'M'));

    List<CredentialInfo> keys = bot.vault().list(ALICE);
    assertThat(keys).hasSize(1);
  }

  @Test
  void whenThePlatformCannotDeleteTheTraderIsToldToDoIt() {
    bot.telegram.refuseDeletes();

    bot.say(ALICE, "/setkey " + API_KEY + " " + HMAC_SECRET);

    assertThat(bot.lastReply(ALICE)).contains("I could not delete your message: please delete it yourself");
    assertNoSecretAnywhere(HMAC_SECRET);
  }

  @Test
  void anUnauthorizedUsersSetkeyIsDeletedToo() {
    MessageRef line = bot.say(MALLORY, "/setkey " + API_KEY + " " + HMAC_SECRET);

    assertThat(bot.telegram.deleted()).containsExactly(line);
    assertThat(bot.lastReply(MALLORY)).contains("telegram:666");
    assertNoSecretAnywhere(HMAC_SECRET);
  }

  @Test
  void onPaperNoKeyIsNeededAndASecretBearingLineIsStillDeleted(@TempDir Path other) {
    try (TestBot paper = TestBot.withFakeExchange(other, TradingEnvironment.PAPER, new RecordingEventSource())) {
      MessageRef line = paper.say(ALICE, "/setkey " + API_KEY + " " + HMAC_SECRET);

      assertThat(paper.telegram.deleted()).containsExactly(line);
      assertThat(paper.lastReply(ALICE)).startsWith("In PAPER mode no API key is needed");
      assertThat(paper.vault().list(ALICE)).isEmpty();
    }
  }

  private void assertNoSecretAnywhere(String secret) {
    assertThat(bot.telegram.transcript()).doesNotContain(secret);
    assertThat(logs.all()).doesNotContain(secret);
  }
}
