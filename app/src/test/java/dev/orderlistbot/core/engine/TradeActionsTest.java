package dev.orderlistbot.core.engine;

import static dev.orderlistbot.core.engine.TestBot.ALICE;
import static dev.orderlistbot.core.engine.TestBot.BOB;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.core.chat.MessageRef;
import dev.orderlistbot.core.domain.Side;
import dev.orderlistbot.core.domain.TradingEnvironment;
import dev.orderlistbot.core.domain.order.ClientListId;
import dev.orderlistbot.core.domain.order.LegRole;
import dev.orderlistbot.core.domain.order.OrderListRequest;
import dev.orderlistbot.core.port.out.ExchangeError;
import dev.orderlistbot.core.port.out.OrderListState;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Managing a placed list from the chat, on the fake exchange: moving the stop (cancel, then the
 * replacement once), closing at market (cancel, then one market order for what the list held) and
 * reducing the size (one keep-priority amend). Every action is previewed and confirmed; a failed
 * step after the cancel is said at once, with what to do next.
 */
class TradeActionsTest {
  private static final String OCO = "/oco BTCUSDT sell 0.01 tp 32000 sl 29000/28900";

  @TempDir Path dir;
  private TestBot bot;
  private FakeExchange exchange;

  @BeforeEach
  void start() {
    bot = TestBot.withFakeExchange(dir, TradingEnvironment.PAPER, new RecordingEventSource());
    exchange = (FakeExchange) bot.exchange;
  }

  @AfterEach
  void stop() {
    bot.close();
  }

  private void place(String line) {
    bot.say(ALICE, line);
    bot.press(ALICE, bot.lastButtons(TestBot.dm(ALICE)), Replies.CONFIRM);
    assertThat(bot.lastReply(ALICE)).startsWith("✅ Placed");
  }

  private MessageRef confirmLast() {
    MessageRef preview = bot.lastButtons(TestBot.dm(ALICE));
    bot.press(ALICE, preview, Replies.CONFIRM);
    return preview;
  }

  private ClientListId firstList() {
    return new ClientListId(exchange.clientIdsSent.get(0));
  }

  @Test
  void movingTheStopPreviewsTheNewListThenCancelsTheOldOneAndPlacesItsReplacementOnce() {
    place(OCO);

    bot.say(ALICE, "/movestop 8821 29500");

    assertThat(bot.lastReply(ALICE))
        .contains("move the stop of BTCUSDT OCO #8821 from 29,000 to 29,500")
        .contains("cancels BTCUSDT OCO #8821")
        .contains("a new OCO SELL 0.01 BTCUSDT")
        .contains("stop 29,500 limit 29,400");
    assertThat(exchange.placeCalls).hasValue(1);

    confirmLast();

    assertThat(exchange.placeCalls).hasValue(2);
    assertThat(exchange.clientIdsSent.get(1)).isNotEqualTo(exchange.clientIdsSent.get(0));
    OrderListRequest.Oco replacement = (OrderListRequest.Oco) exchange.requestsSent.get(1);
    assertThat(replacement.quantity().value()).isEqualByComparingTo("0.01");
    assertThat(replacement.pair().below().stopPrice().orElseThrow().value()).isEqualByComparingTo("29500");
    assertThat(replacement.pair().below().limitPrice().orElseThrow().value()).isEqualByComparingTo("29400");
    assertThat(replacement.pair().above().limitPrice().orElseThrow().value()).isEqualByComparingTo("32000");
    assertThat(bot.lastReply(ALICE)).startsWith("✅ Stop moved on PAPER: BTCUSDT OCO #8821 is cancelled and BTCUSDT OCO #8822 is live");
    assertThat(bot.tracked(8821).orElseThrow().state()).isEqualTo(OrderListState.ALL_DONE);
    assertThat(bot.tracked(8822).orElseThrow().state()).isEqualTo(OrderListState.EXECUTING);
    assertThat(exchange.allLists().stream().filter(l -> l.isOpen()).count()).isEqualTo(1);
  }

  @Test
  void aSecondPressOnTheMoveNeverPlacesTheReplacementTwice() {
    place(OCO);
    bot.say(ALICE, "/movestop 8821 29500");
    MessageRef preview = bot.lastButtons(TestBot.dm(ALICE));
    dev.orderlistbot.core.chat.ChatEvent.ButtonPressed confirm = bot.pressEvent(ALICE, preview, Replies.CONFIRM);
    bot.engine().handle(confirm);

    bot.engine().handle(confirm);

    assertThat(exchange.placeCalls).hasValue(2);
  }

