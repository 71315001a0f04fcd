package dev.orderlistbot.core.engine;

import static dev.orderlistbot.core.engine.TestBot.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.binance.BinanceConfig;
import dev.orderlistbot.binance.BinanceStub;
import dev.orderlistbot.core.domain.TradingEnvironment;
import dev.orderlistbot.core.port.out.AuditAction;
import dev.orderlistbot.core.security.CredentialInfo;
import dev.orderlistbot.testing.LogCapture;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16, key posture: {@code /setkey} reads what the key may do from a loopback Binance (the real
 * client; the stub answers only correctly signed requests) and refuses a key that can withdraw
 * unless the operator allows it, warns about a key usable from any IP or able to trade margin or
 * futures, fails closed on LIVE when Binance cannot tell, and says so where the environment cannot
 * answer. {@code /keys} shows the posture and when it was checked.
 */
class KeyPostureTest {
  private static final String API_KEY = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";
  private static final String SECRET = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";
  private static final String ACCOUNT =
      "{\"canTrade\":true,\"balances\":[{\"asset\":\"USDT\",\"free\":\"1000\",\"locked\":\"0\"}],\"permissions\":[\"SPOT\"]}";
  private static final String SETKEY = "/setkey " + API_KEY + " " + SECRET;

  @TempDir Path dir;
  private BinanceStub binance;
  private TestBot bot;
  private LogCapture logs;

  @BeforeEach
  void start() {
    logs = new LogCapture();
    binance = new BinanceStub();
    binance.serverTime(System.currentTimeMillis());
    binance.account(API_KEY, SECRET, ACCOUNT);
  }

  @AfterEach
  void stop() {
    if (bot != null) {
      bot.close();
    }
    binance.close();
    logs.close();
  }

  private TestBot on(TradingEnvironment environment, KeyPosturePolicy policy) {
    BinanceConfig.Environment binanceEnvironment = BinanceConfig.Environment.valueOf(environment.name());
    bot =
        new TestBot(
            dir,
            EngineConfig.of(environment, Set.of(ALICE), Set.of()).withKeyPosture(policy),
            binance.client(Clock.systemUTC(), binanceEnvironment),
            Optional.empty(),
            Optional.of(new RecordingEventSource()));
    return bot;
  }

  private TestBot onLive() {
    return on(TradingEnvironment.LIVE, KeyPosturePolicy.DEFAULT);
  }

  @Test
  void aKeyThatCanWithdrawIsRefusedOnLiveSayingHowToFixItAndNothingIsStored() {
    binance.apiRestrictions(API_KEY, SECRET, true, true, false, false);
    onLive();

    bot.say(ALICE, SETKEY);

    assertThat(bot.lastReply(ALICE))
        .startsWith("🚫 Key not stored: Binance says this key (fingerprint ")
        .contains("can withdraw funds")
        .contains("untick “Enable Withdrawals”, save, then send /setkey again");
    assertThat(bot.vault().list(ALICE)).isEmpty();
    assertThat(bot.audit(ALICE))
        .anySatisfy(entry -> {
          assertThat(entry.action()).isEqualTo(AuditAction.CREDENTIALS_REFUSED);
          assertThat(entry.subject()).startsWith("key:").endsWith(" withdrawals-enabled");
        })
        .noneSatisfy(entry -> assertThat(entry.action()).isEqualTo(AuditAction.CREDENTIALS_STORED));
    assertThat(binance.count("GET", BinanceStub.API_RESTRICTIONS)).isEqualTo(1);
    assertNoSecretAnywhere();
  }

  @Test
  void aKeyThatCanWithdrawIsStoredWithAWarningWhenTheOperatorAllowsIt() {
    binance.apiRestrictions(API_KEY, SECRET, true, true, false, false);
    on(TradingEnvironment.LIVE, new KeyPosturePolicy(true));

    bot.say(ALICE, SETKEY);

    assertThat(bot.vault().list(ALICE)).hasSize(1);
    assertThat(bot.lastReply(ALICE))
        .startsWith("🔑 Key stored: HMAC")
        .contains("⚠️ This key can withdraw funds. The operator of this bot allows such keys");
    bot.say(ALICE, "/keys");
    assertThat(bot.lastReply(ALICE)).contains("posture: trusted IPs only, ⚠️ can withdraw (allowed by the operator), Spot only");
    assertNoSecretAnywhere();
  }

  @Test
  void aKeyUsableFromAnyIpIsStoredWithAWarningToWhitelistTheBotsAddress() {
    binance.apiRestrictions(API_KEY, SECRET, false, false, false, false);
    onLive();

    bot.say(ALICE, SETKEY);

    assertThat(bot.vault().list(ALICE)).hasSize(1);
    assertThat(bot.lastReply(ALICE))
        .contains("⚠️ This key works from any IP address")
        .contains("“Restrict access to trusted IPs only”")
        .doesNotContain("withdraw");
  }

