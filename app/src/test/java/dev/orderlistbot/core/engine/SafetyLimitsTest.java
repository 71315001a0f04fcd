package dev.orderlistbot.core.engine;

import static dev.orderlistbot.core.engine.TestBot.ALICE;
import static dev.orderlistbot.core.engine.TestBot.BOB;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.core.chat.MessageRef;
import dev.orderlistbot.core.domain.LimitKind;
import dev.orderlistbot.core.domain.Price;
import dev.orderlistbot.core.domain.Symbol;
import dev.orderlistbot.core.domain.TradingEnvironment;
import dev.orderlistbot.core.port.out.AuditAction;
import dev.orderlistbot.core.port.out.ExchangeError;
import dev.orderlistbot.core.port.out.ExchangeException;
import dev.orderlistbot.db.testing.TestDatabases;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 16, limits: every refusal comes in the preview, without a Confirm, naming the limit, the
 * figure and what would pass; exactly at a limit passes. The operator's ceilings bind unless the
 * trader set a lower figure of their own. The fake exchange's BTCUSDT trades at 30000, so the OCO
 * below is 300 USDT.
 */
@ParameterizedClass(name = "on {0}")
@EnumSource(TestDatabases.class)
class SafetyLimitsTest {
  static final String OCO = "/oco BTCUSDT sell 0.01 tp 32000 sl 29000/28900";

  @Parameter TestDatabases databases;
  @TempDir Path dir;
  private TestBot bot;
  private FakeExchange exchange;

  @AfterEach
  void stop() {
    if (bot != null) {
      bot.close();
    }
  }

  private TestBot start(SafetyLimits limits) {
    exchange = new FakeExchange();
    EngineConfig config = EngineConfig.of(TradingEnvironment.PAPER, Set.of(ALICE, BOB), Set.of(BOB)).withLimits(limits);
    bot = new TestBot(databases.fresh(dir), config, exchange, Optional.empty(), Optional.of(new RecordingEventSource()));
    return bot;
  }

  private static SafetyLimits ceiling(LimitKind kind, String amount) {
    return SafetyLimits.NONE.withCeiling(kind, new BigDecimal(amount));
  }

  /** Whether the last answer is a preview with its Confirm. */
  private boolean offered() {
    return bot.lastReply(ALICE).contains("PREVIEW")
        && bot.telegram.lastWithButtons(TestBot.dm(ALICE)).map(ref -> bot.telegram.now(ref).text().contains("PREVIEW")).orElse(false);
  }

  @Test
  void aListExactlyAtThePerListLimitIsOfferedAConfirm() {
    start(ceiling(LimitKind.PER_LIST, "300"));

    bot.say(ALICE, OCO);

    assertThat(offered()).isTrue();
    assertThat(bot.lastReply(ALICE)).contains("PREVIEW");
  }

  @Test
  void aListOverThePerListLimitIsRefusedInThePreviewWithTheFiguresAndWhatWouldPass() {
    start(ceiling(LimitKind.PER_LIST, "299.99"));

    bot.say(ALICE, OCO);

    assertThat(offered()).as("no Confirm on a refused preview").isFalse();
    assertThat(bot.lastReply(ALICE))
        .contains("This list is 300 USDT; your per-list limit is 299.99 USDT (set by the operator): "
            + "at most 0.00999 BTC at 30,000 USDT would pass.");
    assertThat(exchange.placeCalls).hasValue(0);
  }

  @Test
  void aTraderLowersTheirOwnLimitWhichThenBindsAndTheChangeIsAuditedWithOldAndNewFigure() {
    start(ceiling(LimitKind.PER_LIST, "1000"));

    bot.say(ALICE, "/limits list 250");
    assertThat(bot.lastReply(ALICE)).isEqualTo("Your per-list limit is now 250 USDT (the operator's ceiling is 1,000 USDT).");
    bot.say(ALICE, OCO);

    assertThat(bot.lastReply(ALICE)).contains("your per-list limit is 250 USDT (set by you)");
    assertThat(bot.audit(ALICE))
        .anySatisfy(e -> {
          assertThat(e.action()).isEqualTo(AuditAction.LIMITS_CHANGED);
          assertThat(e.subject()).isEqualTo("limits list none -> 250");
        });
  }

  @Test
  void aTraderCannotSetTheirLimitAboveTheOperatorsCeilingButMayRaiseItBackToIt() {
    start(ceiling(LimitKind.PER_LIST, "1000"));

    bot.say(ALICE, "/limits list 1500");
    assertThat(bot.lastReply(ALICE)).contains("1,500 USDT is above the operator's per-list limit of 1,000 USDT")
        .contains("/limits list 1000 or less");
    bot.say(ALICE, "/limits list 200");
    bot.say(ALICE, "/limits list 1000");

    assertThat(bot.lastReply(ALICE)).startsWith("Your per-list limit is now 1,000 USDT");
    assertThat(bot.audit(ALICE)).filteredOn(e -> e.action() == AuditAction.LIMITS_CHANGED)
        .extracting(e -> e.subject())
        .containsExactly("limits list 200 -> 1000", "limits list none -> 200");
  }

