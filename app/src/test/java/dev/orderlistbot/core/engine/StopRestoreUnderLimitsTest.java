package dev.orderlistbot.core.engine;

import static dev.orderlistbot.core.engine.TestBot.ALICE;
import static dev.orderlistbot.core.engine.TestBot.BOB;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.core.chat.MessageRef;
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
import dev.orderlistbot.core.domain.order.OrderListRequest;
import dev.orderlistbot.core.domain.order.OrderListUpdate;
import dev.orderlistbot.core.domain.order.ReportedOrderType;
import dev.orderlistbot.core.port.out.AuditAction;
import dev.orderlistbot.core.port.out.DayUsage;
import dev.orderlistbot.core.port.out.TrackedOrderList;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Retry after a stop's move whose new list was refused puts back the stop of a position that has
 * none: no safety limit refuses it (it places no new risk), it is measured against the basis of the
 * list it replaces, and its notional is not counted against the day a second time. The fake
 * exchange's BTCUSDT trades at 30000.
 */
class StopRestoreUnderLimitsTest {
  private static final String OCO = "/oco BTCUSDT sell 0.01 tp 32000 sl 29000/28900";
  private static final String OTOCO = "/otoco BTCUSDT buy 0.01 @ 30000 tp 32000 sl 29000/28900";

  @TempDir Path dir;
  private TestBot bot;
  private FakeExchange exchange;

  @AfterEach
  void stop() {
    if (bot != null) {
      bot.close();
    }
  }

  private void start(LimitKind kind, String ceiling) {
    exchange = new FakeExchange();
    EngineConfig config =
        EngineConfig.of(TradingEnvironment.PAPER, Set.of(ALICE, BOB), Set.of(BOB))
            .withLimits(SafetyLimits.NONE.withCeiling(kind, new BigDecimal(ceiling)));
    bot = new TestBot(dir, config, exchange, Optional.empty(), Optional.of(new RecordingEventSource()));
  }

  @Test
  void aTraderHaltedByTheDailyLossLimitGetsTheStopBackOnRetryMeasuredAgainstTheOldListsEntry() {
    start(LimitKind.DAILY_LOSS, "100");
    TrackedOrderList first = placedWithEntryFilled("e1", "30000", "300");
    TrackedOrderList second = placedWithEntryFilled("e2", "29900", "299");
    fill(first, LegRole.STOP_LOSS, "e3", Side.SELL, "19000", "190");
    bot.say(ALICE, OTOCO);
    assertThat(bot.lastReply(ALICE)).contains("New lists are halted until 00:00 UTC");

    MessageRef choices = moveStopRefused(second.orderListId().orElseThrow());
    bot.press(ALICE, choices, TradeReplies.RETRY);

    assertStopPlacedAgainAt("29500");
    assertThat(bot.audit(ALICE)).anySatisfy(e -> {
      assertThat(e.action()).isEqualTo(AuditAction.TRADE_ACTION_CONFIRMED);
      assertThat(e.subject()).contains("restore stop BTCUSDT #" + second.orderListId().orElseThrow());
    });
    TrackedOrderList restored = lastSent();
    fill(restored, LegRole.STOP_LOSS, "e4", Side.SELL, "19000", "190");
    // -110 of the first list, and 190 - 299 of the second's entry, which the restored stop inherits
    assertThat(day().realisedPnl()).isEqualByComparingTo("-219");
  }

  @Test
  void theRetryIsNeitherRefusedByNorCountedAgainstTheDaysNotional() {
    start(LimitKind.PER_DAY, "300");
    bot.say(ALICE, OCO);
    bot.press(ALICE, bot.lastButtons(TestBot.dm(ALICE)), Replies.CONFIRM);
    assertThat(day().notionalPlaced()).isEqualByComparingTo("300");

    MessageRef choices = moveStopRefused(8821);
    bot.press(ALICE, choices, TradeReplies.RETRY);

    assertStopPlacedAgainAt("29500");
    assertThat(day().notionalPlaced()).isEqualByComparingTo("300");
  }

  @Test
  void theRetryIsPlacedWhenTheOpenListLimitIsReachedMeanwhile() {
    start(LimitKind.OPEN_LISTS, "1");
    bot.say(ALICE, OCO);
    bot.press(ALICE, bot.lastButtons(TestBot.dm(ALICE)), Replies.CONFIRM);
    MessageRef choices = moveStopRefused(8821);
    exchange.placeMode = FakeExchange.PlaceMode.ACCEPT;
    bot.say(ALICE, OCO);
    bot.press(ALICE, bot.lastButtons(TestBot.dm(ALICE)), Replies.CONFIRM);
    assertThat(bot.openTracked(ALICE)).hasSize(1);

    bot.press(ALICE, choices, TradeReplies.RETRY);

    assertStopPlacedAgainAt("29500");
    assertThat(bot.openTracked(ALICE)).hasSize(2);
  }

