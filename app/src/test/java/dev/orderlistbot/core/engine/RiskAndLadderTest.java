package dev.orderlistbot.core.engine;

import static dev.orderlistbot.core.engine.TestBot.ALICE;
import static dev.orderlistbot.core.engine.TestBot.dm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderlistbot.core.chat.Button;
import dev.orderlistbot.core.chat.ChatEvent;
import dev.orderlistbot.core.chat.MessageRef;
import dev.orderlistbot.core.domain.ChatRef;
import dev.orderlistbot.core.domain.TradingEnvironment;
import dev.orderlistbot.core.port.out.BreakevenPlan;
import dev.orderlistbot.core.port.out.OrderListState;
import dev.orderlistbot.core.port.out.TrackedOrderList;
import dev.orderlistbot.core.rules.SymbolFilter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole conversations: a list sized by risk, and take-profit ladders placed, failing midway, and kept with be. */
class RiskAndLadderTest {
  private static final String LADDER = "/otoco BTCUSDT buy 0.03 @ 30000 tp 32000 33000 34000 split 50/30/20 sl 29000";

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
  void aListSizedByRiskShowsTheMoneyAtRiskAndPlacesTheDerivedQuantity() {
    bot.say(ALICE, "/otoco BTCUSDT buy risk 50usdt @ 30000 tp 32000 sl 29000/28900");

    MessageRef preview = bot.lastButtons(alice);
    assertThat(bot.telegram.now(preview).text())
        .contains("OTOCO BUY 0.04314 BTC · BTCUSDT")
        .contains("Risk: 49.994946 USDT if the stop fills at worst 28,900 (allowed 50 USDT; taker fee 0.1%")
        .contains("Reward:risk 1.82")
        .contains("Quantity sized by risk: 0.04314 BTC");
    assertThat(exchange.tradeFeesQueries).hasValue(1);
    assertThat(exchange.lastPricesQueries).as("only a % risk values the equity").hasValue(0);

    bot.press(ALICE, preview, Replies.CONFIRM);

    assertThat(bot.telegram.now(preview).text()).startsWith("✅ Placed on PAPER: OTOCO BUY 0.04314 BTCUSDT.");
    assertThat(exchange.placeCalls).hasValue(1);
  }

  @Test
  void aQuantityNotSizedByRiskFetchesNoFeeNorPrices() {
    bot.say(ALICE, "/oco BTCUSDT sell 0.01 tp 32000 sl 29000/28900");

    assertThat(bot.telegram.now(bot.lastButtons(alice)).text()).doesNotContain("Risk:");
    assertThat(exchange.tradeFeesQueries).hasValue(0);
    assertThat(exchange.lastPricesQueries).hasValue(0);
  }

  @Test
  void aPercentRiskIsOfTheEquityAtLastPrices() {
    // the fake account holds 1 BTC and 100000 USDT: 130000 USDT at 30000; 1% is 1300 USDT
    bot.say(ALICE, "/otoco BTCUSDT buy risk 1% @ 30000 tp 32000 sl 29000");

    String text = bot.telegram.now(bot.lastButtons(alice)).text();
    assertThat(text)
        .contains("allowed 1,300 USDT")
        .contains("1% of your equity 130,000 USDT")
        .contains("Quantity sized by risk: 1.22757 BTC"); // 1300 / 1059, rounded down
    assertThat(exchange.lastPricesQueries).hasValue(1);
  }

  @Test
  void aRiskTooSmallIsRefusedWithTheSmallestRiskThatWorks() {
    exchange.moreFilters = List.of(new SymbolFilter.Notional(new BigDecimal("5"), true, BigDecimal.ZERO, false));

    bot.say(ALICE, "/otoco BTCUSDT buy risk 0.1 @ 30000 tp 32000 sl 29000");

    assertThat(bot.lastReply(ALICE)).contains("risk at least 0.19062 USDT");
    assertThat(exchange.placeCalls).hasValue(0);
  }

