package dev.orderlistbot.core.engine;

import static dev.orderlistbot.core.engine.TestBot.ALICE;
import static dev.orderlistbot.core.engine.TestBot.dm;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.core.domain.ChatRef;
import dev.orderlistbot.core.port.out.OrderListState;
import dev.orderlistbot.core.port.out.TrackedOrderList;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Managing a trade the whole way on the paper exchange, with Binance's semantics: a moved stop is a
 * new list that then protects the position, a close sells what the list bought, a reduction
 * amends the orders in place, and a ladder's be moves the other stop when the first target fills.
 */
class PaperTradeActionsTest {
  @TempDir Path dir;
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private TestBot bot;
  private final ChatRef alice = dm(ALICE);

  @BeforeEach
  void start() {
    bot = TestBot.withPaperExchange(dir, scheduler);
  }

  @AfterEach
  void stop() {
    bot.close();
    scheduler.shutdownNow();
  }

  @Test
  void aMovedStopIsANewListThatThenProtectsThePosition() {
    long id = place("/oco BTCUSDT sell 0.01 tp 32000 sl 29000/28900");

    bot.say(ALICE, "/movestop " + id + " 29500");
    confirm();
    long replacement = newest().orderListId().orElseThrow();
    price("29400");

    assertThat(bot.telegram.texts(alice)).anySatisfy(t -> assertThat(t).startsWith("✅ Stop moved on PAPER"));
    assertThat(replacement).isNotEqualTo(id);
    assertThat(notices()).containsExactly(
        "✅ BTCUSDT OCO #" + replacement + ": stop-loss SELL 0.01 @ 29,400 filled; take-profit expired.");
    assertThat(bot.tracked(id)).map(TrackedOrderList::state).contains(OrderListState.ALL_DONE);
  }

  @Test
  void closeAtMarketSellsWhatTheEntryBoughtAndNothingMore() {
    long id = place("/otoco BTCUSDT buy 0.01 @ 29000 tp 31000 sl 28000");
    price("29000");

    bot.say(ALICE, "/close " + id);
    assertThat(bot.lastReply(ALICE)).contains("MARKET SELL").contains("now 0.01 on BTCUSDT");
    confirm();

    assertThat(bot.lastReply(ALICE)).startsWith("✅ Cancelled BTCUSDT OTOCO #" + id + ": MARKET SELL 0.01 filled at an average of 29,000");
    assertThat(bot.openTracked(ALICE)).isEmpty();
    bot.say(ALICE, "/orders");
    assertThat(bot.lastReply(ALICE)).isEqualTo(Replies.noOpenLists());
  }

  @Test
  void aReducedOcoFillsWithItsNewSize() {
    long id = place("/oco BTCUSDT sell 0.01 tp 32000 sl 29000/28900");

    bot.say(ALICE, "/reduce " + id + " 0.004");
    confirm();
    price("32000");

    assertThat(bot.telegram.texts(alice)).contains("✅ BTCUSDT OCO #" + id + " is reduced to 0.004, keeping its place in the queue.");
    assertThat(notices()).containsExactly("✅ BTCUSDT OCO #" + id + ": take-profit SELL 0.004 @ 32,000 filled; stop-loss expired.");
  }

  @Test
  void aLaddersBreakevenPlanMovesTheOtherStopWhenTheFirstTargetFills() {
    bot.say(ALICE, "/otoco BTCUSDT buy 0.02 @ 29000 tp 31000 32000 sl 28000 be");
    confirm();
    List<TrackedOrderList> ladder = bot.openTracked(ALICE);
    assertThat(ladder).hasSize(2);

    price("29000");
    price("31000");
    bot.engine().runBreakevenPlans();
    long replacement = newest().orderListId().orElseThrow();
    price("28990");

    assertThat(bot.telegram.texts(alice)).anySatisfy(t -> assertThat(t).startsWith("🔧 Breakeven plan done"));
    assertThat(notices()).last().isEqualTo(
        "✅ BTCUSDT OCO #" + replacement + ": stop-loss SELL 0.01 @ 28,990 filled; take-profit expired.");
  }

  private long place(String line) {
    bot.say(ALICE, line);
    confirm();
    return newest().orderListId().orElseThrow();
  }

  private void confirm() {
    bot.press(ALICE, bot.lastButtons(alice), Replies.CONFIRM);
  }

  private TrackedOrderList newest() {
    return bot.openTracked(ALICE).stream().max(Comparator.comparing(TrackedOrderList::createdAt)
        .thenComparing(t -> t.orderListId().orElse(0))).orElseThrow();
  }

  private void price(String price) {
    bot.say(ALICE, "/paper price BTCUSDT " + price);
    assertThat(bot.lastReply(ALICE)).startsWith("Paper price of BTCUSDT set to");
    bot.clock.advance(Duration.ofSeconds(5));
    bot.dispatcher().drainOnce();
  }

  /** The fill notices of Alice's chat, in order. */
  private List<String> notices() {
    return bot.telegram.texts(alice).stream()
        .filter(t -> t.startsWith("✅ BTCUSDT"))
        .filter(t -> t.contains(" filled"))
        .toList();
  }
}