  @Test
  void aRefusedReplacementSaysAtOnceThatThePositionHasNoStopAndOffersRetryAndCloseAtMarket() {
    place(OCO);
    bot.say(ALICE, "/movestop 8821 29500");
    exchange.placeMode = FakeExchange.PlaceMode.REFUSE;

    confirmLast();

    assertThat(bot.telegram.texts(TestBot.dm(ALICE)))
        .anySatisfy(text -> assertThat(text)
            .startsWith("🚨 BTCUSDT OCO #8821 is cancelled, but the new list was NOT placed")
            .contains("Your position of 0.01 on BTCUSDT has NO stop now"));
    MessageRef choices = bot.lastButtons(TestBot.dm(ALICE));
    assertThat(bot.telegram.now(choices).buttons()).extracting(b -> b.label())
        .containsExactly(TradeReplies.RETRY, TradeReplies.CLOSE_NOW);

    exchange.placeMode = FakeExchange.PlaceMode.ACCEPT;
    bot.press(ALICE, choices, TradeReplies.RETRY);

    assertThat(exchange.placeCalls).hasValue(3);
    assertThat(exchange.clientIdsSent).doesNotHaveDuplicates();
    assertThat(bot.lastReply(ALICE)).startsWith("✅ Stop moved on PAPER: BTCUSDT OCO #8821 is cancelled and BTCUSDT OCO #8823 is live");
  }

  @Test
  void closeAtMarketAfterARefusedReplacementSellsExactlyWhatTheListHeld() {
    place(OCO);
    bot.say(ALICE, "/movestop 8821 29500");
    exchange.placeMode = FakeExchange.PlaceMode.REFUSE;
    confirmLast();

    bot.press(ALICE, bot.lastButtons(TestBot.dm(ALICE)), TradeReplies.CLOSE_NOW);

    assertThat(exchange.marketOrders).hasSize(1);
    assertThat(exchange.marketOrders.get(0).request().side()).isEqualTo(Side.SELL);
    assertThat(exchange.marketOrders.get(0).request().quantity()).isEqualByComparingTo("0.01");
    assertThat(bot.lastReply(ALICE)).contains("MARKET SELL 0.01 filled at an average of 30,000");
  }

  @Test
  void aCancelThatDidNotGoThroughPlacesNothingAndSaysTheListWorksAsBefore() {
    place(OCO);
    bot.say(ALICE, "/movestop 8821 29500");
    exchange.cancelFailure = new ExchangeError.Unavailable("Could not reach Binance; nothing was sent.");

    confirmLast();

    assertThat(exchange.placeCalls).hasValue(1);
    assertThat(bot.lastReply(ALICE)).startsWith("⚠️ The stop was not moved").endsWith("BTCUSDT OCO #8821 works as before.");
    assertThat(bot.tracked(8821).orElseThrow().state()).isEqualTo(OrderListState.EXECUTING);
  }

  @Test
  void aListThatFilledWhileItsStopMovedIsNotReplaced() {
    place(OCO);
    bot.say(ALICE, "/movestop 8821 29500");
    exchange.whileCancelling = () -> exchange.fill(firstList(), LegRole.TAKE_PROFIT, "0.004", "128");

    confirmLast();

    assertThat(exchange.placeCalls).hasValue(1);
    assertThat(bot.telegram.texts(TestBot.dm(ALICE)))
        .anySatisfy(text -> assertThat(text).contains("part of it filled meanwhile, so the new list (sized before) was NOT placed"));
  }

  @Test
  void breakevenMovesTheStopToTheEntrysAverageFillOnceTheEntryFilled() {
    place("/otoco BTCUSDT buy 0.01 @ 30000 tp 32000 sl 29000");
    ClientListId list = firstList();
    exchange.fill(list, LegRole.WORKING, "0.01", "300.05");
    exchange.last = dev.orderlistbot.core.domain.Price.of("30500");

    bot.say(ALICE, "/movestop 8821 be");
    assertThat(bot.lastReply(ALICE)).contains("from 29,000 to 30,005 (breakeven)").contains("a new OCO SELL 0.01 BTCUSDT");
    confirmLast();

    OrderListRequest.Oco replacement = (OrderListRequest.Oco) exchange.requestsSent.get(1);
    assertThat(replacement.side()).isEqualTo(Side.SELL);
    assertThat(replacement.pair().below().stopPrice().orElseThrow().value()).isEqualByComparingTo("30005");
    assertThat(bot.lastReply(ALICE)).startsWith("✅ Stop moved");
  }

