package dev.orderlistbot.core.engine;

import static dev.orderlistbot.core.engine.TestBot.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.core.chat.MessageRef;
import dev.orderlistbot.core.domain.Side;
import dev.orderlistbot.core.domain.TradingEnvironment;
import dev.orderlistbot.core.domain.order.ClientListId;
import dev.orderlistbot.core.domain.order.LegRole;
import dev.orderlistbot.core.port.out.ExchangeError;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /panic} cancels every open list of the trader after one confirmation that names them all,
 * each once, and says per list what happened; {@code /panic close} also closes at market what each
 * held; a failure in the middle is said for that list, with one Retry for the failed ones.
 */
class PanicTest {
  @TempDir Path dir;
  private TestBot bot;
  private FakeExchange exchange;

  @BeforeEach
  void start() {
    bot = TestBot.withFakeExchange(dir, TradingEnvironment.PAPER, new RecordingEventSource());
    exchange = (FakeExchange) bot.exchange;
    place("/oco BTCUSDT sell 0.01 tp 32000 sl 29000/28900");
    place("/otoco BTCUSDT buy 0.02 @ 29500 tp 31000 sl 29000");
    exchange.fill(new ClientListId(exchange.clientIdsSent.get(1)), LegRole.WORKING, "0.02", "590");
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

  @Test
  void panicNamesEveryOpenListThenCancelsEachOnce() {
    bot.say(ALICE, "/panic");
    assertThat(bot.lastReply(ALICE)).startsWith("🚨 PAPER: PANIC").contains("BTCUSDT OCO #8821").contains("BTCUSDT OTOCO #8822");
    MessageRef preview = bot.lastButtons(TestBot.dm(ALICE));
    dev.orderlistbot.core.chat.ChatEvent.ButtonPressed confirm = bot.pressEvent(ALICE, preview, Replies.CONFIRM);
    bot.engine().handle(confirm);
    bot.engine().handle(confirm);
    assertThat(bot.lastReply(ALICE)).isEqualTo(Replies.alreadyConfirmed());

    assertThat(bot.telegram.now(preview).text())
        .startsWith("✅ Panic: 2 of 2 list(s) done.")
        .contains("✖ Cancelled BTCUSDT OCO #8821.")
        .contains("✖ Cancelled BTCUSDT OTOCO #8822.");
    assertThat(exchange.allLists().stream().noneMatch(l -> l.isOpen())).isTrue();
    assertThat(exchange.marketOrders).isEmpty();
  }

  @Test
  void panicSaysWhatAListWhoseEntryFilledLeavesHeldWithNoExit() {
    bot.say(ALICE, "/panic");
    MessageRef preview = bot.lastButtons(TestBot.dm(ALICE));
    bot.press(ALICE, preview, Replies.CONFIRM);

    // as /cancel says it: the OTOCO's entry had filled, and the panic took its take-profit and stop-loss
    assertThat(bot.telegram.now(preview).text())
        .contains("• ✖ Cancelled BTCUSDT OTOCO #8822. ⚠️ Its entry had filled, so 0.02 on BTCUSDT is held with no take-profit or"
            + " stop-loss now: place them again (/oco BTCUSDT sell 0.02 tp … sl …) or check /orders.")
        .contains("• ✖ Cancelled BTCUSDT OCO #8821.\n");
  }

  @Test
  void panicCloseAlsoSellsWhatEachListHeldAndNothingMore() {
    bot.say(ALICE, "/panic close");
    bot.press(ALICE, bot.lastButtons(TestBot.dm(ALICE)), Replies.CONFIRM);

    assertThat(exchange.marketOrders).hasSize(2);
    assertThat(exchange.marketOrders).allSatisfy(m -> assertThat(m.request().side()).isEqualTo(Side.SELL));
    assertThat(exchange.marketOrders.get(0).request().quantity()).isEqualByComparingTo("0.01");
    assertThat(exchange.marketOrders.get(1).request().quantity()).isEqualByComparingTo("0.02");
    assertThat(exchange.marketOrders.get(0).clientOrderId()).isNotEqualTo(exchange.marketOrders.get(1).clientOrderId());
    assertThat(bot.lastReply(ALICE)).startsWith("✅ Panic close: 2 of 2 list(s) done.");
  }

  @Test
  void aFailureInTheMiddleIsSaidForThatListWithARetryForTheFailedOnesOnly() {
    AtomicInteger cancels = new AtomicInteger();
    exchange.whileCancelling = () -> exchange.cancelFailure =
        cancels.incrementAndGet() == 1 ? new ExchangeError.Unavailable("Could not reach Binance; nothing was sent.") : null;
    bot.say(ALICE, "/panic");
    bot.press(ALICE, bot.lastButtons(TestBot.dm(ALICE)), Replies.CONFIRM);

    assertThat(bot.telegram.texts(TestBot.dm(ALICE)))
        .anySatisfy(t -> assertThat(t)
            .startsWith("⚠️ Panic: 1 of 2 list(s) done.")
            .contains("⚠️ BTCUSDT OCO #8821 was not cancelled and still works")
            .contains("✖ Cancelled BTCUSDT OTOCO #8822."));
    exchange.whileCancelling = () -> exchange.cancelFailure = null;
    bot.press(ALICE, bot.lastButtons(TestBot.dm(ALICE)), TradeReplies.RETRY);

    assertThat(bot.lastReply(ALICE)).startsWith("✅ Panic: 1 of 1 list(s) done.").contains("✖ Cancelled BTCUSDT OCO #8821.");
    assertThat(exchange.allLists().stream().noneMatch(l -> l.isOpen())).isTrue();
  }

  @Test
  void panicWithNothingOpenSaysSo() {
    bot.say(ALICE, "/panic");
    bot.press(ALICE, bot.lastButtons(TestBot.dm(ALICE)), Replies.CONFIRM);

    bot.say(ALICE, "/panic close");

    assertThat(bot.lastReply(ALICE)).isEqualTo(Replies.noOpenLists());
  }

  @Test
  void aRefusedMarketOrderInAPanicCloseIsOfferedAgainAsThatMarketOrderNotAsAnotherCancel() {
    exchange.marketMode = FakeExchange.MarketMode.REFUSE;
    bot.say(ALICE, "/panic close");
    bot.press(ALICE, bot.lastButtons(TestBot.dm(ALICE)), Replies.CONFIRM);

    assertThat(bot.telegram.texts(TestBot.dm(ALICE)))
        .anySatisfy(t -> assertThat(t).startsWith("⚠️ Panic close: 0 of 2 list(s) done.").contains("was refused"));
    MessageRef choices = bot.lastButtons(TestBot.dm(ALICE));
    assertThat(bot.telegram.now(choices).buttons()).extracting(b -> b.label())
        .containsExactly("SELL 0.01 BTCUSDT at market", "SELL 0.02 BTCUSDT at market");
    exchange.marketMode = FakeExchange.MarketMode.FILL;
    bot.press(ALICE, choices, "SELL 0.02 BTCUSDT at market");

    assertThat(exchange.marketOrders).hasSize(3);
    assertThat(exchange.marketOrders.get(2).request().quantity()).isEqualByComparingTo("0.02");
    assertThat(bot.lastReply(ALICE)).contains("MARKET SELL 0.02 filled");
  }
}