  @Test
  void theDaysNotionalCountsWhatWasConfirmedAndRefusesTheListThatWouldPassIt() {
    start(ceiling(LimitKind.PER_DAY, "600"));
    bot.say(ALICE, OCO);
    bot.press(ALICE, bot.lastButtons(TestBot.dm(ALICE)), Replies.CONFIRM);
    bot.say(ALICE, OCO);
    bot.press(ALICE, bot.lastButtons(TestBot.dm(ALICE)), Replies.CONFIRM);
    assertThat(exchange.placeCalls).as("exactly at the day's limit passes").hasValue(2);

    bot.say(ALICE, "/oco BTCUSDT sell 0.00001 tp 32000 sl 29000/28900");

    assertThat(bot.lastReply(ALICE)).contains("This list is 0.3 USDT and you placed 600 USDT today; your daily notional "
        + "limit is 600 USDT (set by the operator): nothing more passes until 00:00 UTC.");
    assertThat(exchange.placeCalls).hasValue(2);
  }

  @Test
  void twoPreviewsEachWithinTheDaysBudgetCannotBothPlaceWhenTheirSumIsOverIt() {
    start(ceiling(LimitKind.PER_DAY, "500"));
    MessageRef first = previewShown();
    MessageRef second = previewShown();

    bot.press(ALICE, first, Replies.CONFIRM);
    bot.press(ALICE, second, Replies.CONFIRM);

    assertThat(exchange.placeCalls).hasValue(1);
    assertThat(bot.telegram.now(second).text())
        .startsWith("Not placed: a limit stops it now")
        .contains("you placed 300 USDT today; your daily notional limit is 500 USDT")
        .contains("at most 0.00666 BTC at 30,000 USDT would pass")
        .contains("This preview is withdrawn");
    assertThat(bot.telegram.now(second).hasButtons()).isFalse();
    assertThat(bot.stores(s -> s.limits().day(ALICE, today())).notionalPlaced()).isEqualByComparingTo("300");
  }

  @Test
  void aLimitTheTraderSetAfterThePreviewStopsItsConfirm() {
    start(SafetyLimits.NONE);
    MessageRef preview = previewShown();
    bot.say(ALICE, "/limits list 100");

    bot.press(ALICE, preview, Replies.CONFIRM);

    assertThat(exchange.placeCalls).hasValue(0);
    assertThat(bot.telegram.now(preview).text()).startsWith("Not placed: a limit stops it now")
        .contains("This list is 300 USDT; your per-list limit is 100 USDT (set by you)");
    assertThat(bot.audit(ALICE)).noneMatch(e -> e.action() == AuditAction.ORDER_LIST_CONFIRMED);
  }

  @Test
  void twoConcurrentConfirmsRacingTheDaysBudgetPlaceOnce() throws Exception {
    start(ceiling(LimitKind.PER_DAY, "500"));
    for (int round = 0; round < 5; round++) {
      MessageRef first = previewShown();
      MessageRef second = previewShown();
      int before = exchange.placeCalls.get();
      Thread one = Thread.ofPlatform().start(() -> bot.press(ALICE, first, Replies.CONFIRM));
      Thread two = Thread.ofPlatform().start(() -> bot.press(ALICE, second, Replies.CONFIRM));
      one.join(30_000);
      two.join(30_000);

      assertThat(exchange.placeCalls.get() - before).as("round %d", round).isEqualTo(round == 0 ? 1 : 0);
      assertThat(bot.stores(s -> s.limits().day(ALICE, today())).notionalPlaced()).isEqualByComparingTo("300");
    }
  }

  @Test
  void theOpenListLimitCountsTheListsStillOpen() {
    start(ceiling(LimitKind.OPEN_LISTS, "1"));
    bot.say(ALICE, OCO);
    bot.press(ALICE, bot.lastButtons(TestBot.dm(ALICE)), Replies.CONFIRM);

    bot.say(ALICE, OCO);

    assertThat(bot.lastReply(ALICE))
        .contains("You have 1 open list and this adds 1; your open-list limit is 1 (set by the operator): cancel one, or wait until one ends.");
  }

  @Test
  void aPairOffTheOperatorsListOrTheTradersWatchListIsRefused() {
    start(SafetyLimits.NONE.withAllowedSymbols(Set.of(Symbol.of("ETHUSDT"))));
    bot.say(ALICE, OCO);
    assertThat(bot.lastReply(ALICE)).contains("BTCUSDT is not on this bot's list of pairs (ETHUSDT): pick one of those.");

    bot.close();
    bot = null;
    dir = dir.resolve("again");
    start(SafetyLimits.NONE);
    bot.say(ALICE, "/limits watch ETHUSDT");
    bot.say(ALICE, OCO);
    assertThat(bot.lastReply(ALICE)).contains("BTCUSDT is not on your watch-list (ETHUSDT): add it with /limits watch ETHUSDT BTCUSDT, "
        + "or allow every pair again with /limits watch off.");
    bot.say(ALICE, "/limits watch off");
    bot.say(ALICE, OCO);
    assertThat(offered()).isTrue();
  }

