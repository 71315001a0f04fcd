package dev.orderlistbot.core.engine;

import static dev.orderlistbot.core.engine.TestBot.ALICE;
import static dev.orderlistbot.core.engine.TestBot.ALICES_PAPER_KEY;
import static dev.orderlistbot.core.engine.TestBot.GROUP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderlistbot.core.domain.Side;
import dev.orderlistbot.core.domain.TradingEnvironment;
import dev.orderlistbot.core.domain.order.ClientListId;
import dev.orderlistbot.core.domain.order.ClientOrderId;
import dev.orderlistbot.core.domain.order.ExpiryReason;
import dev.orderlistbot.core.domain.order.LegExecution;
import dev.orderlistbot.core.domain.order.LegRole;
import dev.orderlistbot.core.domain.order.LegStatus;
import dev.orderlistbot.core.domain.order.OrderEventIds;
import dev.orderlistbot.core.domain.order.OrderListId;
import dev.orderlistbot.core.domain.order.OrderListUpdate;
import dev.orderlistbot.core.domain.order.ReportedOrderType;
import dev.orderlistbot.core.port.out.ExchangeException;
import dev.orderlistbot.core.port.out.OrderListState;
import dev.orderlistbot.core.port.out.TrackedLeg;
import dev.orderlistbot.core.port.out.TrackedOrderList;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Catching lists up over REST after the live stream may have missed events: what the exchange
 * reports is announced once, whichever road (live push or catch-up) brings it first.
 */
class CatchUpTest {
  private static final String FILLED = "✅ BTCUSDT OCO #8821: take-profit SELL 0.01 @ 32,000 filled; stop-loss expired.";

  @TempDir Path dir;
  private TestBot bot;
  private FakeExchange exchange;
  private OrderListReconciler reconciler;

  @BeforeEach
  void start() {
    bot = TestBot.withFakeExchange(dir, TradingEnvironment.PAPER, new RecordingEventSource());
    exchange = (FakeExchange) bot.exchange;
    reconciler = new OrderListReconciler(bot.transactor(), exchange, bot.router(), "binance");
  }

  @AfterEach
  void stop() {
    bot.close();
  }

  @Test
  void aFillTheStreamMissedIsAnnouncedOnceAndItsLatePushChangesNothing() {
    ClientListId list = placeInGroup("/oco BTCUSDT sell 0.01 tp 32000 sl 29000");
    exchange.legNow(list, LegRole.TAKE_PROFIT, LegStatus.FILLED, "0.01000000", "320.00000000");
    exchange.legNow(list, LegRole.STOP_LOSS, LegStatus.EXPIRED, "0.00000000", "0.00000000");
    exchange.listDone(list);

    OrderListReconciler.Outcome outcome = reconciler.reconcile(ALICE, ALICES_PAPER_KEY);
    bot.router().onUpdate(ALICE, livePush(list, LegRole.TAKE_PROFIT, LegStatus.FILLED, "0.01"));

    assertThat(outcome).isEqualTo(new OrderListReconciler.Outcome(1, 3));
    assertThat(bot.telegram.texts(GROUP)).filteredOn(text -> text.contains("#8821:")).containsExactly(FILLED);
    assertThat(bot.tracked(8821)).map(TrackedOrderList::state).contains(OrderListState.ALL_DONE);
  }

  @Test
  void aListThatEndedWhileItsPlacementWasUnknownIsStillCaughtUpAfterTheSettlementFindsIt() {
    // the answer and the look-up were lost; the list filled and ended while nobody heard (the bot was
    // down): the settlement finds it ALL_DONE on the exchange, yet its fill has not been told
    exchange.placeMode = FakeExchange.PlaceMode.RECORD_THEN_UNKNOWN;
    exchange.lookupFailures.set(1);
    bot.sayInGroup(ALICE, "/oco BTCUSDT sell 0.01 tp 32000 sl 29000");
    bot.press(ALICE, bot.lastButtons(GROUP), Replies.CONFIRM);
    ClientListId list = new ClientListId(exchange.clientIdsSent.getFirst());
    exchange.legNow(list, LegRole.TAKE_PROFIT, LegStatus.FILLED, "0.01000000", "320.00000000");
    exchange.legNow(list, LegRole.STOP_LOSS, LegStatus.EXPIRED, "0.00000000", "0.00000000");
    exchange.listDone(list);

    bot.engine().settlePlacements();
    reconciler.reconcile(ALICE, ALICES_PAPER_KEY);

    assertThat(bot.telegram.texts(GROUP)).filteredOn(text -> text.contains("#8821:")).containsExactly(FILLED);
    assertThat(bot.tracked(8821)).map(TrackedOrderList::state).contains(OrderListState.ALL_DONE);
  }

