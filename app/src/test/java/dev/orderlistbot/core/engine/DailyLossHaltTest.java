package dev.orderlistbot.core.engine;

import static dev.orderlistbot.core.engine.TestBot.ALICE;
import static dev.orderlistbot.core.engine.TestBot.BOB;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.core.domain.LimitKind;
import dev.orderlistbot.core.domain.Side;
import dev.orderlistbot.core.domain.TradingEnvironment;
import dev.orderlistbot.core.domain.order.ClientListId;
import dev.orderlistbot.core.domain.order.ClientOrderId;
import dev.orderlistbot.core.domain.order.ExpiryReason;
import dev.orderlistbot.core.domain.order.LegExecution;
import dev.orderlistbot.core.domain.order.LegRole;
import dev.orderlistbot.core.domain.order.LegStatus;
import dev.orderlistbot.core.domain.order.OrderListId;
import dev.orderlistbot.core.domain.order.OrderListUpdate;
import dev.orderlistbot.core.domain.order.ReportedOrderType;
import dev.orderlistbot.core.port.out.AuditAction;
import dev.orderlistbot.core.port.out.TrackedOrderList;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16, the daily loss halt: the realised loss of the day's exit fills (against the entry's
 * average fill price) over the limit refuses new lists until the next UTC day on the engine's clock,
 * or until an admin's {@code /resume}; exactly at the limit does not halt; a replayed fill counts
 * once. Bob is the admin. The clock starts at 2026-03-01T10:00Z.
 */
class DailyLossHaltTest {
  private static final String OTOCO = "/otoco BTCUSDT buy 0.01 @ 30000 tp 32000 sl 29000/28900";

  @TempDir Path dir;
  private TestBot bot;

  @BeforeEach
  void start() {
    EngineConfig config =
        EngineConfig.of(TradingEnvironment.PAPER, Set.of(ALICE, BOB), Set.of(BOB))
            .withLimits(SafetyLimits.NONE.withCeiling(LimitKind.DAILY_LOSS, new BigDecimal("100")));
    bot = new TestBot(dir, config, new FakeExchange(), Optional.empty(), Optional.of(new RecordingEventSource()));
  }

  @AfterEach
  void stop() {
    bot.close();
  }

  @Test
  void aLossOverTheLimitHaltsNewListsUntilTheNextUtcDay() {
    TrackedOrderList list = placed();
    fill(list, LegRole.WORKING, "e1", Side.BUY, "30000", "300");
    fill(list, LegRole.STOP_LOSS, "e2", Side.SELL, "19000", "190");

    bot.say(ALICE, OTOCO);
    assertThat(offered()).isFalse();
    assertThat(bot.lastReply(ALICE)).contains(
        "New lists are halted until 00:00 UTC: your realised loss today is 110 USDT, over your daily loss limit of 100 USDT "
            + "(set by the operator). Cancels, /close and /panic still work; an admin can lift the halt with /resume telegram:1001.");
    bot.say(ALICE, "/limits");
    assertThat(bot.lastReply(ALICE)).contains("realised -110 USDT. New lists are halted until 00:00 UTC.");

    bot.clock.advance(Duration.ofHours(13).plusMinutes(59)); // 23:59 UTC
    bot.say(ALICE, OTOCO);
    assertThat(offered()).isFalse();

    bot.clock.advance(Duration.ofMinutes(1)); // 00:00 UTC, the next day
    bot.say(ALICE, OTOCO);
    assertThat(offered()).isTrue();
  }

  @Test
  void aLossExactlyAtTheLimitDoesNotHalt() {
    TrackedOrderList list = placed();
    fill(list, LegRole.WORKING, "e1", Side.BUY, "30000", "300");
    fill(list, LegRole.STOP_LOSS, "e2", Side.SELL, "20000", "200");

    bot.say(ALICE, OTOCO);

    assertThat(offered()).isTrue();
    assertThat(day().realisedPnl()).isEqualByComparingTo("-100");
  }

  @Test
  void theLossIsMeasuredAgainstTheEntrysAverageFillPrice() {
    TrackedOrderList list = placed();
    // the entry filled better than its limit: 0.01 for 299 USDT, so 29900 a BTC
    fill(list, LegRole.WORKING, "e1", Side.BUY, "29900", "299");
    fill(list, LegRole.STOP_LOSS, "e2", Side.SELL, "19000", "190");

    assertThat(day().realisedPnl()).isEqualByComparingTo("-109");
  }

