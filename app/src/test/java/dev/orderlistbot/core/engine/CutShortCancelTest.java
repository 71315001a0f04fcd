package dev.orderlistbot.core.engine;

import static dev.orderlistbot.core.engine.TestBot.ALICE;
import static dev.orderlistbot.core.engine.TestBot.BOB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderlistbot.core.chat.MessageRef;
import dev.orderlistbot.core.domain.TradingEnvironment;
import dev.orderlistbot.core.domain.order.ClientListId;
import dev.orderlistbot.core.domain.order.LegRole;
import dev.orderlistbot.core.domain.order.LegStatus;
import dev.orderlistbot.core.port.out.ChatDeliveryException;
import dev.orderlistbot.core.port.out.ExchangeError;
import dev.orderlistbot.core.port.out.TrackedOrderList;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cancel that went through but whose answer never reached the trader (the process died before
 * sending it, the chat refused it), or a panic cut short by a crash: what the cancelled list leaves
 * held with no exit is still said, once (simulation seeds 98657 and 96533).
 */
class CutShortCancelTest {
  private static final String OTOCO = "/otoco BTCUSDT buy 0.01 @ 30000 tp 32000 sl 29000/28900";
  private static final String HELD = "0.01 on BTCUSDT is held with no take-profit or stop-loss";

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
  void aCancelWhoseAnswerTheProcessDiedBeforeSendingSaysAfterTheRestartWhatTheEntryLeftHeld() {
    entryFilled();
    bot.telegram.beforeEachSend(() -> {
      throw new OutOfMemoryError("the process dies before the answer leaves");
    });
    assertThatThrownBy(() -> bot.say(ALICE, "/cancel 8821")).isInstanceOf(OutOfMemoryError.class);
    bot.telegram.beforeEachSend(() -> {});

    bot.restart();
    bot.engine().resumeOrderEvents();
    deliverWhatIsDue();

    assertThat(bot.telegram.texts(TestBot.dm(ALICE)))
        .as("what Alice was told")
        .filteredOn(text -> text.contains(HELD))
        .singleElement()
        .satisfies(text -> assertThat(text).startsWith("⚠️ BTCUSDT OTOCO #8821 was cancelled"));
  }

  @Test
  void aCancelWhoseAnswerWasLostAndWhoseProcessDiedReadingTheListBackSaysAfterTheRestartWhatTheEntryLeftHeld() {
    // simulation seed 139234: the cancel executes, its own events end the list (kept silent as the
    // cancel's) while it is on its way, its answer is lost, and the process dies reading the list back
    entryFilled();
    TrackedOrderList list = bot.openTracked(ALICE).getFirst();
    exchange.cancelAnswerLost = new ExchangeError.OutcomeUnknown(-1007, "Timeout waiting for response from backend server.");
    exchange.whileCancelling = () -> {
      StreamPushes.push(bot, ALICE, list, LegRole.TAKE_PROFIT, LegStatus.CANCELED, "0", "0");
      StreamPushes.push(bot, ALICE, list, LegRole.STOP_LOSS, LegStatus.CANCELED, "0", "0");
    };
    exchange.whileReadingList = () -> {
      throw new OutOfMemoryError("the process dies while the list is read back");
    };
    assertThatThrownBy(() -> bot.say(ALICE, "/cancel 8821")).isInstanceOf(OutOfMemoryError.class);
    exchange.whileReadingList = () -> {};
    exchange.whileCancelling = () -> {};

    bot.restart();
    bot.engine().resumeOrderEvents();
    deliverWhatIsDue();

    assertThat(bot.telegram.texts(TestBot.dm(ALICE)))
        .as("what Alice was told")
        .filteredOn(text -> text.contains("has no take-profit or stop-loss"))
        .singleElement()
        .satisfies(text -> assertThat(text).startsWith("⚠️ BTCUSDT OTOCO #8821"));
  }