  @Test
  void aListAlreadyCaughtUpIsNotAskedAboutAgain() {
    ClientListId list = placeInGroup("/oco BTCUSDT sell 0.01 tp 32000 sl 29000");
    exchange.legNow(list, LegRole.TAKE_PROFIT, LegStatus.FILLED, "0.01", "320");
    exchange.listDone(list);
    reconciler.reconcile(ALICE, ALICES_PAPER_KEY);
    int queries = exchange.orderQueries.get();

    OrderListReconciler.Outcome again = reconciler.reconcile(ALICE, ALICES_PAPER_KEY);

    assertThat(again).isEqualTo(new OrderListReconciler.Outcome(0, 0));
    assertThat(exchange.orderQueries).hasValue(queries);
    assertThat(bot.telegram.texts(GROUP)).filteredOn(FILLED::equals).hasSize(1);
  }

  @Test
  void aPartialFillTheStreamAlreadyReportedIsNotReportedAgain() {
    ClientListId list = placeInGroup("/oco BTCUSDT sell 0.01 tp 32000 sl 29000");
    bot.router().onUpdate(ALICE, livePush(list, LegRole.TAKE_PROFIT, LegStatus.PARTIALLY_FILLED, "0.004"));
    bot.clock.advance(Duration.ofSeconds(6));
    bot.dispatcher().drainOnce();
    exchange.legNow(list, LegRole.TAKE_PROFIT, LegStatus.PARTIALLY_FILLED, "0.00400000", "128.00000000");

    reconciler.reconcile(ALICE, ALICES_PAPER_KEY);
    bot.clock.advance(Duration.ofSeconds(6));
    bot.dispatcher().drainOnce();

    assertThat(bot.telegram.texts(GROUP)).filteredOn(text -> text.contains("partially filled")).hasSize(1);
  }

  @Test
  void anEntryThatFilledDuringTheGapAnnouncesItsExitsOnceAndTheListStaysFollowed() {
    ClientListId list = placeInGroup("/otoco BTCUSDT buy 0.01 @ 29000 tp 31000 sl 28000");
    exchange.legNow(list, LegRole.WORKING, LegStatus.FILLED, "0.01", "320");

    reconciler.reconcile(ALICE, ALICES_PAPER_KEY);
    OrderListReconciler.Outcome again = reconciler.reconcile(ALICE, ALICES_PAPER_KEY);

    assertThat(again.listsChecked()).isEqualTo(1);
    assertThat(bot.telegram.texts(GROUP))
        .filteredOn(text -> text.contains("now working"))
        .containsExactly("✅ BTCUSDT OTOCO #8821: entry SELL 0.01 @ 32,000 filled; take-profit and stop-loss are now working.");
    assertThat(bot.tracked(8821)).map(TrackedOrderList::state).contains(OrderListState.EXECUTING);
  }

  @Test
  void anEntryFillLostInAGapIsStillToldAfterTheExitFillArrivedLive() {
    // the stream dropped the entry's fill; the take-profit's fill then arrives live, before the
    // catch-up the gap asked for has run: the list must stay followed until the entry's end is told
    ClientListId list = placeInGroup("/otoco BTCUSDT buy 0.01 @ 29000 tp 31000 sl 28000");
    exchange.legNow(list, LegRole.WORKING, LegStatus.FILLED, "0.01", "320");
    exchange.legNow(list, LegRole.TAKE_PROFIT, LegStatus.FILLED, "0.01", "320");
    exchange.legNow(list, LegRole.STOP_LOSS, LegStatus.EXPIRED, "0", "0");
    exchange.listDone(list);
    bot.router().onUpdate(ALICE, livePush(list, LegRole.TAKE_PROFIT, LegStatus.FILLED, "0.01"));
    OrderListState afterTheExit = bot.tracked(8821).orElseThrow().state();

    OrderListReconciler.Outcome outcome = reconciler.reconcile(ALICE, ALICES_PAPER_KEY);
    // a group is paced: the entry's notice goes once the platform's interval has passed
    bot.clock.advance(Duration.ofSeconds(10));
    bot.dispatcher().drainOnce();

    assertThat(afterTheExit).as("followed until the entry's end is told").isEqualTo(OrderListState.EXECUTING);
    assertThat(outcome.listsChecked()).isEqualTo(1);

    assertThat(bot.telegram.texts(GROUP))
        .as("%s", bot.telegram.texts(GROUP))
        .filteredOn(text -> text.contains("entry") && text.contains("filled") && !text.contains("📋"))
        .hasSize(1);
    assertThat(bot.tracked(8821)).map(TrackedOrderList::state).contains(OrderListState.ALL_DONE);
  }