  @Test
  void aRetryRefusedAgainSaysThePositionStillHasNoStopAndOffersRetryAndCloseOnceMore() {
    start(LimitKind.PER_DAY, "1000");
    bot.say(ALICE, OCO);
    bot.press(ALICE, bot.lastButtons(TestBot.dm(ALICE)), Replies.CONFIRM);
    MessageRef choices = moveStopRefused(8821);
    exchange.placeMode = FakeExchange.PlaceMode.REFUSE;

    bot.press(ALICE, choices, TradeReplies.RETRY);

    assertThat(bot.telegram.texts(TestBot.dm(ALICE)))
        .filteredOn(text -> text.contains("has NO stop now"))
        .hasSize(2);
    MessageRef again = bot.lastButtons(TestBot.dm(ALICE));
    assertThat(again).isNotEqualTo(choices);
    assertThat(bot.telegram.now(again).buttons()).extracting(b -> b.label())
        .containsExactly(TradeReplies.RETRY, TradeReplies.CLOSE_NOW);

    exchange.placeMode = FakeExchange.PlaceMode.ACCEPT;
    bot.press(ALICE, again, TradeReplies.RETRY);

    assertStopPlacedAgainAt("29500");
    assertThat(exchange.clientIdsSent).doesNotHaveDuplicates();
  }

  @Test
  void aRetryWhoseAnswerWasLostAndThatNeverReachedTheExchangeIsSettledAsAPositionWithNoStop() {
    start(LimitKind.PER_DAY, "1000");
    bot.say(ALICE, OCO);
    bot.press(ALICE, bot.lastButtons(TestBot.dm(ALICE)), Replies.CONFIRM);
    MessageRef choices = moveStopRefused(8821);
    exchange.placeMode = FakeExchange.PlaceMode.LOSE_THEN_UNKNOWN;
    bot.press(ALICE, choices, TradeReplies.RETRY);
    assertThat(bot.lastReply(ALICE)).contains("Binance did not confirm the new list");

    bot.clock.advance(PlacementSettlement.FINAL_AFTER);
    bot.engine().settlePlacements();

    assertThat(bot.telegram.now(choices).text())
        .isEqualTo(TradeReplies.replacementNotPlacedAfterAll(TradingEnvironment.PAPER, "BTCUSDT #8821"));
    assertThat(exchange.clientIdsSent).doesNotHaveDuplicates();
  }

  /** Moves the stop of {@code orderListId} to 29500 with the new list refused; answers the Retry/Close message. */
  private MessageRef moveStopRefused(long orderListId) {
    bot.say(ALICE, "/movestop " + orderListId + " 29500");
    exchange.placeMode = FakeExchange.PlaceMode.REFUSE;
    bot.press(ALICE, bot.lastButtons(TestBot.dm(ALICE)), Replies.CONFIRM);
    MessageRef choices = bot.lastButtons(TestBot.dm(ALICE));
    assertThat(bot.telegram.now(choices).buttons()).extracting(b -> b.label())
        .containsExactly(TradeReplies.RETRY, TradeReplies.CLOSE_NOW);
    exchange.placeMode = FakeExchange.PlaceMode.ACCEPT;
    return choices;
  }

  private void assertStopPlacedAgainAt(String stop) {
    assertThat(bot.telegram.texts(TestBot.dm(ALICE))).noneMatch(text -> text.contains("a limit stops it"));
    assertThat(bot.lastReply(ALICE)).startsWith("✅ Stop moved on PAPER");
    OrderListRequest.Oco sent = (OrderListRequest.Oco) exchange.requestsSent.getLast();
    assertThat(sent.pair().below().stopPrice().orElseThrow().value()).isEqualByComparingTo(stop);
    assertThat(sent.quantity().value()).isEqualByComparingTo("0.01");
    assertThat(lastSent().orderListId()).isPresent();
  }

  private TrackedOrderList lastSent() {
    String clientId = exchange.clientIdsSent.getLast();
    return bot.stores(s -> s.orderLists().findByListClientOrderId(clientId)).orElseThrow();
  }

  /** An OTOCO placed whose entry of 0.01 BTC filled for {@code quote}, on the exchange and as heard. */
  private TrackedOrderList placedWithEntryFilled(String eventId, String price, String quote) {
    bot.say(ALICE, OTOCO);
    bot.press(ALICE, bot.lastButtons(TestBot.dm(ALICE)), Replies.CONFIRM);
    TrackedOrderList list = lastSent();
    exchange.fill(new ClientListId(list.listClientOrderId()), LegRole.WORKING, "0.01", quote);
    fill(list, LegRole.WORKING, eventId, Side.BUY, price, quote);
    return list;
  }

  private DayUsage day() {
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
