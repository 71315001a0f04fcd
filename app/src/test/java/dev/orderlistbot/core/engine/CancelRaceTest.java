package dev.orderlistbot.core.engine;

import static dev.orderlistbot.core.engine.TestBot.ALICE;
import static dev.orderlistbot.core.engine.TestBot.ALICES_PAPER_KEY;
import static dev.orderlistbot.core.engine.TestBot.BOB;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.core.chat.MessageRef;
import dev.orderlistbot.core.domain.TradingEnvironment;
import dev.orderlistbot.core.domain.order.ClientListId;
import dev.orderlistbot.core.domain.order.ContingencyType;
import dev.orderlistbot.core.domain.order.LegRole;
import dev.orderlistbot.core.domain.order.LegStatus;
import dev.orderlistbot.core.domain.order.ListOrderStatus;
import dev.orderlistbot.core.domain.order.ListStatusType;
import dev.orderlistbot.core.domain.order.OrderEventIds;
import dev.orderlistbot.core.domain.order.OrderListId;
import dev.orderlistbot.core.domain.order.OrderListRef;
import dev.orderlistbot.core.domain.order.OrderListUpdate;
import dev.orderlistbot.core.port.out.ExchangeError;
import dev.orderlistbot.core.port.out.OrderListState;
import dev.orderlistbot.core.port.out.TrackedOrderList;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A cancel racing the exchange's own events, end to end through the router and the stores. */
class CancelRaceTest {
  private static final String OTOCO = "/otoco BTCUSDT buy 0.01 @ 30000 tp 32000 sl 29000/28900";

  @TempDir Path dir;
  private TestBot bot;
  private FakeExchange exchange;

  @BeforeEach
  void start() {
    EngineConfig config = EngineConfig.of(TradingEnvironment.PAPER, Set.of(ALICE, BOB), Set.of(BOB));
    exchange = new FakeExchange();
    bot = new TestBot(dir, config, exchange, Optional.empty(), Optional.of(new RecordingEventSource()));
  }

  @AfterEach
  void stop() {
    bot.close();
  }

  @Test
  void aCancelRefusedWithAListStatusRejectLeavesTheListFollowedAndSaysItIsStillWorking() {
    // reference 5.4: listStatus l=RESPONSE L=REJECT answers a failed placement or cancel; the stream
    // may bring it before the cancel's REST answer
    TrackedOrderList list = placed();
    exchange.cancelFailure = new ExchangeError.Refused(-2011, "Your account may not place or cancel orders right now.");
    exchange.whileCancelling =
        () -> bot.router().onUpdate(
            ALICE,
            new OrderListUpdate.ListChanged(
                OrderEventIds.listFinished("binance", list.symbol(), 8821, ListOrderStatus.REJECT), list.symbol(),
                new OrderListId(8821), id(list), ContingencyType.OTO, ListStatusType.RESPONSE, ListOrderStatus.REJECT,
                bot.clock.instant()));

    bot.say(ALICE, "/cancel 8821");

    assertThat(bot.lastReply(ALICE)).contains("did not go through").doesNotContain("nothing of it is working any more");
    assertThat(bot.tracked(8821)).map(TrackedOrderList::state).contains(OrderListState.EXECUTING);
    assertThat(bot.openTracked(ALICE)).extracting(t -> t.orderListId().getAsLong()).containsExactly(8821L);
  }

  @Test
  void anEntryThatFillsJustBeforeTheBotsCancelLandsIsToldAsUnprotected() {
    // the entry fills (its event arrives live) while the trader's /cancel is on its way; the cancel then
    // ends the take-profit and stop-loss Binance had just placed: 0.01 BTC is left with no exit
    TrackedOrderList list = placed();
    exchange.whileCancelling =
        () -> {
          exchange.fill(id(list), LegRole.WORKING, "0.01", "300");
          StreamPushes.push(bot, ALICE, list, LegRole.WORKING, LegStatus.FILLED, "0.01", "300");
        };

    bot.say(ALICE, "/cancel 8821");
    StreamPushes.push(bot, ALICE, list, LegRole.TAKE_PROFIT, LegStatus.CANCELED, "0", "0");
    StreamPushes.push(bot, ALICE, list, LegRole.STOP_LOSS, LegStatus.CANCELED, "0", "0");
    // the chat's notices go at most one a second: let the paced ones out
    bot.clock.advance(Duration.ofSeconds(6));
    bot.dispatcher().drainOnce();

    assertThat(bot.telegram.texts(TestBot.dm(ALICE)))
        .as("what Alice was told")
        .noneSatisfy(text -> assertThat(text).contains("now working"))
        .anySatisfy(text -> assertThat(text).contains("0.01 on BTCUSDT is held with no take-profit or stop-loss"));
  }