  @Test
  void aFillTheBotNeverHeardOfIsStillToldWhenTheTradersOwnCancelEndsTheList() {
    // the entry filled while the bot was away and no catch-up has told it yet; the trader cancels:
    // the cancel's answer shows the fill, so the list stays followed until the catch-up tells it
    ClientListId list = placeInGroup("/otoco BTCUSDT buy 0.01 @ 29000 tp 31000 sl 28000");
    exchange.legNow(list, LegRole.WORKING, LegStatus.FILLED, "0.01", "320");

    bot.say(ALICE, "/cancel 8821");
    OrderListState afterTheCancel = bot.tracked(8821).orElseThrow().state();
    exchange.legNow(list, LegRole.TAKE_PROFIT, LegStatus.CANCELED, "0", "0");
    exchange.legNow(list, LegRole.STOP_LOSS, LegStatus.CANCELED, "0", "0");
    reconciler.reconcile(ALICE, ALICES_PAPER_KEY);
    bot.clock.advance(Duration.ofSeconds(10));
    bot.dispatcher().drainOnce();

    assertThat(afterTheCancel).as("still followed: a fill is untold").isEqualTo(OrderListState.CANCELLING);
    // the notices (the card's edits say "filled" too, and are no notices)
    assertThat(bot.telegram.texts(GROUP)).filteredOn(text -> text.contains("entry") && text.contains("filled") && !text.contains("📋")).hasSize(1);
    assertThat(bot.telegram.texts(GROUP)).as("the cancel's own ends are not told as a close").noneMatch(text -> text.startsWith("⏹"));
    assertThat(bot.tracked(8821)).map(TrackedOrderList::state).contains(OrderListState.ALL_DONE);
  }

  @Test
  void anOcoCancelledWithoutAFillIsToldOnceThatItsPositionHasNoExit() {
    ClientListId list = placeInGroup("/oco BTCUSDT sell 0.01 tp 32000 sl 29000");
    exchange.legNow(list, LegRole.TAKE_PROFIT, LegStatus.CANCELED, "0", "0");
    exchange.legNow(list, LegRole.STOP_LOSS, LegStatus.CANCELED, "0", "0");
    exchange.listDone(list);

    reconciler.reconcile(ALICE, ALICES_PAPER_KEY);

    assertThat(bot.telegram.texts(GROUP))
        .filteredOn(text -> text.startsWith("⚠️ BTCUSDT OCO #8821: its take-profit and stop-loss were cancelled, so"))
        .hasSize(1);
    assertThat(bot.telegram.texts(GROUP)).noneMatch(text -> text.startsWith("⏹ BTCUSDT OCO #8821"));
  }

  @Test
  void aPlacementTheExchangeNeverReceivedIsLeftToItsOwnLookUp() {
    exchange.placeMode = FakeExchange.PlaceMode.LOSE_THEN_UNKNOWN;
    bot.sayInGroup(ALICE, "/oco BTCUSDT sell 0.01 tp 32000 sl 29000");
    bot.press(ALICE, bot.lastButtons(GROUP), Replies.CONFIRM);
    int messages = bot.telegram.history().size();

    OrderListReconciler.Outcome outcome = reconciler.reconcile(ALICE, ALICES_PAPER_KEY);

    assertThat(outcome).isEqualTo(new OrderListReconciler.Outcome(1, 0));
    assertThat(bot.telegram.history()).hasSize(messages);
    assertThat(bot.openTracked(ALICE)).singleElement().extracting(TrackedOrderList::state).isEqualTo(OrderListState.UNKNOWN);
  }

  @Test
  void anExchangeThatCannotAnswerFailsTheCatchUpAndTheNextOneStillAnnouncesTheFill() {
    ClientListId list = placeInGroup("/oco BTCUSDT sell 0.01 tp 32000 sl 29000");
    exchange.legNow(list, LegRole.TAKE_PROFIT, LegStatus.FILLED, "0.01", "320");
    exchange.legNow(list, LegRole.STOP_LOSS, LegStatus.EXPIRED, "0", "0");
    exchange.listDone(list);
    exchange.lookupFailures.set(1);

    assertThatThrownBy(() -> reconciler.reconcile(ALICE, ALICES_PAPER_KEY)).isInstanceOf(ExchangeException.class);
    reconciler.reconcile(ALICE, ALICES_PAPER_KEY);

    assertThat(bot.telegram.texts(GROUP)).filteredOn(FILLED::equals).hasSize(1);
  }

