package dev.orderlistbot.core.engine;

import static dev.orderlistbot.core.engine.TestBot.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.core.domain.Price;
import dev.orderlistbot.core.domain.TradingEnvironment;
import dev.orderlistbot.core.domain.order.ClientListId;
import dev.orderlistbot.core.domain.order.LegRole;
import dev.orderlistbot.core.domain.order.OrderListRequest;
import dev.orderlistbot.core.port.out.BreakevenPlan;
import dev.orderlistbot.core.port.out.OrderListState;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A take-profit ladder placed with {@code be}: when the first target fills, the bot moves the stops
 * of the other lists to their entry's average fill price, by the Move-stop path, once; the plan is
 * stored, so a restart in between changes nothing.
 */
class BreakevenPlanTest {
  private static final String LADDER = "/otoco BTCUSDT buy 0.02 @ 30000 tp 32000 33000 sl 29000 be";

  @TempDir Path dir;
  private TestBot bot;
  private FakeExchange exchange;

  @BeforeEach
  void start() {
    bot = TestBot.withFakeExchange(dir, TradingEnvironment.PAPER, new RecordingEventSource());
    exchange = (FakeExchange) bot.exchange;
    bot.say(ALICE, LADDER);
    bot.press(ALICE, bot.lastButtons(TestBot.dm(ALICE)), Replies.CONFIRM);
    assertThat(exchange.placeCalls).hasValue(2);
  }

  @AfterEach
  void stop() {
    bot.close();
  }

  private ClientListId list(int index) {
    return new ClientListId(exchange.clientIdsSent.get(index));
  }

  /** Both entries fill at 30,000 (their events told); the first target fills at 32,000 and its list ends. */
  private void firstTargetFills() {
    entryFills(0);
    entryFills(1);
    exchange.fill(list(0), LegRole.TAKE_PROFIT, "0.01", "320");
    exchange.last = Price.of("32000");
    bot.stores(s -> s.orderLists().updateState(list(0).value(), OrderListState.ALL_DONE));
  }

  private void entryFills(int index) {
    exchange.fill(list(index), LegRole.WORKING, "0.01", "300");
    bot.stores(s -> s.orderLists().markLegEnded(list(index).value(), list(index).legId(LegRole.WORKING).value(), true));
  }

  @Test
  void eachListsCardSaysWhatTheBotWillDoForItAndThatItWorksOnlyWhileTheBotRuns() {
    bot.say(ALICE, "/status 8821");
    assertThat(bot.lastReply(ALICE)).contains(TradeReplies.cardBreakevenFirst());
    bot.say(ALICE, "/status 8822");
    assertThat(bot.lastReply(ALICE)).contains(TradeReplies.cardBreakevenLater()).contains("only while it runs");
  }

  @Test
  void nothingMovesWhileTheFirstTargetHasNotFilled() {
    exchange.fill(list(0), LegRole.WORKING, "0.01", "300");

    bot.engine().runBreakevenPlans();

    assertThat(exchange.placeCalls).hasValue(2);
    List<BreakevenPlan> waiting = bot.stores(s -> s.breakevenPlans().listWaiting());
    assertThat(waiting).hasSize(1);
  }

  @Test
  void whenTheFirstTargetFillsTheOtherListsStopMovesToItsEntryOnce() {
    firstTargetFills();

    bot.engine().runBreakevenPlans();
    bot.engine().runBreakevenPlans();

    assertThat(exchange.placeCalls).hasValue(3);
    OrderListRequest.Oco replacement = (OrderListRequest.Oco) exchange.requestsSent.get(2);
    assertThat(replacement.quantity().value()).isEqualByComparingTo("0.01");
    assertThat(replacement.pair().below().stopPrice().orElseThrow().value()).isEqualByComparingTo("30000");
    assertThat(replacement.pair().above().limitPrice().orElseThrow().value()).isEqualByComparingTo("33000");
    assertThat(bot.telegram.texts(TestBot.dm(ALICE)))
        .anySatisfy(text -> assertThat(text).startsWith("✅ Stop moved on PAPER: BTCUSDT OTOCO #8822 is cancelled"))
        .anySatisfy(text -> assertThat(text).startsWith("🔧 Breakeven plan done: BTCUSDT OTOCO #8821 reached its target"));
    List<BreakevenPlan> waiting = bot.stores(s -> s.breakevenPlans().listWaiting());
    assertThat(waiting).isEmpty();
    assertThat(bot.audit(ALICE)).anySatisfy(entry -> assertThat(entry.subject()).contains("move stop BTCUSDT #8822"));
  }

  @Test
  void thePlanSurvivesARestartAndIsCarriedOutAfterIt() {
    bot.restart();
    firstTargetFills();

    bot.engine().runBreakevenPlans();

    assertThat(exchange.placeCalls).hasValue(3);
    assertThat(bot.tracked(8822).orElseThrow().state()).isEqualTo(OrderListState.ALL_DONE);
    assertThat(bot.tracked(8823).orElseThrow().state()).isEqualTo(OrderListState.EXECUTING);
  }

  @Test
  void aFirstListThatEndedWithoutItsTargetEndsThePlanAndSaysSo() {
    exchange.fill(list(0), LegRole.WORKING, "0.01", "300");
    exchange.fill(list(0), LegRole.STOP_LOSS, "0.01", "290");
    bot.stores(s -> s.orderLists().updateState(list(0).value(), OrderListState.ALL_DONE));

    bot.engine().runBreakevenPlans();

    assertThat(exchange.placeCalls).hasValue(2);
    assertThat(bot.lastReply(ALICE)).isEqualTo(
        "ℹ️ BTCUSDT OTOCO #8821 ended without its take-profit filling, so the ladder's breakeven plan is over: the other"
            + " lists keep their stops.");
  }
}