  @Test
  void aListQuotedInBtcIsValuedInUsdtThroughBtcusdt() {
    start(ceiling(LimitKind.PER_LIST, "600"));
    exchange.solBtcLast = Optional.of(Price.of("0.0021"));

    // 10 SOL at 0.002 BTC is 0.02 BTC, at 30000 USDT a BTC 600 USDT: exactly at the limit
    bot.say(ALICE, "/oto SOLBTC buy 10 @ 0.002 tp 0.0025");
    assertThat(offered()).as(bot.lastReply(ALICE)).isTrue();

    exchange.last = Price.of("30000.01");
    bot.say(ALICE, "/oto SOLBTC buy 10 @ 0.002 tp 0.0025");
    assertThat(bot.lastReply(ALICE)).contains("This list is 600.01 USDT; your per-list limit is 600 USDT (set by the operator): "
        + "at most 9.999 SOL at 0.002 BTC would pass.");
  }

  @Test
  void aQuoteAssetNoPriceConvertsIsRefusedWhileALimitNeedsIt() {
    start(ceiling(LimitKind.PER_LIST, "600"));
    exchange.solBtcLast = Optional.of(Price.of("0.0021"));
    exchange.lastPricesFailure = new ExchangeException(new ExchangeError.Unavailable("Service unavailable"));

    bot.say(ALICE, "/oto SOLBTC buy 10 @ 0.002 tp 0.0025");

    assertThat(offered()).isFalse();
    assertThat(bot.lastReply(ALICE)).contains("Your per-list limit is in USDT, and no price converts BTC to USDT right now");
  }

  @Test
  void aPairTradedLessThanTheLeastVolumeIsRefusedWithTheFigureAndExactlyAtItPasses() {
    start(SafetyLimits.NONE.withMinQuoteVolume(new BigDecimal("987654321.50")));
    bot.say(ALICE, OCO);
    assertThat(offered()).isTrue();

    exchange.quoteVolume = new BigDecimal("987654321.49");
    bot.say(ALICE, OCO);
    assertThat(bot.lastReply(ALICE)).contains("BTCUSDT traded 987,654,321.49 USDT in the last 24 hours, under this bot's least "
        + "volume of 987,654,321.5 USDT (set by the operator): pick a busier pair.");
  }

  @Test
  void anUnansweredVolumeRefusesWhileTheGuardIsOnAndIsNotAskedWhileItIsOff() {
    start(SafetyLimits.NONE.withMinQuoteVolume(new BigDecimal("1000")));
    exchange.quoteVolumeFailure = new ExchangeException(new ExchangeError.Unavailable("Service unavailable"));

    bot.say(ALICE, OCO);

    assertThat(offered()).isFalse();
    assertThat(bot.lastReply(ALICE)).contains("The exchange did not say how much BTCUSDT traded in the last 24 hours");

    bot.close();
    bot = null;
    dir = dir.resolve("again");
    start(SafetyLimits.NONE);
    bot.say(ALICE, OCO);
    assertThat(offered()).isTrue();
    assertThat(exchange.quoteVolumeQueries).hasValue(0);
  }

  @Test
  void limitsShowsTheLimitsInForceWhichBindsAndWhatIsUsedToday() {
    start(ceiling(LimitKind.PER_LIST, "1000").withCeiling(LimitKind.DAILY_LOSS, new BigDecimal("100")));
    bot.say(ALICE, "/limits loss 50");
    bot.say(ALICE, OCO);
    bot.press(ALICE, bot.lastButtons(TestBot.dm(ALICE)), Replies.CONFIRM);

    bot.say(ALICE, "/limits");

    assertThat(bot.lastReply(ALICE))
        .contains("• Per-list limit: 1,000 USDT (set by the operator) (operator 1,000 USDT, yours none)")
        .contains("• Daily loss limit: 50 USDT (set by you) (operator 100 USDT, yours 50 USDT)")
        .contains("• Open-list limit: none")
        .contains("Today (UTC): placed 300 USDT, 1 open list, realised 0 USDT.");
  }

  @Test
  void limitsIsPrivate() {
    start(SafetyLimits.NONE);

    bot.sayInGroup(ALICE, "/limits list 100");

    assertThat(bot.lastReply(TestBot.GROUP)).isEqualTo("Your limits and today's profit or loss are private: use /limits in a private chat.");
    Optional<dev.orderlistbot.core.port.out.UserLimits> stored = bot.stores(s -> s.limits().limitsOf(ALICE));
    assertThat(stored).isEmpty();
  }

  private MessageRef previewShown() {
    bot.say(ALICE, OCO);
    return bot.lastButtons(TestBot.dm(ALICE));
  }

  private LocalDate today() {
    return LocalDate.ofInstant(bot.clock.instant(), ZoneOffset.UTC);
  }
}