  @Test
  void aCloseWhoseCancelsOwnEventsEndedTheListSellsAndSaysNothingIsLeftUnguardedLater() {
    entryFilled();
    TrackedOrderList list = bot.openTracked(ALICE).getFirst();
    bot.say(ALICE, "/close 8821");
    exchange.whileCancelling = () -> {
      StreamPushes.push(bot, ALICE, list, LegRole.TAKE_PROFIT, LegStatus.CANCELED, "0", "0");
      StreamPushes.push(bot, ALICE, list, LegRole.STOP_LOSS, LegStatus.CANCELED, "0", "0");
    };

    bot.press(ALICE, bot.lastButtons(TestBot.dm(ALICE)), Replies.CONFIRM);
    deliverWhatIsDue();

    assertThat(exchange.marketOrders).hasSize(1);
    assertThat(bot.telegram.texts(TestBot.dm(ALICE))).noneSatisfy(text -> assertThat(text).contains("has no take-profit"));
  }

  @Test
  void aCancelWhoseAnswerTheChatRefusedSaysWhatTheEntryLeftHeldOnceTheChatTakesMessages() {
    entryFilled();
    bot.telegram.failNextSend(ChatDeliveryException.retryLater("502 Bad Gateway", Optional.empty(), null));

    bot.say(ALICE, "/cancel 8821");
    String answered = String.join("\n", bot.telegram.texts(TestBot.dm(ALICE)));
    deliverWhatIsDue();

    assertThat(answered).doesNotContain(HELD);
    assertThat(bot.telegram.texts(TestBot.dm(ALICE))).filteredOn(text -> text.contains(HELD)).hasSize(1);
  }

  @Test
  void aCancelWhoseAnswerWentOutSaysWhatIsHeldOnceAndNotAgainLater() {
    entryFilled();

    bot.say(ALICE, "/cancel 8821");
    deliverWhatIsDue();

    assertThat(bot.telegram.texts(TestBot.dm(ALICE)))
        .filteredOn(text -> text.contains(HELD))
        .singleElement()
        .satisfies(text -> assertThat(text).startsWith("✖ Cancelled BTCUSDT OTOCO #8821."));
  }

  @Test
  void aPanicWhoseAnswerWentOutSaysWhatIsHeldOnceAndNotAgainLater() {
    entryFilled();
    bot.say(ALICE, "/panic");

    bot.press(ALICE, bot.lastButtons(TestBot.dm(ALICE)), Replies.CONFIRM);
    deliverWhatIsDue();

    assertThat(bot.telegram.texts(TestBot.dm(ALICE))).filteredOn(text -> text.contains(HELD)).hasSize(1);
  }

  @Test
  void aPanicCloseCutShortBetweenTheCancelAndTheMarketOrderIsSettledAfterTheRestartWithACloseButton() {
    entryFilled();
    bot.say(ALICE, "/panic close");
    MessageRef preview = bot.lastButtons(TestBot.dm(ALICE));
    exchange.whileMarket = () -> {
      throw new OutOfMemoryError("the process dies before the market order leaves");
    };
    bot.pressAndDie(ALICE, preview, Replies.CONFIRM);
    exchange.whileMarket = () -> {};

    bot.restart();
    bot.clock.advance(PlacementSettlement.FINAL_AFTER);
    bot.engine().settlePlacements();

    assertThat(bot.telegram.now(preview).text()).isEqualTo(
        TradeReplies.panicDone(true, 0, 1, java.util.List.of("• " + TradeReplies.closeCutShortNothingSold(
            "BTCUSDT OTOCO #8821", new BigDecimal("0.01"), FakeExchange.BTCUSDT))));
    bot.press(ALICE, bot.lastButtons(TestBot.dm(ALICE)), TradeReplies.closeHeldButton(
        new PendingAction.CloseHeld(FakeExchange.BTCUSDT, dev.orderlistbot.core.domain.Side.SELL, new BigDecimal("0.01"))));
    assertThat(exchange.marketOrders).hasSize(2);
    assertThat(bot.lastReply(ALICE)).contains("MARKET SELL 0.01 filled");
    deliverWhatIsDue();
    assertThat(bot.telegram.texts(TestBot.dm(ALICE)))
        .as("the settled answer, and no warning on top of it")
        .filteredOn(text -> text.contains("held with no"))
        .hasSize(1);
  }