  @Test
  void aCancelOfAnEntryThatHadPartlyFilledSaysWhatIsHeldWithNoExit() {
    // Binance places the exits only on a full fill (reference 1.2): the 0.004 bought has none
    TrackedOrderList list = placed();
    exchange.fill(id(list), LegRole.WORKING, "0.004", "120");
    StreamPushes.push(bot, ALICE, list, LegRole.WORKING, LegStatus.PARTIALLY_FILLED, "0.004", "120");

    bot.say(ALICE, "/cancel 8821");

    assertThat(bot.lastReply(ALICE))
        .isEqualTo("✖ Cancelled BTCUSDT OTOCO #8821. ⚠️ Its entry had filled, so 0.004 on BTCUSDT is held with no"
            + " take-profit or stop-loss now: place them again (/oco BTCUSDT sell 0.004 tp … sl …) or check /orders.");
  }

  @Test
  void exitsThatExpireWhileTheCancelIsOnItsWaySayThePositionIsUnguardedWhenTheCancelFindsNothing() {
    // the entry filled and was told; the take-profit and stop-loss expire (the router keeps a cancel's
    // ends silent) while the trader's /cancel is on its way, which then finds nothing to cancel: its
    // answer is the one place left to say that what the entry bought has no exit
    entryFilledThenEndedWhileTheCancelIsOnItsWay(this::exitsExpire);

    bot.say(ALICE, "/cancel 8821");

    assertThat(bot.lastReply(ALICE))
        .isEqualTo("Nothing to cancel: it already filled, expired or was cancelled. ⚠️ BTCUSDT OTOCO #8821's entry had filled"
            + " and its take-profit and stop-loss ended without filling, so what it bought or sold has no take-profit or"
            + " stop-loss now: place them again (/oco …) or check /orders.");
    assertThat(bot.tracked(8821)).map(TrackedOrderList::state).contains(OrderListState.ALL_DONE);
  }

  @Test
  void aCloseWhoseListEndedWithItsExitsUnfilledSaysThePositionIsStillHeldWithNoExit() {
    // the trader confirms /close just as the exits expire: nothing is sold, and the position is still held
    entryFilledThenEndedWhileTheCancelIsOnItsWay(this::exitsExpire);
    bot.say(ALICE, "/close 8821");

    bot.press(ALICE, bot.lastButtons(TestBot.dm(ALICE)), Replies.CONFIRM);

    assertThat(exchange.marketOrders).isEmpty();
    assertThat(bot.telegram.texts(TestBot.dm(ALICE)))
        .anySatisfy(text -> assertThat(text)
            .startsWith("ℹ️ Not closed: BTCUSDT OTOCO #8821 had already ended")
            .endsWith("Nothing was sold or bought. ⚠️ BTCUSDT OTOCO #8821's entry had filled and its take-profit and"
                + " stop-loss ended without filling, so what it bought or sold has no take-profit or stop-loss now:"
                + " place them again (/oco …) or check /orders."));
  }

  @Test
  void aCancelThatFindsAListWhoseTakeProfitFilledSaysNoMoreThanNothingToCancel() {
    entryFilledThenEndedWhileTheCancelIsOnItsWay(
        list -> {
          StreamPushes.push(bot, ALICE, list, LegRole.TAKE_PROFIT, LegStatus.FILLED, "0.01", "320");
          StreamPushes.push(bot, ALICE, list, LegRole.STOP_LOSS, LegStatus.EXPIRED, "0", "0");
        });

    bot.say(ALICE, "/cancel 8821");

    assertThat(bot.lastReply(ALICE)).isEqualTo("Nothing to cancel: it already filled, expired or was cancelled.");
  }

  @Test
  void aCancelOfAnEntryThatHadNotFilledSaysOnlyCancelled() {
    placed();

    bot.say(ALICE, "/cancel 8821");

    assertThat(bot.lastReply(ALICE)).isEqualTo("✖ Cancelled BTCUSDT OTOCO #8821.");
  }

