package dev.orderlistbot.core.engine;

import java.util.Optional;
import dev.orderlistbot.core.domain.KeyType;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.core.command.CommandSpec;
import dev.orderlistbot.core.domain.TradingEnvironment;
import dev.orderlistbot.core.domain.UserRef;
import java.math.BigDecimal;
import dev.orderlistbot.core.port.out.ExchangeError;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FiguresAndRepliesTest {

  @Test
  void numbersAreExactWithThousandsSeparators() {
    assertThat(Figures.number(new BigDecimal("32000"))).isEqualTo("32,000");
    assertThat(Figures.number(new BigDecimal("1234567.8910"))).isEqualTo("1,234,567.891");
    assertThat(Figures.number(new BigDecimal("0.00012"))).isEqualTo("0.00012");
    assertThat(Figures.number(new BigDecimal("-1000.5"))).isEqualTo("-1,000.5");
    assertThat(Figures.percent(new BigDecimal("6.67"))).isEqualTo("+6.67%");
    assertThat(Figures.percent(new BigDecimal("-3.33"))).isEqualTo("-3.33%");
  }

  @Test
  void slowDownSaysTheLimitAndTheWaitInWholeSecondsRoundedUp() {
    EngineConfig.CommandLimit limit = new EngineConfig.CommandLimit(20, Duration.ofSeconds(60));

    assertThat(Replies.slowDown(limit, Duration.ofMillis(44_500)))
        .startsWith("Slow down: you sent 20 commands in 60 seconds")
        .contains("Try again in 45 s");
    assertThat(Replies.slowDown(limit, Duration.ofMillis(10))).contains("Try again in 1 s");
  }

  @Test
  void aReadHeldBackForTheUsersShareSaysWhenAndThatTradingStillWorks() {
    String reply =
        Replies.exchangeError(
            new ExchangeError.HeldBack(
                Instant.parse("2026-03-01T10:01:00Z"),
                "You used your share of Binance's request weight: 1500 a minute for each user of this bot."));

    assertThat(reply)
        .startsWith("You used your share of Binance's request weight")
        .contains("Nothing was sent")
        .contains(Figures.time(Instant.parse("2026-03-01T10:01:00Z")))
        .contains("Placing and cancelling order lists still works");
  }

  @Test
  void helpListsEveryCommandOfTheParsersTable() {
    String help = Replies.help();

    for (CommandSpec spec : CommandSpec.values()) {
      assertThat(help).contains(spec.usage()).contains(spec.summary());
    }
  }

  @Test
  void theWelcomeNamesTheEnvironmentAndSaysPaperNeedsNoKey() {
    assertThat(Replies.welcome(TradingEnvironment.PAPER)).contains("PAPER").contains("no API key is needed");
    assertThat(Replies.welcome(TradingEnvironment.LIVE)).contains("LIVE").contains("/keygen").contains("/setkey");
  }

  @Test
  void anUnauthorizedUserIsToldTheirOwnIdAndHowTheOperatorAllowsIt() {
    assertThat(Replies.notAllowed(new UserRef("telegram", "123")))
        .contains("telegram:123")
        .contains("BOT_ALLOWED_USERS");
  }

  @Test
  void deliveryBackOffDoublesFromFiveSecondsUpToFifteenMinutes() {
    assertThat(NotificationDispatcher.backoff(1)).isEqualTo(Duration.ofSeconds(5));
    assertThat(NotificationDispatcher.backoff(2)).isEqualTo(Duration.ofSeconds(10));
    assertThat(NotificationDispatcher.backoff(3)).isEqualTo(Duration.ofSeconds(20));
    assertThat(NotificationDispatcher.backoff(40)).isEqualTo(Duration.ofMinutes(15));
  }

  @Test
  void theConsoleUserIsAlwaysAllowedAndOthersOnlyWhenListed() {
    UserRef alice = new UserRef("telegram", "1");
    EngineConfig config = EngineConfig.of(TradingEnvironment.PAPER, java.util.Set.of(alice), java.util.Set.of());

    assertThat(config.allows(EngineConfig.CONSOLE_USER)).isTrue();
    assertThat(config.allows(alice)).isTrue();
    assertThat(config.allows(new UserRef("telegram", "2"))).isFalse();
  }

  @Test
  void aStoredKeySaysWhetherBinanceLetsTheAccountTrade() {
    assertThat(Replies.keyStored(KeyType.ED25519, "7513f254973c0586", Optional.of(true)))
        .startsWith("🔑 Key stored: Ed25519, fingerprint 7513f254973c0586.")
        .contains("your account can trade");
    assertThat(Replies.keyStored(KeyType.HMAC, "7513f254973c0586", Optional.of(false)))
        .contains("cannot trade")
        .contains("refused until trading is enabled");
    assertThat(Replies.keyStored(KeyType.RSA, "7513f254973c0586", Optional.empty()))
        .contains("checked on your first order");
  }
}