  @Test
  void breakevenBeforeTheEntryFilledIsRefusedWithTheFormThatWorks() {
    place("/otoco BTCUSDT buy 0.01 @ 30000 tp 32000 sl 29000");

    bot.say(ALICE, "/movestop 8821 be");

    assertThat(bot.lastReply(ALICE)).isEqualTo(
        "❌ BTCUSDT OTOCO #8821 has no entry the bot saw fill, so there is no breakeven price. Give the price instead:"
            + " /movestop 8821 29500.");
  }

  @Test
  void aStopThatWouldTriggerAtOnceIsRefusedBeforeAnythingIsCancelled() {
    place(OCO);

    bot.say(ALICE, "/movestop 8821 30500");

    assertThat(bot.lastReply(ALICE)).startsWith("❌ The stop cannot move to 30,500.").contains("would trigger immediately");
    assertThat(bot.telegram.lastWithButtons(TestBot.dm(ALICE)).map(m -> bot.telegram.now(m).buttons()).orElse(List.of()))
        .extracting(b -> b.label())
        .doesNotContain(Replies.CONFIRM);
    assertThat(exchange.placeCalls).hasValue(1);
  }

  @Test
  void anotherUsersListCannotBeManaged() {
    place(OCO);

    bot.say(BOB, "/close 8821");
    assertThat(bot.lastReply(BOB)).isEqualTo(TradeReplies.notYourList(8821));
    bot.say(BOB, "/movestop 8821 29500");
    assertThat(bot.lastReply(BOB)).isEqualTo(TradeReplies.notYourList(8821));
    bot.say(BOB, "/reduce 8821 0.005");
    assertThat(bot.lastReply(BOB)).isEqualTo(TradeReplies.notYourList(8821));
  }

  @Test
  void closeAtMarketCancelsTheListThenSellsWhatTheEntryBoughtAndReportsTheFillPrice() {
    place("/otoco BTCUSDT buy 0.01 @ 30000 tp 32000 sl 29000");
    exchange.fill(firstList(), LegRole.WORKING, "0.01", "300");
    exchange.last = dev.orderlistbot.core.domain.Price.of("30100");

    bot.say(ALICE, "/close 8821");
    assertThat(bot.lastReply(ALICE)).contains("close BTCUSDT OTOCO #8821").contains("MARKET SELL").contains("now 0.01 on BTCUSDT");
    confirmLast();

    assertThat(exchange.marketOrders).hasSize(1);
    assertThat(exchange.marketOrders.get(0).request().quantity()).isEqualByComparingTo("0.01");
    assertThat(exchange.marketOrders.get(0).clientOrderId().value()).startsWith("oc-");
    assertThat(bot.lastReply(ALICE)).isEqualTo(
        "✅ Cancelled BTCUSDT OTOCO #8821: MARKET SELL 0.01 filled at an average of 30,100 (301 in the quote asset).");
    assertThat(exchange.allLists().stream().noneMatch(l -> l.isOpen())).isTrue();
  }

  @Test
  void closingAListWhoseEntryHasNotFilledIsRefusedAndPointsToCancel() {
    place("/otoco BTCUSDT buy 0.01 @ 30000 tp 32000 sl 29000");

    bot.say(ALICE, "/close 8821");

    assertThat(bot.lastReply(ALICE)).isEqualTo(TradeReplies.nothingHeld("BTCUSDT OTOCO #8821", 8821));
  }

  @Test
  void aRefusedMarketOrderAfterTheCancelIsSaidWithARetry() {
    place(OCO);
    bot.say(ALICE, "/close 8821");
    exchange.marketMode = FakeExchange.MarketMode.REFUSE;

    confirmLast();

    assertThat(bot.telegram.texts(TestBot.dm(ALICE)))
        .anySatisfy(text -> assertThat(text).startsWith("🚨 Cancelled BTCUSDT OCO #8821, but the MARKET SELL of 0.01 on BTCUSDT was refused"));
    exchange.marketMode = FakeExchange.MarketMode.FILL;
    bot.press(ALICE, bot.lastButtons(TestBot.dm(ALICE)), TradeReplies.RETRY);
    assertThat(exchange.marketOrders).hasSize(2);
    assertThat(exchange.marketOrders.get(1).clientOrderId()).isNotEqualTo(exchange.marketOrders.get(0).clientOrderId());
    assertThat(bot.lastReply(ALICE)).contains("MARKET SELL 0.01 filled");
  }