  @Test
  void aCloseWhoseCancelWentThroughWithItsAnswerLostSellsWhatTheOcoProtected() {
    // the cancel executes, its answer is lost, and its own events (kept silent) end the list meanwhile:
    // the close goes on with what the list held when it ended (simulation seed 100122)
    TrackedOrderList list = placedOco();
    cancelGoesThroughUnheard(list);
    bot.say(ALICE, "/close 8821");

    bot.press(ALICE, bot.lastButtons(TestBot.dm(ALICE)), Replies.CONFIRM);

    assertThat(exchange.marketOrders).singleElement().satisfies(sent -> {
      assertThat(sent.request().side()).isEqualTo(dev.orderlistbot.core.domain.Side.SELL);
      assertThat(sent.request().quantity()).isEqualByComparingTo("0.01");
    });
    assertThat(bot.lastReply(ALICE)).startsWith("✅ Cancelled BTCUSDT OCO #8821: MARKET SELL 0.01 filled");
  }

  @Test
  void aCancelWhoseAnswerWasLostAfterTheEntryFilledSaysWhatIsHeldWithNoExit() {
    TrackedOrderList list = placed();
    exchange.fill(id(list), LegRole.WORKING, "0.01", "300");
    StreamPushes.push(bot, ALICE, list, LegRole.WORKING, LegStatus.FILLED, "0.01", "300");
    cancelGoesThroughUnheard(list);

    bot.say(ALICE, "/cancel 8821");

    assertThat(bot.lastReply(ALICE))
        .isEqualTo("✖ Cancelled BTCUSDT OTOCO #8821. ⚠️ Its entry had filled, so 0.01 on BTCUSDT is held with no"
            + " take-profit or stop-loss now: place them again (/oco BTCUSDT sell 0.01 tp … sl …) or check /orders.");
  }

  @Test
  void aCancelWhoseAnswerWasLostAndWhoseListCannotBeReadBackSaysFromTheBotsRecordWhatIsHeldWithNoExit() {
    // simulation seed 111684: the cancel executes, its answer is lost, its own events end the list, and
    // the read-back fails too; the bot saw the entry fill and both exits end unfilled, so it says so
    TrackedOrderList list = placed();
    exchange.fill(id(list), LegRole.WORKING, "0.01", "300");
    StreamPushes.push(bot, ALICE, list, LegRole.WORKING, LegStatus.FILLED, "0.01", "300");
    cancelGoesThroughUnheard(list);
    exchange.lookupFailures.set(1);

    bot.say(ALICE, "/cancel 8821");

    assertThat(bot.lastReply(ALICE))
        .startsWith("Binance did not confirm the cancel of BTCUSDT OTOCO #8821, but the list has ended meanwhile")
        .endsWith("⚠️ BTCUSDT OTOCO #8821's entry had filled and its take-profit and stop-loss ended without filling, so"
            + " what it bought or sold has no take-profit or stop-loss now: place them again (/oco …) or check /orders.");
  }

  @Test
  void aCloseOfAnOcoWhoseCancelAnswerWasLostAndCannotBeReadBackSaysWhatItProtectedHasNoExit() {
    // simulation seed 148593: the same for an OCO, which has no entry: the bot saw both its orders end
    // unfilled, so the quantity it protected is held with neither
    TrackedOrderList list = placedOco();
    bot.say(ALICE, "/close 8821");
    cancelGoesThroughUnheard(list);
    exchange.lookupFailures.set(1);

    bot.press(ALICE, bot.lastButtons(TestBot.dm(ALICE)), Replies.CONFIRM);

    assertThat(exchange.marketOrders).isEmpty();
    assertThat(bot.telegram.texts(TestBot.dm(ALICE)))
        .anySatisfy(text -> assertThat(text)
            .startsWith("ℹ️ Not closed: BTCUSDT OCO #8821 had already ended")
            .endsWith("⚠️ BTCUSDT OCO #8821's take-profit and stop-loss ended without filling, so the quantity it protected"
                + " has no take-profit or stop-loss now: place them again (/oco …) or check /orders."));
  }

  @Test
  void aCancelRefusedWhileTheListWasCancelledElsewhereSaysWhatItsEntryLeftWithNoExit() {
    // the trader's /cancel is refused (-1021, never executed) while the list is cancelled from Binance's
    // own app: its exits' ends, kept silent as a cancel's, leave the refusal the one answer to say it
    TrackedOrderList list = placed();
    exchange.fill(id(list), LegRole.WORKING, "0.01", "300");
    StreamPushes.push(bot, ALICE, list, LegRole.WORKING, LegStatus.FILLED, "0.01", "300");
    cancelGoesThroughUnheard(list);
    exchange.cancelAnswerLost = null;
    exchange.cancelFailure = new ExchangeError.Refused(-1021, "Timestamp for this request is outside of the recvWindow.");

    bot.say(ALICE, "/cancel 8821");

    assertThat(bot.lastReply(ALICE))
        .startsWith("The cancel of BTCUSDT OTOCO #8821 did not go through, but the list has ended on Binance meanwhile")
        .endsWith("⚠️ BTCUSDT OTOCO #8821's entry had filled and its take-profit and stop-loss ended without filling, so"
            + " what it bought or sold has no take-profit or stop-loss now: place them again (/oco …) or check /orders.");
  }

