package dev.orderlistbot.core.engine;

import static dev.orderlistbot.core.engine.TestBot.ALICE;
import static dev.orderlistbot.core.engine.TestBot.BOB;
import static dev.orderlistbot.core.engine.TestBot.dm;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.core.chat.Button;
import dev.orderlistbot.core.chat.MessageRef;
import dev.orderlistbot.core.domain.ChatRef;
import dev.orderlistbot.core.domain.Price;
import dev.orderlistbot.core.domain.Symbol;
import dev.orderlistbot.core.domain.TradingEnvironment;
import dev.orderlistbot.core.domain.order.PlacedOrderList;
import dev.orderlistbot.core.port.out.AuditAction;
import dev.orderlistbot.core.port.out.OrderListState;
import dev.orderlistbot.core.port.out.PaperControl;
import dev.orderlistbot.core.port.out.TrackedOrderList;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Open lists with their Cancel buttons, status, cancels, price, balance and the paper price. */
class AccountCommandsTest {
  @TempDir Path dir;
  private TestBot bot;
  private FakeExchange exchange;
  private final ChatRef alice = dm(ALICE);

  @BeforeEach
  void start() {
    bot = TestBot.withFakeExchange(dir, TradingEnvironment.PAPER, new RecordingEventSource());
    exchange = (FakeExchange) bot.exchange;
  }

  @AfterEach
  void stop() {
    bot.close();
  }

  @Test
  void ordersListsEachOpenListWithACancelButtonThatCancelsItOnce() {
    place("/oco BTCUSDT sell 0.01 tp 32000 sl 29000");
    place("/otoco BTCUSDT buy 0.01 @ 29000 tp 31000 sl 28000");

    bot.say(ALICE, "/orders");
    MessageRef orders = bot.lastButtons(alice);
    String text = bot.telegram.now(orders).text();
    bot.press(ALICE, orders, "Cancel #8821");
    String cancelled = bot.lastReply(ALICE);
    bot.press(ALICE, orders, "Cancel #8821");

    assertThat(text).contains("BTCUSDT OCO #8821").contains("BTCUSDT OTOCO #8822").contains("take-profit");
    assertThat(bot.telegram.now(orders).buttons()).extracting(Button::label).containsExactly("Cancel #8821", "Cancel #8822");
    assertThat(cancelled).isEqualTo("✖ Cancelled BTCUSDT OCO #8821.");
    assertThat(bot.lastReply(ALICE)).isEqualTo(Replies.alreadyConfirmed());
    assertThat(exchange.allLists()).filteredOn(PlacedOrderList::isOpen).extracting(l -> l.id().value()).containsExactly(8822L);
    assertThat(bot.tracked(8821)).map(TrackedOrderList::state).contains(OrderListState.ALL_DONE);
    assertThat(bot.audit(ALICE)).anySatisfy(e -> assertThat(e.subject()).isEqualTo("list:BTCUSDT:8821"));
  }

  @Test
  void cancelAllAsksFirstAndThenCancelsExactlyTheListsItShowed() {
    place("/oco BTCUSDT sell 0.01 tp 32000 sl 29000");
    place("/oco BTCUSDT sell 0.02 tp 33000 sl 28000");

    bot.say(ALICE, "/cancel all");
    MessageRef question = bot.lastButtons(alice);
    String asked = bot.telegram.now(question).text();
    place("/oco BTCUSDT sell 0.03 tp 34000 sl 27000");
    bot.press(ALICE, question, Replies.CANCEL_ALL);

    assertThat(asked).startsWith("Cancel all 2 open order lists?").contains("#8821").contains("#8822");
    assertThat(bot.telegram.now(question).text()).isEqualTo("Cancelled 2 of 2 order lists.");
    assertThat(exchange.allLists()).filteredOn(PlacedOrderList::isOpen).extracting(l -> l.id().value()).containsExactly(8823L);
  }

  @Test
  void keepThemWithdrawsTheCancelAllQuestion() {
    place("/oco BTCUSDT sell 0.01 tp 32000 sl 29000");

    bot.say(ALICE, "/cancel all");
    MessageRef question = bot.lastButtons(alice);
    bot.press(ALICE, question, Replies.KEEP);

    assertThat(bot.telegram.now(question).text()).isEqualTo(Replies.cancelAllKept());
    assertThat(exchange.allLists()).allMatch(PlacedOrderList::isOpen);
  }

  @Test
  void cancelByIdCancelsTheTradersOwnListAndNobodyElses() {
    place("/oco BTCUSDT sell 0.01 tp 32000 sl 29000");

    bot.say(BOB, "/cancel 8821");
    String toBob = bot.lastReply(BOB);
    bot.say(ALICE, "/cancel 8821");
    String toAlice = bot.lastReply(ALICE);
    bot.say(ALICE, "/cancel 8821");

    assertThat(toBob).isEqualTo(Replies.noSuchOpenList(8821));
    assertThat(toAlice).isEqualTo("✖ Cancelled BTCUSDT OCO #8821.");
    assertThat(bot.lastReply(ALICE)).isEqualTo(Replies.noSuchOpenList(8821));
    assertThat(bot.audit(ALICE)).anySatisfy(e -> assertThat(e.action()).isEqualTo(AuditAction.ORDER_LIST_CANCELLED));
  }

  @Test
  void statusShowsTheListAndItsLegs() {
    place("/oco BTCUSDT sell 0.01 tp 32000 sl 29000");

    bot.say(ALICE, "/status 8821");
    // the card is sent again below (the old one then says where it went)
    String status = bot.telegram.now(bot.lastButtons(TestBot.dm(ALICE))).text();
    bot.say(ALICE, "/status 9999");

    // a list placed through the bot is shown by its card
    assertThat(status).startsWith("📋 PAPER · BTCUSDT OCO #8821\n• take-profit: LIMIT_MAKER SELL 0.01 at 32,000 · open\n");
    assertThat(bot.lastReply(ALICE)).isEqualTo(Replies.noSuchList(9999));
  }