  @Test
  void aMarketOrderWhoseAnswerWasLostIsLookedUpNeverSentAgain() {
    place(OCO);
    bot.say(ALICE, "/close 8821");
    exchange.marketMode = FakeExchange.MarketMode.FILL_THEN_UNKNOWN;

    confirmLast();

    assertThat(exchange.marketOrders).hasSize(1);
    assertThat(bot.lastReply(ALICE)).contains("MARKET SELL 0.01 filled at an average of 30,000");
  }

  @Test
  void reducingAnOcoAmendsItsTakeProfitOnceKeepingItsPlace() {
    place(OCO);

    bot.say(ALICE, "/reduce 8821 0.005");
    assertThat(bot.lastReply(ALICE)).contains("reduce BTCUSDT OCO #8821 from 0.01 to 0.005").contains("both legs")
        .as("what it no longer guards is said before the Confirm")
        .contains("The 0.005 taken off will have no take-profit or stop-loss from this list.");
    confirmLast();

    assertThat(exchange.amends).hasSize(1);
    assertThat(exchange.amends.get(0).order()).isEqualTo(firstList().legId(LegRole.TAKE_PROFIT));
    assertThat(exchange.amends.get(0).newQuantity()).isEqualByComparingTo("0.005");
    assertThat(bot.lastReply(ALICE)).isEqualTo("✅ BTCUSDT OCO #8821 is reduced to 0.005, keeping its place in the queue.");
  }

  @Test
  void anIncreaseIsRefusedWithTheCurrentSizeAndAnExample() {
    place(OCO);

    bot.say(ALICE, "/reduce 8821 0.02");

    assertThat(bot.lastReply(ALICE)).isEqualTo(
        "❌ 0.02 is not below the list's size 0.01: /reduce only lowers it. To trade more, place a new list. Example:"
            + " /reduce 8821 0.005.");
    assertThat(exchange.amends).isEmpty();
  }

  @Test
  void aSizeOffTheStepIsRefusedWithTheNearestOneBelow() {
    place(OCO);

    bot.say(ALICE, "/reduce 8821 0.0050001");

    assertThat(bot.lastReply(ALICE)).isEqualTo(
        "❌ 0.0050001 is not a multiple of the step size 0.00001. Example: /reduce 8821 0.005.");
  }

  @Test
  void anAmendTheExchangeRefusesIsSaidWithItsReason() {
    place(OCO);
    bot.say(ALICE, "/reduce 8821 0.005");
    exchange.amendFailure = new ExchangeError.Refused(-2038, "That order was amended too many times.");

    confirmLast();

    assertThat(bot.lastReply(ALICE)).startsWith("⚠️ BTCUSDT OCO #8821 was not reduced: The exchange refused: That order was amended too many times");
  }

  @Test
  void everyConfirmedActionIsAudited() {
    place(OCO);
    bot.say(ALICE, "/reduce 8821 0.005");
    confirmLast();

    assertThat(bot.audit(ALICE)).anySatisfy(entry -> {
      assertThat(entry.action()).isEqualTo(dev.orderlistbot.core.port.out.AuditAction.TRADE_ACTION_CONFIRMED);
      assertThat(entry.subject()).contains("reduce BTCUSDT #8821 to 0.005");
    });
  }

  @Test
  void aProcessThatDiesBetweenTheCancelAndTheReplacementLeavesTheTraderToldThePositionHasNoStop() {
    place(OCO);
    bot.say(ALICE, "/movestop 8821 29500");
    MessageRef preview = bot.lastButtons(TestBot.dm(ALICE));
    exchange.whilePlacing = () -> {
      throw new OutOfMemoryError("the process dies before the replacement leaves");
    };
    bot.pressAndDie(ALICE, preview, Replies.CONFIRM);
    exchange.whilePlacing = () -> {};

    bot.restart();
    bot.clock.advance(PlacementSettlement.FINAL_AFTER);
    bot.engine().settlePlacements();

    assertThat(bot.telegram.now(preview).text()).isEqualTo(
        TradeReplies.replacementNotPlacedAfterAll(TradingEnvironment.PAPER, "BTCUSDT #8821"));
    assertThat(exchange.placeCalls).hasValue(2);
    assertThat(exchange.allLists().stream().noneMatch(l -> l.isOpen())).isTrue();
  }