  @Test
  void aKeyThatCanTradeMarginOrFuturesIsStoredWithAWarning() {
    binance.apiRestrictions(API_KEY, SECRET, true, false, true, true);
    onLive();

    bot.say(ALICE, SETKEY);

    assertThat(bot.vault().list(ALICE)).hasSize(1);
    assertThat(bot.lastReply(ALICE)).contains("⚠️ This key can also trade margin and futures. The bot trades Spot only");
    bot.say(ALICE, "/keys");
    assertThat(bot.lastReply(ALICE)).contains("posture: trusted IPs only, no withdrawals, ⚠️ also margin, futures");
  }

  @Test
  void whenBinanceCannotTellTheKeyIsNotStoredOnLiveAndTheTraderMayRetry() {
    binance.apiRestrictionsFail(503, "<html>Service Unavailable</html>");
    onLive();

    bot.say(ALICE, SETKEY);

    assertThat(bot.lastReply(ALICE))
        .startsWith("🚫 Key not stored: I could not read this key's restrictions from Binance")
        .contains("on LIVE a key is stored only once I know it cannot withdraw")
        .contains("Nothing was saved: send /setkey again in a minute.");
    assertThat(bot.vault().list(ALICE)).isEmpty();
    assertThat(bot.audit(ALICE))
        .anySatisfy(entry -> {
          assertThat(entry.action()).isEqualTo(AuditAction.CREDENTIALS_REFUSED);
          assertThat(entry.subject()).endsWith(" posture-unread");
        });
    assertNoSecretAnywhere();
  }

  @Test
  void aKeyRefusedByBinanceIsNotAskedForItsPosture() {
    binance.apiRestrictions(API_KEY, SECRET, true, false, false, false);
    onLive();

    bot.say(ALICE, "/setkey " + API_KEY + " wrong" + SECRET.substring(5));

    assertThat(bot.vault().list(ALICE)).isEmpty();
    assertThat(binance.count("GET", BinanceStub.API_RESTRICTIONS)).isZero();
  }

  @Test
  void testnetStoresTheKeyWithoutAskingAndSaysThePostureWasNotChecked() {
    binance.apiRestrictions(API_KEY, SECRET, false, true, false, false);
    on(TradingEnvironment.TESTNET, KeyPosturePolicy.DEFAULT);

    bot.say(ALICE, SETKEY);

    assertThat(bot.vault().list(ALICE)).hasSize(1);
    assertThat(bot.lastReply(ALICE))
        .contains("Key posture not checked on TESTNET: Binance Spot Testnet has no endpoint that tells what a key may do");
    assertThat(binance.count("GET", BinanceStub.API_RESTRICTIONS)).isZero();
    bot.say(ALICE, "/keys");
    assertThat(bot.lastReply(ALICE)).contains("posture: not checked on TESTNET: Binance Spot Testnet has no endpoint");
  }

  @Test
  void demoModeThatDoesNotServeTheEndpointStoresTheKeyAndSaysSo() {
    binance.apiRestrictionsFail(404, "<html>Not Found</html>");
    on(TradingEnvironment.DEMO, KeyPosturePolicy.DEFAULT);

    bot.say(ALICE, SETKEY);

    assertThat(bot.vault().list(ALICE)).hasSize(1);
    assertThat(bot.lastReply(ALICE))
        .contains("Key posture not checked on DEMO: Binance Demo Mode does not serve the endpoint that tells what a key may do.");
  }

  @Test
  void demoModeThatFailsToAnswerStoresTheKeyAndSaysWhy() {
    binance.apiRestrictionsFail(503, "<html>Service Unavailable</html>");
    on(TradingEnvironment.DEMO, KeyPosturePolicy.DEFAULT);

    bot.say(ALICE, SETKEY);

    assertThat(bot.vault().list(ALICE)).hasSize(1);
    assertThat(bot.lastReply(ALICE)).contains("Key posture not checked on DEMO: Binance did not answer when the key was stored.");
  }

  @Test
  void keysShowsEachKeysPostureAndWhenItWasChecked() {
    binance.apiRestrictions(API_KEY, SECRET, true, false, false, false);
    onLive();
    bot.say(ALICE, SETKEY);
    CredentialInfo stored = bot.vault().list(ALICE).getFirst();

    bot.say(ALICE, "/keys");

    assertThat(bot.lastReply(ALICE))
        .isEqualTo(
            "Your keys:\n• HMAC · fingerprint " + stored.fingerprint() + " · added 2026-03-01 10:00:00 UTC\n"
                + "  posture: trusted IPs only, no withdrawals, Spot only · checked 2026-03-01 10:00:00 UTC");
  }

  @Test
  void onPaperKeysSaysThereIsNoKeyPostureToCheck(@TempDir Path other) {
    try (TestBot paper = TestBot.withFakeExchange(other, TradingEnvironment.PAPER, new RecordingEventSource())) {
      paper.say(ALICE, "/keys");

      assertThat(paper.lastReply(ALICE))
          .startsWith("In PAPER mode no API key is needed")
          .endsWith("Key posture not checked on PAPER: the paper exchange uses no Binance key, so there is nothing to check.");
    }
  }

  private void assertNoSecretAnywhere() {
    assertThat(bot.telegram.transcript()).doesNotContain(SECRET);
    assertThat(logs.all()).doesNotContain(SECRET);
  }
}