  @Test
  void ordersWithNothingOpenSaysSo() {
    bot.say(ALICE, "/orders");

    assertThat(bot.lastReply(ALICE)).isEqualTo(Replies.noOpenLists());
  }

  @Test
  void ordersReconcilesAListWhosePlacementOutcomeWasUnknown() {
    exchange.placeMode = FakeExchange.PlaceMode.RECORD_THEN_UNKNOWN;
    exchange.lookupFailures.set(1);
    bot.say(ALICE, "/oco BTCUSDT sell 0.01 tp 32000 sl 29000");
    bot.press(ALICE, bot.lastButtons(alice), Replies.CONFIRM);
    String unknown = bot.lastReply(ALICE);
    OrderListState before = bot.openTracked(ALICE).getFirst().state();

    bot.say(ALICE, "/orders");

    assertThat(unknown).contains("cannot tell whether it was placed");
    assertThat(before).isEqualTo(OrderListState.UNKNOWN);
    assertThat(bot.tracked(8821)).map(TrackedOrderList::state).contains(OrderListState.EXECUTING);
    assertThat(bot.lastReply(ALICE)).contains("BTCUSDT OCO #8821");
    assertThat(exchange.placeCalls).hasValue(1);
  }

  @Test
  void balancesAreNeverShownInAGroup() {
    bot.sayInGroup(ALICE, "/balance");

    assertThat(bot.lastReply(TestBot.GROUP)).isEqualTo("Balances are private: ask me with /balance in a private chat.");
    assertThat(exchange.apiKeysSeen).doesNotContain("paper-telegram-1001");
  }

  @Test
  void openListsAndTheirStatusAreNeverShownInAGroup() {
    place("/oco BTCUSDT sell 0.01 tp 32000 sl 29000");
    int callsBefore = exchange.apiKeysSeen.size();

    bot.sayInGroup(ALICE, "/orders");
    String orders = bot.lastReply(TestBot.GROUP);
    bot.sayInGroup(ALICE, "/status 8821");
    String status = bot.lastReply(TestBot.GROUP);

    assertThat(orders).isEqualTo("Your open order lists are private: ask me with /orders in a private chat.");
    assertThat(status).isEqualTo("Your open order lists are private: ask me with /status 8821 in a private chat.");
    assertThat(exchange.apiKeysSeen).hasSize(callsBefore);
  }

  @Test
  void priceAndBalanceAnswerFromTheTradersAccount() {
    bot.say(ALICE, "/price BTCUSDT");
    String price = bot.lastReply(ALICE);
    bot.say(ALICE, "/balance");
    String all = bot.lastReply(ALICE);
    bot.say(ALICE, "/balance ETH");

    assertThat(price).isEqualTo("BTCUSDT last price: 30,000 (PAPER).");
    assertThat(all).isEqualTo("Your balances (PAPER):\nBTC: free 1, locked 0\nUSDT: free 100,000, locked 0");
    assertThat(bot.lastReply(ALICE)).isEqualTo("You hold no ETH.");
    assertThat(exchange.apiKeysSeen).contains("paper-telegram-1001");
  }

  @Test
  void thePaperPriceIsRefusedWithoutAPaperExchange() {
    bot.say(ALICE, "/paper price BTCUSDT 32000");

    assertThat(bot.lastReply(ALICE)).isEqualTo(Replies.paperOnly(TradingEnvironment.PAPER));
  }

  @Test
  void onPaperThePriceIsSetThroughThePaperControlOnlyForListedSymbols(@TempDir Path other) {
    java.util.List<String> prices = new java.util.ArrayList<>();
    PaperControl control =
        new PaperControl() {
          @Override
          public void setPrice(Symbol symbol, Price price) {
            prices.add(symbol + "=" + price);
          }

          @Override
          public boolean lists(Symbol symbol) {
            return symbol.equals(FakeExchange.BTCUSDT);
          }
        };
    try (TestBot paper =
        new TestBot(other, EngineConfig.of(TradingEnvironment.PAPER, Set.of(ALICE), Set.of()), new FakeExchange(),
            Optional.of(control), Optional.empty())) {
      paper.say(ALICE, "/paper price BTCUSDT 32000");
      String set = paper.lastReply(ALICE);
      paper.say(ALICE, "/paper price ETHUSDT 2000");

      assertThat(set).isEqualTo("Paper price of BTCUSDT set to 32,000; resting orders were matched against it.");
      assertThat(paper.lastReply(ALICE)).isEqualTo(Replies.paperNotListed(Symbol.of("ETHUSDT")));
      assertThat(prices).containsExactly("BTCUSDT=32000");
    }
  }

  @Test
  void thePaperPriceIsRefusedOutsidePaperMode(@TempDir Path other) {
    try (TestBot live = TestBot.withFakeExchange(other, TradingEnvironment.LIVE, new RecordingEventSource())) {
      live.say(ALICE, "/paper price BTCUSDT 32000");

      assertThat(live.lastReply(ALICE)).isEqualTo("/paper works only in PAPER mode; this bot trades on LIVE.");
    }
  }

  private void place(String line) {
    bot.say(ALICE, line);
    bot.press(ALICE, bot.lastButtons(alice), Replies.CONFIRM);
    assertThat(bot.lastReply(ALICE)).startsWith("✅ Placed");
  }
}