  @Test
  void aCloseRefusedWhileTheListWasCancelledElsewhereSellsNothingAndSaysThePositionHasNoExit() {
    TrackedOrderList list = placed();
    exchange.fill(id(list), LegRole.WORKING, "0.01", "300");
    StreamPushes.push(bot, ALICE, list, LegRole.WORKING, LegStatus.FILLED, "0.01", "300");
    bot.say(ALICE, "/close 8821");
    cancelGoesThroughUnheard(list);
    exchange.cancelAnswerLost = null;
    exchange.cancelFailure = new ExchangeError.Refused(-1021, "Timestamp for this request is outside of the recvWindow.");

    bot.press(ALICE, bot.lastButtons(TestBot.dm(ALICE)), Replies.CONFIRM);

    assertThat(exchange.marketOrders).isEmpty();
    assertThat(bot.telegram.texts(TestBot.dm(ALICE)))
        .anySatisfy(text -> assertThat(text)
            .startsWith("ℹ️ Not closed: BTCUSDT OTOCO #8821 had already ended")
            .endsWith("⚠️ BTCUSDT OTOCO #8821's entry had filled and its take-profit and stop-loss ended without filling,"
                + " so what it bought or sold has no take-profit or stop-loss now: place them again (/oco …) or check"
                + " /orders."));
  }

  @Test
  void aCloseRefusedWhileTheListWasCancelledElsewhereOffersToSellWhatItHeldAtMarketWithOneButton() {
    TrackedOrderList list = entryFilled();
    bot.say(ALICE, "/close 8821");
    // cancelled from Binance's own app just before the bot's cancel, which is refused
    exchange.cancel(ALICES_PAPER_KEY, list.symbol(), OrderListRef.of(new OrderListId(8821)));
    cancelGoesThroughUnheard(list);
    exchange.cancelAnswerLost = null;
    exchange.cancelFailure = new ExchangeError.Refused(-1021, "Timestamp for this request is outside of the recvWindow.");
    bot.press(ALICE, bot.lastButtons(TestBot.dm(ALICE)), Replies.CONFIRM);
    exchange.cancelFailure = null;
    assertThat(exchange.marketOrders).isEmpty();

    bot.press(ALICE, bot.lastButtons(TestBot.dm(ALICE)), "SELL 0.01 BTCUSDT at market");

    assertThat(exchange.marketOrders).singleElement().satisfies(sent -> assertThat(sent.request().quantity()).isEqualByComparingTo("0.01"));
    assertThat(bot.telegram.texts(TestBot.dm(ALICE)).getLast()).contains("MARKET SELL 0.01 filled");
  }

  @Test
  void aPanicCloseOfAListCancelledElsewhereBeforeItsConfirmSaysWhatIsHeldAndOffersToSellIt() {
    // review helper-47, finding 5: the list was cancelled in Binance's own app between the preview and the Confirm
    entryFilled();
    bot.say(ALICE, "/panic close");
    exchange.cancel(ALICES_PAPER_KEY, FakeExchange.BTCUSDT, OrderListRef.of(new OrderListId(8821)));

    bot.press(ALICE, bot.lastButtons(TestBot.dm(ALICE)), Replies.CONFIRM);
    assertThat(exchange.marketOrders).isEmpty();
    assertThat(bot.telegram.texts(TestBot.dm(ALICE))).anySatisfy(text -> assertThat(text).contains("0.01 on BTCUSDT is held with no order"));
    bot.press(ALICE, bot.lastButtons(TestBot.dm(ALICE)), "SELL 0.01 BTCUSDT at market");

    assertThat(exchange.marketOrders).singleElement().satisfies(sent -> assertThat(sent.request().quantity()).isEqualByComparingTo("0.01"));
  }