  @Test
  void aThreeTargetLadderIsOnePreviewAndOneConfirmPlacesEachListOnce() {
    bot.say(ALICE, LADDER);

    MessageRef preview = bot.lastButtons(alice);
    assertThat(bot.telegram.now(preview).text())
        .contains("Take-profit ladder: 3 OTOCO lists on BTCUSDT")
        .contains("1. BUY 0.015 BTC · take-profit 32,000 · reward:risk 2.00")
        .contains("2. BUY 0.009 BTC · take-profit 33,000 · reward:risk 3.00")
        .contains("3. BUY 0.006 BTC · take-profit 34,000 · reward:risk 4.00")
        .contains("Total: 0.03 BTC, notional 900 USDT");
    assertThat(bot.telegram.now(preview).buttons()).extracting(Button::label).containsExactly("Confirm", "Cancel");

    ChatEvent.ButtonPressed confirm = bot.pressEvent(ALICE, preview, Replies.CONFIRM);
    bot.engine().handle(confirm);
    bot.engine().handle(confirm);

    assertThat(exchange.placeCalls).hasValue(3);
    assertThat(exchange.clientIdsSent).hasSize(3).doesNotHaveDuplicates()
        .allSatisfy(id -> assertThat(id).matches("ob-.{22}-[0-2]"));
    assertThat(exchange.allLists()).hasSize(3);
    assertThat(bot.telegram.now(preview).text())
        .startsWith("✅ Placed on PAPER: all 3 lists of the ladder.")
        .contains("1. OTOCO BUY 0.015 BTCUSDT (take-profit 32,000): live, order list #")
        .contains("3. OTOCO BUY 0.006 BTCUSDT (take-profit 34,000): live");
    assertThat(bot.openTracked(ALICE)).hasSize(3).allSatisfy(l -> assertThat(l.state()).isEqualTo(OrderListState.EXECUTING));
    assertThat(bot.lastReply(ALICE)).isEqualTo(Replies.alreadyConfirmed());
  }

  @Test
  void aLadderFailingAtTheSecondListSaysWhichAreLiveAndOffersToCancelThem() {
    exchange.refusePlacementNumber = 2;
    bot.say(ALICE, LADDER);
    MessageRef preview = bot.lastButtons(alice);

    bot.press(ALICE, preview, Replies.CONFIRM);

    assertThat(exchange.placeCalls).as("the third list is not sent").hasValue(2);
    String answer = bot.telegram.now(preview).text();
    assertThat(answer)
        .startsWith("⚠️ Ladder placed only in part on PAPER: 1 of 3 lists are live.")
        .contains("1. OTOCO BUY 0.015 BTCUSDT (take-profit 32,000): live, order list #8821")
        .contains("2. OTOCO BUY 0.009 BTCUSDT (take-profit 33,000): not placed.")
        .contains("3. OTOCO BUY 0.006 BTCUSDT (take-profit 34,000): not sent");
    assertThat(bot.openTracked(ALICE)).extracting(TrackedOrderList::orderListId)
        .containsExactly(OptionalLong.of(8821));

    MessageRef offer = bot.lastButtons(alice);
    assertThat(bot.telegram.now(offer).text()).isEqualTo(Replies.planCancelLiveAsk(1));
    bot.press(ALICE, offer, Replies.CANCEL_LIVE);

    assertThat(bot.telegram.now(offer).text()).contains("Cancelled 1 of 1 order list");
  }

  @Test
  void aLadderWhoseProcessDiedAtTheSecondListIsSettledListByListAndNothingIsSentTwice() {
    bot.say(ALICE, LADDER);
    MessageRef preview = bot.lastButtons(alice);
    AtomicInteger sends = new AtomicInteger();
    exchange.whilePlacing = () -> {
      if (sends.incrementAndGet() == 2) {
        throw new OutOfMemoryError("the process dies before the second request leaves");
      }
    };
    ChatEvent.ButtonPressed confirm = bot.pressEvent(ALICE, preview, Replies.CONFIRM);
    assertThatThrownBy(() -> bot.engine().handle(confirm)).isInstanceOf(OutOfMemoryError.class);
    exchange.whilePlacing = () -> {};

    bot.restart();
    bot.engine().settlePlacements();
    bot.clock.advance(PlacementSettlement.FINAL_AFTER);
    bot.engine().settlePlacements();
    bot.engine().handle(confirm);

    assertThat(exchange.placeCalls).hasValue(2);
    assertThat(exchange.allLists()).hasSize(1);
    assertThat(bot.openTracked(ALICE)).singleElement().satisfies(list -> {
      assertThat(list.orderListId()).isEqualTo(OptionalLong.of(8821));
      assertThat(list.state()).isEqualTo(OrderListState.EXECUTING);
    });
    List<TrackedOrderList> unsettled = bot.stores(s -> s.orderLists().listUnsettled());
    assertThat(unsettled).isEmpty();
    assertThat(bot.lastReply(ALICE)).isEqualTo(Replies.alreadyConfirmed());
  }