  @Test
  void aPanicCutShortBeforeItsCancelSaysAfterTheRestartThatTheListStillWorks() {
    entryFilled();
    bot.say(ALICE, "/panic");
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
        TradeReplies.panicDone(false, 0, 1, java.util.List.of("• " + TradeReplies.panicCutShortStillWorks("BTCUSDT OTOCO #8821"))));
    assertThat(exchange.allLists().stream().anyMatch(l -> l.isOpen())).isTrue();
  }

  @Test
  void aCancelAllOfAListWhoseEntryFilledSaysWhatIsHeldInItsAnswer() {
    entryFilled();
    bot.say(ALICE, "/cancel all");
    MessageRef question = bot.lastButtons(TestBot.dm(ALICE));

    bot.press(ALICE, question, Replies.CANCEL_ALL);
    deliverWhatIsDue();

    assertThat(bot.telegram.now(question).text()).startsWith("Cancelled 1 of 1 order list.").contains(HELD);
    assertThat(bot.telegram.texts(TestBot.dm(ALICE))).filteredOn(text -> text.contains(HELD)).hasSize(1);
  }

  @Test
  void aPanicAllSettledWhileTheExchangeDoesNotAnswerIsSettledLaterNotCalledStillWorking() {
    entryFilled();
    bot.say(ALICE, "/oco BTCUSDT sell 0.02 tp 33000 sl 28000");
    bot.press(ALICE, bot.lastButtons(TestBot.dm(ALICE)), Replies.CONFIRM);
    bot.say(BOB, "/panic all");
    MessageRef preview = bot.lastButtons(TestBot.dm(BOB));
    java.util.concurrent.atomic.AtomicInteger cancels = new java.util.concurrent.atomic.AtomicInteger();
    exchange.whileCancelling = () -> {
      if (cancels.incrementAndGet() == 2) {
        throw new OutOfMemoryError("the process dies before Alice's second list is cancelled");
      }
    };
    bot.pressAndDie(BOB, preview, Replies.CONFIRM);
    exchange.whileCancelling = () -> {};

    bot.restart();
    bot.engine().resumeOrderEvents();
    bot.clock.advance(PlacementSettlement.FINAL_AFTER);
    exchange.lookupFailures.set(1);
    bot.engine().settlePlacements();
    String whileDown = bot.telegram.now(preview).text();
    bot.engine().settlePlacements();
    deliverWhatIsDue();

    assertThat(whileDown).as("not settled while a read-back fails").doesNotContain("still works: the bot failed");
    assertThat(bot.telegram.now(preview).text()).contains("BTCUSDT OTOCO #8821 is no longer open").contains(HELD);
    assertThat(bot.telegram.texts(TestBot.dm(ALICE))).anySatisfy(text -> assertThat(text).contains(HELD));
  }

  /** The OTOCO placed, and its entry filled and told: its take-profit and stop-loss guard 0.01 BTC. */
  private void entryFilled() {
    bot.say(ALICE, OTOCO);
    bot.press(ALICE, bot.lastButtons(TestBot.dm(ALICE)), Replies.CONFIRM);
    TrackedOrderList list = bot.openTracked(ALICE).getFirst();
    exchange.fill(new ClientListId(list.listClientOrderId()), LegRole.WORKING, "0.01", "300");
    StreamPushes.push(bot, ALICE, list, LegRole.WORKING, LegStatus.FILLED, "0.01", "300");
    deliverWhatIsDue();
  }

  /** Lets every notice due within the next ten minutes out, at the chat's pace. */
  private void deliverWhatIsDue() {
    for (int i = 0; i < 60; i++) {
      bot.clock.advance(Duration.ofSeconds(10));
      bot.dispatcher().drainOnce();
    }
  }
}