  @Test
  void theCatchUpReadsWhyAnOrderExpiredSoATriggeredOcoIsToldAsTheStreamTellsIt() {
    stopTriggeredAndResting();

    reconciler.reconcile(ALICE, ALICES_PAPER_KEY);

    assertThat(bot.telegram.texts(GROUP)).filteredOn(text -> text.contains("#8821")).noneMatch(text -> text.contains("take-profit expired"));
    assertThat(bot.telegram.texts(GROUP)).noneMatch(text -> text.contains("no order of it is working"));
  }

  @Test
  void aListDoneOnTheExchangeWhileItsStopLossRestsIsStillCaughtUpUntilTheStopLossEnds() {
    ClientListId list = stopTriggeredAndResting();
    reconciler.reconcile(ALICE, ALICES_PAPER_KEY);

    OrderListReconciler.Outcome stillResting = reconciler.reconcile(ALICE, ALICES_PAPER_KEY);
    exchange.legNow(list, LegRole.STOP_LOSS, LegStatus.FILLED, "0.01", "289");
    reconciler.reconcile(ALICE, ALICES_PAPER_KEY);
    // a group is paced: the next notice goes once the platform's interval has passed
    bot.clock.advance(Duration.ofSeconds(10));
    bot.dispatcher().drainOnce();
    OrderListReconciler.Outcome afterTheFill = reconciler.reconcile(ALICE, ALICES_PAPER_KEY);

    assertThat(stillResting.listsChecked()).isEqualTo(1);
    assertThat(bot.telegram.texts(GROUP)).filteredOn(text -> text.startsWith("✅ BTCUSDT OCO #8821: stop-loss")).hasSize(1);
    assertThat(afterTheFill.listsChecked()).isZero();
  }

  @Test
  void anExpiryTheOrderQueryCannotExplainIsToldWithWhatIsKnown() {
    ClientListId list = placeInGroup("/oco BTCUSDT sell 0.01 tp 32000 sl 29000/28900");
    exchange.legNow(list, LegRole.STOP_LOSS, LegStatus.EXPIRED, "0", "0");

    reconciler.reconcile(ALICE, ALICES_PAPER_KEY);

    assertThat(bot.lastReply(GROUP))
        .isEqualTo("⚠️ BTCUSDT OCO #8821: the stop-loss expired without filling (the exchange did not say why),"
            + " so 0.01 on BTCUSDT has no stop any more. Place a new stop (/oco BTCUSDT sell 0.01 tp … sl …) or check /orders.");
  }

  /** An OCO whose stop triggered: the take-profit expired (OCO_TRIGGER), the list is done, the stop-loss rests. */
  private ClientListId stopTriggeredAndResting() {
    ClientListId list = placeInGroup("/oco BTCUSDT sell 0.01 tp 32000 sl 29000/28900");
    exchange.legNow(list, LegRole.TAKE_PROFIT, LegStatus.EXPIRED, "0", "0", ExpiryReason.OCO_TRIGGER);
    exchange.legNow(list, LegRole.STOP_LOSS, LegStatus.NEW, "0", "0");
    exchange.listDone(list);
    return list;
  }

  private ClientListId placeInGroup(String line) {
    bot.sayInGroup(ALICE, line);
    bot.press(ALICE, bot.lastButtons(GROUP), Replies.CONFIRM);
    assertThat(bot.lastReply(GROUP)).startsWith("✅ Placed");
    return new ClientListId(bot.tracked(8821).orElseThrow().listClientOrderId());
  }

  /** The stream's own event for a leg, with the identity Binance's events get. */
  private OrderListUpdate.LegChanged livePush(ClientListId list, LegRole role, LegStatus status, String cumulative) {
    TrackedOrderList tracked = bot.tracked(8821).orElseThrow();
    ClientOrderId legId = list.legId(role);
    long orderId =
        tracked.legs().stream()
            .filter(leg -> leg.clientOrderId().equals(legId.value()))
            .map(TrackedLeg::orderId)
            .flatMap(id -> id.isPresent() ? java.util.stream.Stream.of(id.getAsLong()) : java.util.stream.Stream.empty())
            .findFirst()
            .orElseThrow();
    BigDecimal filled = new BigDecimal(cumulative);
    return new OrderListUpdate.LegChanged(
        OrderEventIds.legState("binance", tracked.symbol(), orderId, status, filled), tracked.symbol(), new OrderListId(8821), orderId, legId,
        ReportedOrderType.LIMIT_MAKER, Side.SELL, LegExecution.TRADE, status, new BigDecimal("0.01"), filled,
        new BigDecimal("32000"), filled, filled.multiply(new BigDecimal("32000")), Optional.of(new BigDecimal("32000")),
        Optional.empty(), ExpiryReason.NONE, Instant.parse("2026-03-01T11:00:00Z"));
  }
}