  @Test
  void aLadderWithBreakevenIsStoredWithItsListsInTargetOrderAndSurvivesARestart() {
    bot.say(ALICE, "/otoco BTCUSDT buy 0.02 @ 30000 tp 32000 33000 sl 29000/28900 be");
    MessageRef preview = bot.lastButtons(alice);
    assertThat(bot.telegram.now(preview).text()).contains("only while the bot runs");

    bot.press(ALICE, preview, Replies.CONFIRM);
    bot.restart();

    List<String> sent = List.copyOf(exchange.clientIdsSent);
    Optional<BreakevenPlan> plan = bot.stores(s -> s.breakevenPlans().findByList(sent.get(1)));
    assertThat(plan).isPresent();
    assertThat(plan.get().listClientOrderIds()).containsExactlyElementsOf(sent);
    assertThat(plan.get().firstList()).endsWith("-0");
    assertThat(plan.get().owner()).isEqualTo(ALICE);
    assertThat(plan.get().done()).isFalse();
    List<BreakevenPlan> waiting = bot.stores(s -> s.breakevenPlans().listWaiting());
    assertThat(waiting).containsExactly(plan.get());
  }

  @Test
  void aLadderOfManyTargetsIsAuditedBrieflyAndPlacedWhole() {
    StringBuilder targets = new StringBuilder();
    for (int price = 31000; price <= 32100; price += 100) {
      targets.append(' ').append(price);
    }
    bot.say(ALICE, "/otoco BTCUSDT buy 0.012 @ 30000 tp" + targets + " sl 29000/28900 be");

    bot.press(ALICE, bot.lastButtons(alice), Replies.CONFIRM);

    assertThat(exchange.placeCalls).hasValue(12);
    assertThat(bot.audit(ALICE)).anySatisfy(e -> assertThat(e.subject()).endsWith("plan of 12 OTOCO lists on BTCUSDT with be"));
  }

  @Test
  void aLadderWithoutBreakevenStoresNoPlan() {
    bot.say(ALICE, "/oco BTCUSDT sell 0.02 tp 32000 33000 sl 29000/28900");
    bot.press(ALICE, bot.lastButtons(alice), Replies.CONFIRM);

    assertThat(exchange.placeCalls).hasValue(2);
    List<BreakevenPlan> waiting = bot.stores(s -> s.breakevenPlans().listWaiting());
    assertThat(waiting).isEmpty();
  }

  @Test
  void aLadderOverTheSymbolsListLimitIsRefusedBeforeAnythingIsSent() {
    exchange.moreFilters = List.of(new SymbolFilter.MaxNumOrderLists(2));

    bot.say(ALICE, LADDER);

    assertThat(bot.lastReply(ALICE)).contains("Target 3:");
    assertThat(exchange.placeCalls).hasValue(0);
  }

  @Test
  void thePlanPlacesExactlyTheRequestsShown() {
    bot.say(ALICE, "/oco BTCUSDT sell 0.00003 tp 32000,33000,34000 sl 29000");
    bot.press(ALICE, bot.lastButtons(alice), Replies.CONFIRM);

    assertThat(exchange.allLists()).hasSize(3);
    assertThat(exchange.allLists()).extracting(l -> l.clientId().value())
        .containsExactlyInAnyOrderElementsOf(exchange.clientIdsSent);
    assertThat(exchange.allLists()).allSatisfy(l -> assertThat(l.legs()).hasSize(2));
  }
}
