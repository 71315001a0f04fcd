package dev.orderlistbot.core.engine;

import static dev.orderlistbot.core.engine.TestBot.ALICE;
import static dev.orderlistbot.core.engine.TestBot.ALICES_PAPER_KEY;
import static dev.orderlistbot.core.engine.TestBot.BOB;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.core.domain.LimitKind;
import dev.orderlistbot.core.domain.TradingEnvironment;
import dev.orderlistbot.core.domain.order.ClientListId;
import dev.orderlistbot.core.domain.order.ExpiryReason;
import dev.orderlistbot.core.domain.order.LegRole;
import dev.orderlistbot.core.domain.order.LegStatus;
import dev.orderlistbot.core.port.out.DayUsage;
import dev.orderlistbot.core.port.out.TrackedOrderList;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The day's realised profit or loss counts the fills the REST catch-up learns after a stream gap
 * (events with only cumulative figures), each quantity once: what the stream already counted of a
 * leg is not counted again.
 */
class CatchUpRealisedLossTest {
  private static final String OTOCO = "/otoco BTCUSDT buy 0.01 @ 30000 tp 32000 sl 29000/28900";

  @TempDir Path dir;
  private TestBot bot;
  private FakeExchange exchange;
  private OrderListReconciler reconciler;

  @BeforeEach
  void start() {
    EngineConfig config =
        EngineConfig.of(TradingEnvironment.PAPER, Set.of(ALICE, BOB), Set.of(BOB))
            .withLimits(SafetyLimits.NONE.withCeiling(LimitKind.DAILY_LOSS, new BigDecimal("100")));
    exchange = new FakeExchange();
    bot = new TestBot(dir, config, exchange, Optional.empty(), Optional.of(new RecordingEventSource()));
    reconciler = new OrderListReconciler(bot.transactor(), exchange, bot.router(), "binance");
  }

  @AfterEach
  void stop() {
    bot.close();
  }

  @Test
  void aStopLossFillLearntFromTheCatchUpCountsTowardsTheDaysRealisedLoss() {
    TrackedOrderList list = placed();
    StreamPushes.push(bot, ALICE, list, LegRole.WORKING, LegStatus.FILLED, "0.01", "300");
    // the stop-loss filled at 19,000 while the stream was down; the catch-up finds and tells it
    exchange.legNow(id(list), LegRole.STOP_LOSS, LegStatus.FILLED, "0.01", "190");
    exchange.legNow(id(list), LegRole.TAKE_PROFIT, LegStatus.EXPIRED, "0", "0", ExpiryReason.OCO_TRIGGER);
    exchange.listDone(id(list));

    reconciler.reconcile(ALICE, ALICES_PAPER_KEY);

    assertThat(bot.telegram.texts(TestBot.dm(ALICE))).anySatisfy(text -> assertThat(text).contains("stop-loss").contains("filled"));
    assertThat(day().realisedPnl()).as("the day's realised P&L").isEqualByComparingTo("-110");
  }

  @Test
  void anEntryFillLearntFromTheCatchUpIsTheBasisOfItsExitsRealisedLoss() {
    TrackedOrderList list = placed();
    // the entry filled better than its limit (0.01 for 299 USDT) while the stream was down
    exchange.legNow(id(list), LegRole.WORKING, LegStatus.FILLED, "0.01", "299");
    reconciler.reconcile(ALICE, ALICES_PAPER_KEY);

    StreamPushes.push(bot, ALICE, list, LegRole.STOP_LOSS, LegStatus.FILLED, "0.01", "190");

    assertThat(day().realisedPnl()).as("the day's realised P&L").isEqualByComparingTo("-109");
  }

  @Test
  void aStopLossWhosePartialFillTheStreamToldAndWhoseRestTheCatchUpFoundCountsEachQuantityOnce() {
    TrackedOrderList list = placed();
    StreamPushes.push(bot, ALICE, list, LegRole.WORKING, LegStatus.FILLED, "0.01", "300");
    // 0.004 at 19,000 heard on the stream (-44), then the rest, 0.006 at 19,000, filled during a gap (-66)
    StreamPushes.push(bot, ALICE, list, LegRole.STOP_LOSS, LegStatus.PARTIALLY_FILLED, "0.004", "76");
    exchange.legNow(id(list), LegRole.STOP_LOSS, LegStatus.FILLED, "0.01", "190");
    exchange.legNow(id(list), LegRole.TAKE_PROFIT, LegStatus.EXPIRED, "0", "0", ExpiryReason.OCO_TRIGGER);
    exchange.listDone(id(list));

    reconciler.reconcile(ALICE, ALICES_PAPER_KEY);
    // the stream's own FILLED, late: the same event id as the catch-up's, dropped as a replay
    StreamPushes.push(bot, ALICE, list, LegRole.STOP_LOSS, LegStatus.FILLED, "0.01", "190");

    assertThat(day().realisedPnl()).as("the day's realised P&L").isEqualByComparingTo("-110");
  }

  @Test
  void aPartialFillHeardLateAfterTheCatchUpCountedTheWholeLegIsNotCountedAgain() {
    TrackedOrderList list = placed();
    StreamPushes.push(bot, ALICE, list, LegRole.WORKING, LegStatus.FILLED, "0.01", "300");
    exchange.legNow(id(list), LegRole.STOP_LOSS, LegStatus.FILLED, "0.01", "190");
    exchange.legNow(id(list), LegRole.TAKE_PROFIT, LegStatus.EXPIRED, "0", "0", ExpiryReason.OCO_TRIGGER);
    exchange.listDone(id(list));
    reconciler.reconcile(ALICE, ALICES_PAPER_KEY);

    // the stream's partial fill of the same leg, delivered after the reconnect
    StreamPushes.push(bot, ALICE, list, LegRole.STOP_LOSS, LegStatus.PARTIALLY_FILLED, "0.004", "76");

    assertThat(day().realisedPnl()).as("the day's realised P&L").isEqualByComparingTo("-110");
  }

  private TrackedOrderList placed() {
    bot.say(ALICE, OTOCO);
    bot.press(ALICE, bot.lastButtons(TestBot.dm(ALICE)), Replies.CONFIRM);
    return bot.openTracked(ALICE).getFirst();
  }

  private static ClientListId id(TrackedOrderList list) {
    return new ClientListId(list.listClientOrderId());
  }

  private DayUsage day() {
    LocalDate today = LocalDate.ofInstant(bot.clock.instant(), ZoneOffset.UTC);
    return bot.stores(s -> s.limits().day(ALICE, today));
  }
}
