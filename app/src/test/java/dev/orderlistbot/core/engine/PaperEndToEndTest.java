package dev.orderlistbot.core.engine;

import static dev.orderlistbot.core.engine.TestBot.ALICE;
import static dev.orderlistbot.core.engine.TestBot.GROUP;
import static dev.orderlistbot.core.engine.TestBot.dm;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.core.domain.ChatRef;
import dev.orderlistbot.core.port.out.OrderListState;
import dev.orderlistbot.core.port.out.TrackedOrderList;
import dev.orderlistbot.db.testing.TestDatabases;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The whole way on the paper exchange: a chat line, the preview, Confirm, the list on the exchange,
 * the price moved with {@code /paper price}, and the fill notice in the chat the list came from.
 */
@ParameterizedClass(name = "on {0}")
@EnumSource(TestDatabases.class)
class PaperEndToEndTest {
  private static final Pattern LIST_ID = Pattern.compile("Order list #(\\d+)");

  @Parameter TestDatabases databases;
  @TempDir Path dir;
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private TestBot bot;
  private final ChatRef alice = dm(ALICE);

  @BeforeEach
  void start() {
    bot = TestBot.withPaperExchange(databases.fresh(dir), scheduler);
  }

  @AfterEach
  void stop() {
    if (bot != null) {
      bot.close();
    }
    scheduler.shutdownNow();
  }

  @Test
  void anOcoTakeProfitFillsAndTheStopLossExpires() {
    long id = place(alice, "/oco BTCUSDT sell 0.01 tp 32000 sl 29000/28900");

    price("32000");

    assertThat(notices(alice))
        .containsExactly("✅ BTCUSDT OCO #" + id + ": take-profit SELL 0.01 @ 32,000 filled; stop-loss expired.");
    assertThat(bot.tracked(id)).map(TrackedOrderList::state).contains(OrderListState.ALL_DONE);
  }

  @Test
  void anOtoEntryFillsThenItsTakeProfit() {
    long id = place(alice, "/oto BTCUSDT buy 0.01 @ 29000 tp 31000");

    price("29000");
    price("31000");

    assertThat(notices(alice))
        .containsExactly(
            "✅ BTCUSDT OTO #" + id + ": entry BUY 0.01 @ 29,000 filled; take-profit is now working.",
            "✅ BTCUSDT OTO #" + id + ": take-profit SELL 0.01 @ 31,000 filled.");
  }

  @Test
  void anOtocoEntryFillsThenItsStopLossTriggersAndTheTakeProfitExpires() {
    long id = place(alice, "/otoco BTCUSDT buy 0.01 @ 29000 tp 31000 sl 28000");

    price("29000");
    price("27900");

    assertThat(notices(alice))
        .containsExactly(
            "✅ BTCUSDT OTOCO #" + id + ": entry BUY 0.01 @ 29,000 filled; take-profit and stop-loss are now working.",
            "✅ BTCUSDT OTOCO #" + id + ": stop-loss SELL 0.01 @ 27,900 filled; take-profit expired.");
  }

  @Test
  void anOpoSellsExactlyWhatItsEntryBought() {
    long id = place(alice, "/opo BTCUSDT buy 0.01 @ 29000 tp 31000");

    price("29000");
    price("31000");

    assertThat(notices(alice))
        .containsExactly(
            "✅ BTCUSDT OPO #" + id + ": entry BUY 0.01 @ 29,000 filled; take-profit is now working.",
            "✅ BTCUSDT OPO #" + id + ": take-profit SELL 0.01 @ 31,000 filled.");
  }

  @Test
  void anOpocoPlacedInAGroupReportsItsFillsInThatGroup() {
    long id = place(GROUP, "/opoco BTCUSDT buy 0.01 @ 29000 tp 31000 sl 28000");

    price("29000");
    price("31000");

    assertThat(notices(GROUP))
        .containsExactly(
            "✅ BTCUSDT OPOCO #" + id + ": entry BUY 0.01 @ 29,000 filled; take-profit and stop-loss are now working.",
            "✅ BTCUSDT OPOCO #" + id + ": take-profit SELL 0.01 @ 31,000 filled; stop-loss expired.");
    assertThat(notices(alice)).isEmpty();
  }

  @Test
  void cancellingThroughTheBotSaysCancelledOnceWithoutAClosedNoticeOnTop() {
    long id = place(alice, "/oco BTCUSDT sell 0.01 tp 32000 sl 29000/28900");

    bot.say(ALICE, "/cancel " + id);
    price("32000");

    assertThat(bot.telegram.texts(alice)).contains("✖ Cancelled BTCUSDT OCO #" + id + ".");
    assertThat(notices(alice)).isEmpty();
  }

  @Test
  void theBalanceAndOpenListsComeFromTheTradersPaperAccount() {
    long id = place(alice, "/oco BTCUSDT sell 0.01 tp 32000 sl 29000/28900");

    bot.say(ALICE, "/orders");
    String orders = bot.lastReply(ALICE);
    bot.say(ALICE, "/balance BTC");

    assertThat(orders).contains("BTCUSDT OCO #" + id);
    assertThat(bot.lastReply(ALICE)).isEqualTo("BTC: free 0.09, locked 0.01");
  }

  /** Sends {@code line} in {@code chat} as Alice, confirms it, and answers the list's id. */
  private long place(ChatRef chat, String line) {
    bot.say(ALICE, chat, chat.equals(GROUP) ? dev.orderlistbot.core.chat.ChatKind.GROUP : dev.orderlistbot.core.chat.ChatKind.PRIVATE, line);
    bot.press(ALICE, bot.lastButtons(chat), Replies.CONFIRM);
    String placed = bot.lastReply(chat);
    Matcher id = LIST_ID.matcher(placed);
    assertThat(id.find()).as(placed).isTrue();
    return Long.parseLong(id.group(1));
  }

  private void price(String price) {
    bot.say(ALICE, "/paper price BTCUSDT " + price);
    assertThat(bot.lastReply(ALICE)).startsWith("Paper price of BTCUSDT set to");
    // the trader takes a moment; notices to one chat are spaced by Telegram's per-chat limit
    bot.clock.advance(Duration.ofSeconds(5));
    bot.dispatcher().drainOnce();
  }

  /** The fill, expiry and close notices {@code chat} received, in order. */
  private List<String> notices(ChatRef chat) {
    return bot.telegram.texts(chat).stream()
        .filter(t -> t.startsWith("✅") || t.startsWith("◑") || t.startsWith("⌛") || t.startsWith("⏹") || t.startsWith("❌ BTC"))
        .filter(t -> !t.startsWith("✅ Placed"))
        .toList();
  }
}