  @Test
  void aMovedStopsReplacementIsMeasuredAgainstTheListItReplaces() {
    TrackedOrderList list = placed();
    fill(list, LegRole.WORKING, "e1", Side.BUY, "29900", "299");
    bot.say(ALICE, "/movestop " + list.orderListId().orElseThrow() + " 29500");
    bot.press(ALICE, bot.lastButtons(TestBot.dm(ALICE)), Replies.CONFIRM);
    TrackedOrderList replacement = bot.openTracked(ALICE).getLast();
    assertThat(replacement.listClientOrderId()).isNotEqualTo(list.listClientOrderId());

    fill(replacement, LegRole.STOP_LOSS, "e3", Side.SELL, "19000", "190");

    assertThat(day().realisedPnl()).isEqualByComparingTo("-109");
  }

  @Test
  void aReplayedFillIsCountedOnce() {
    TrackedOrderList list = placed();
    fill(list, LegRole.WORKING, "e1", Side.BUY, "30000", "300");
    fill(list, LegRole.STOP_LOSS, "e2", Side.SELL, "25000", "250");
    fill(list, LegRole.STOP_LOSS, "e2", Side.SELL, "25000", "250");
    fill(list, LegRole.WORKING, "e1", Side.BUY, "30000", "300");

    assertThat(day().realisedPnl()).isEqualByComparingTo("-50");
  }

  @Test
  void anAdminLiftsTheHaltForTheRestOfTheDayAndItIsAudited() {
    halted();

    bot.say(BOB, "/resume telegram:1001");

    assertThat(bot.lastReply(BOB)).isEqualTo("The daily loss halt of telegram:1001 is lifted until 00:00 UTC (realised today: "
        + "-110 USDT). It starts again tomorrow if the loss passes the limit.");
    assertThat(bot.audit(BOB)).anySatisfy(e -> {
      assertThat(e.action()).isEqualTo(AuditAction.TRADING_RESUMED);
      assertThat(e.subject()).isEqualTo("resume telegram:1001 for 2026-03-01");
    });
    bot.say(ALICE, OTOCO);
    assertThat(offered()).isTrue();
  }

  @Test
  void aTraderWhoIsNoAdminCannotLiftAHaltTheirOwnIncluded() {
    halted();

    bot.say(ALICE, "/resume telegram:1001");

    assertThat(bot.lastReply(ALICE)).isEqualTo("Only an admin of this bot (BOT_ADMINS) can lift a daily loss halt. Your own limits: /limits.");
    assertThat(bot.audit(ALICE)).noneMatch(e -> e.action() == AuditAction.TRADING_RESUMED);
    assertThat(day().resumedBy()).isEmpty();
    bot.say(ALICE, OTOCO);
    assertThat(offered()).isFalse();
  }

  @Test
  void aHaltedTraderCanStillCancel() {
    TrackedOrderList list = halted();
    long id = list.orderListId().orElseThrow();

    bot.say(ALICE, "/cancel " + id);

    assertThat(bot.lastReply(ALICE)).doesNotContain("halted").contains("#" + id);
  }

  private TrackedOrderList halted() {
    TrackedOrderList list = placed();
    fill(list, LegRole.WORKING, "e1", Side.BUY, "30000", "300");
    fill(list, LegRole.STOP_LOSS, "e2", Side.SELL, "19000", "190");
    bot.say(ALICE, OTOCO);
    assertThat(offered()).isFalse();
    return list;
  }

  private TrackedOrderList placed() {
    bot.say(ALICE, OTOCO);
    bot.press(ALICE, bot.lastButtons(TestBot.dm(ALICE)), Replies.CONFIRM);
    return bot.openTracked(ALICE).getFirst();
  }

  private boolean offered() {
    return bot.telegram.lastWithButtons(TestBot.dm(ALICE)).map(ref -> bot.telegram.now(ref).text().contains("PREVIEW")).orElse(false)
        && bot.lastReply(ALICE).contains("PREVIEW");
  }

  private dev.orderlistbot.core.port.out.DayUsage day() {
    LocalDate today = LocalDate.ofInstant(bot.clock.instant(), ZoneOffset.UTC);
    return bot.stores(s -> s.limits().day(ALICE, today));
  }

  /** One fill of the whole 0.01 BTC of {@code role} at {@code price}, heard now. */
  private void fill(TrackedOrderList list, LegRole role, String eventId, Side side, String price, String quote) {
    ClientListId clientId = new ClientListId(list.listClientOrderId());
    bot.router().onUpdate(
        ALICE,
        new OrderListUpdate.LegChanged(
            eventId, list.symbol(), new OrderListId(list.orderListId().orElseThrow()), 1001L,
            new ClientOrderId(clientId.legId(role).value()), ReportedOrderType.LIMIT, side, LegExecution.TRADE,
            LegStatus.FILLED, new BigDecimal("0.01"), new BigDecimal("0.01"), new BigDecimal(price), new BigDecimal("0.01"),
            new BigDecimal(quote), Optional.empty(), Optional.empty(), ExpiryReason.NONE, bot.clock.instant()));
  }
}