  @Test
  void aProcessThatDiesBeforeTheCancelLeavesTheTraderToldTheOldListStillWorks() {
    place(OCO);
    bot.say(ALICE, "/movestop 8821 29500");
    MessageRef preview = bot.lastButtons(TestBot.dm(ALICE));
    exchange.whileCancelling = () -> {
      throw new OutOfMemoryError("the process dies before the cancel leaves");
    };
    bot.pressAndDie(ALICE, preview, Replies.CONFIRM);
    exchange.whileCancelling = () -> {};

    bot.restart();
    bot.engine().resumeOrderEvents();
    bot.clock.advance(PlacementSettlement.FINAL_AFTER);
    bot.engine().settlePlacements();

    assertThat(bot.telegram.now(preview).text()).isEqualTo(
        TradeReplies.replacementNotPlacedOldWorks(TradingEnvironment.PAPER, "BTCUSDT #8821"));
    assertThat(exchange.placeCalls).hasValue(1);
    assertThat(bot.tracked(8821).orElseThrow().state()).isEqualTo(OrderListState.EXECUTING);
  }

  @Test
  void aCloseCutShortBetweenTheCancelAndTheMarketOrderIsSettledAfterTheRestartWithACloseButton() {
    place(OCO);
    bot.say(ALICE, "/close 8821");
    MessageRef preview = bot.lastButtons(TestBot.dm(ALICE));
    exchange.whileMarket = () -> {
      throw new OutOfMemoryError("the process dies before the market order leaves");
    };
    bot.pressAndDie(ALICE, preview, Replies.CONFIRM);
    exchange.whileMarket = () -> {};

    bot.restart();
    bot.engine().settlePlacements();
    String soon = bot.telegram.now(preview).text();
    bot.clock.advance(PlacementSettlement.FINAL_AFTER);
    bot.engine().settlePlacements();
    bot.engine().settlePlacements();

    assertThat(soon).as("not settled while the request could still execute").startsWith("⏳ Closing");
    assertThat(bot.telegram.now(preview).text()).isEqualTo(
        TradeReplies.closeCutShortNothingSold("BTCUSDT OCO #8821", new java.math.BigDecimal("0.01"), FakeExchange.BTCUSDT));
    bot.press(ALICE, bot.lastButtons(TestBot.dm(ALICE)), TradeReplies.RETRY);
    assertThat(exchange.marketOrders).hasSize(2);
    assertThat(bot.lastReply(ALICE)).contains("MARKET SELL 0.01 filled");
  }

  @Test
  void aReductionWhoseAnswerWasLostIsReadBackToldAndNoLongerOwed() {
    place(OCO);
    bot.say(ALICE, "/reduce 8821 0.005");
    MessageRef preview = bot.lastButtons(TestBot.dm(ALICE));
    exchange.amendFailure = new ExchangeError.OutcomeUnknown(-1007, "Timeout waiting for response from backend server.");
    dev.orderlistbot.core.chat.ChatEvent.ButtonPressed confirm = bot.pressEvent(ALICE, preview, Replies.CONFIRM);
    bot.engine().handle(confirm);
    exchange.amendFailure = null;

    bot.clock.advance(PlacementSettlement.FINAL_AFTER);
    bot.engine().settlePlacements();

    assertThat(exchange.amends).hasSize(1);
    assertThat(bot.telegram.now(preview).text()).startsWith("⚠️ Binance did not confirm the reduction");
    List<java.util.UUID> owed = bot.stores(s -> s.owedActions().owedUntil(bot.clock.instant().plusSeconds(1), 10));
    assertThat(owed).isEmpty();
  }

  @Test
  void theMovedStopsPreviewBecomesTheCardOfTheNewListWithItsButtons() {
    place(OCO);
    bot.say(ALICE, "/movestop 8821 29500");
    MessageRef preview = confirmLast();

    assertThat(bot.telegram.now(preview).text()).startsWith("✅ Stop moved").contains("BTCUSDT OCO #8822").contains("29,500");
    assertThat(bot.telegram.now(preview).buttons()).extracting(b -> b.label()).contains(Replies.CARD_CANCEL, Replies.CARD_CLOSE);
  }

  @Test
  void theCardsButtonsOpenTheConfirmationOfWhatTheyWouldDo() {
    place(OCO);
    MessageRef card = bot.lastButtons(TestBot.dm(ALICE));

    bot.press(ALICE, card, Replies.CARD_CLOSE);
    assertThat(bot.lastReply(ALICE)).contains("close BTCUSDT OCO #8821").contains("MARKET SELL");
    confirmLast();
    assertThat(exchange.marketOrders).hasSize(1);

    place(OCO);
    bot.press(ALICE, bot.lastButtons(TestBot.dm(ALICE)), Replies.CARD_CANCEL);
    assertThat(bot.lastReply(ALICE)).contains("cancel BTCUSDT OCO #8822");
    confirmLast();
    assertThat(bot.lastReply(ALICE)).isEqualTo("✖ Cancelled BTCUSDT OCO #8822.");
  }
}