  @Test
  void aCancelOvertakenByTheBotsOwnStopMoveGivesNoFalseNoExitWarning() {
    // the trader's /cancel is on its way when the /movestop confirmed a moment before it cancels the
    // list first and places the new OCO; the /cancel then finds nothing to cancel
    TrackedOrderList list = entryFilled();
    bot.say(ALICE, "/movestop 8821 29500");
    MessageRef movePreview = bot.lastButtons(TestBot.dm(ALICE));
    exchange.whileCancelling = () -> {
      exchange.whileCancelling = () -> {};
      bot.press(ALICE, movePreview, Replies.CONFIRM);
      exitsCancelled(list);
    };

    bot.say(ALICE, "/cancel 8821");

    assertThat(bot.telegram.now(movePreview).text()).contains("Stop moved");
    assertThat(bot.telegram.texts(TestBot.dm(ALICE)))
        .anySatisfy(text -> assertThat(text).startsWith("Nothing to cancel"))
        .noneSatisfy(text -> assertThat(text).contains("ended without filling"));
  }

  private TrackedOrderList entryFilled() {
    TrackedOrderList list = placed();
    exchange.fill(id(list), LegRole.WORKING, "0.01", "300");
    StreamPushes.push(bot, ALICE, list, LegRole.WORKING, LegStatus.FILLED, "0.01", "300");
    return list;
  }

  /** The list's take-profit and stop-loss end by a cancel (the stream's events of it). */
  private void exitsCancelled(TrackedOrderList list) {
    StreamPushes.push(bot, ALICE, list, LegRole.TAKE_PROFIT, LegStatus.CANCELED, "0", "0");
    StreamPushes.push(bot, ALICE, list, LegRole.STOP_LOSS, LegStatus.CANCELED, "0", "0");
  }

  /** The next cancel goes through, its exits' ends and the list's ALL_DONE arrive while it is on its way, and its answer is lost. */
  private void cancelGoesThroughUnheard(TrackedOrderList list) {
    exchange.cancelAnswerLost = new ExchangeError.OutcomeUnknown(-1007, "Timeout waiting for response from backend server.");
    exchange.whileCancelling =
        () -> {
          StreamPushes.push(bot, ALICE, list, LegRole.TAKE_PROFIT, LegStatus.CANCELED, "0", "0");
          StreamPushes.push(bot, ALICE, list, LegRole.STOP_LOSS, LegStatus.CANCELED, "0", "0");
          bot.router().onUpdate(
              ALICE,
              new OrderListUpdate.ListChanged(
                  OrderEventIds.listFinished("binance", list.symbol(), 8821, ListOrderStatus.ALL_DONE), list.symbol(),
                  new OrderListId(8821), id(list), list.kind() == dev.orderlistbot.core.domain.order.ListKind.OCO
                      ? ContingencyType.OCO : ContingencyType.OTO,
                  ListStatusType.ALL_DONE, ListOrderStatus.ALL_DONE, bot.clock.instant()));
        };
  }

  private TrackedOrderList placedOco() {
    bot.say(ALICE, "/oco BTCUSDT sell 0.01 tp 32000 sl 29000/28900");
    bot.press(ALICE, bot.lastButtons(TestBot.dm(ALICE)), Replies.CONFIRM);
    return bot.openTracked(ALICE).getFirst();
  }

  /**
   * The OTOCO placed and its entry filled (and told); the next cancel finds nothing to cancel, the
   * list having ended by {@code ends} (stream pushes) while it was on its way.
   */
  private void entryFilledThenEndedWhileTheCancelIsOnItsWay(Consumer<TrackedOrderList> ends) {
    TrackedOrderList list = placed();
    exchange.fill(id(list), LegRole.WORKING, "0.01", "300");
    StreamPushes.push(bot, ALICE, list, LegRole.WORKING, LegStatus.FILLED, "0.01", "300");
    exchange.cancelFailure = new ExchangeError.NotFound(-2011, "Nothing to cancel: it already filled, expired or was cancelled.");
    exchange.whileCancelling = () -> ends.accept(list);
  }

  /** The stop-loss and the take-profit expire unfilled. */
  private void exitsExpire(TrackedOrderList list) {
    StreamPushes.push(bot, ALICE, list, LegRole.STOP_LOSS, LegStatus.EXPIRED, "0", "0");
    StreamPushes.push(bot, ALICE, list, LegRole.TAKE_PROFIT, LegStatus.EXPIRED, "0", "0");
  }

  private TrackedOrderList placed() {
    bot.say(ALICE, OTOCO);
    bot.press(ALICE, bot.lastButtons(TestBot.dm(ALICE)), Replies.CONFIRM);
    return bot.openTracked(ALICE).getFirst();
  }

  private static ClientListId id(TrackedOrderList list) {
    return new ClientListId(list.listClientOrderId());
  }
}
