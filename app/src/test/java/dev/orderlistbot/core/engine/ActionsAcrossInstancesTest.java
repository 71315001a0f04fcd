package dev.orderlistbot.core.engine;

import static dev.orderlistbot.core.engine.TestBot.ALICE;
import static dev.orderlistbot.core.engine.TestBot.BOB;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.core.chat.MessageRef;
import dev.orderlistbot.core.domain.TradingEnvironment;
import dev.orderlistbot.core.domain.UserRef;
import dev.orderlistbot.core.domain.order.ClientListId;
import dev.orderlistbot.core.domain.order.LegRole;
import dev.orderlistbot.core.domain.order.LegStatus;
import dev.orderlistbot.core.port.out.ExchangeError;
import dev.orderlistbot.core.port.out.TrackedOrderList;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances on one database: the one holding the sweeps settles what a stop cut short, never
 * work the other is still running (review finding F3: a slow panic close settled half-way offered a
 * second market order; a placement sent late was called never placed).
 */
class ActionsAcrossInstancesTest {
  private static final String OTOCO = "/otoco BTCUSDT buy 0.01 @ 30000 tp 32000 sl 29000/28900";

  @TempDir Path dir;
  private TestBot bot;
  private FakeExchange exchange;
  private BotEngine sweeper;

  @BeforeEach
  void start() {
    exchange = new FakeExchange();
    bot = new TestBot(
        dir, EngineConfig.of(TradingEnvironment.PAPER, Set.of(ALICE, BOB), Set.of()), exchange, Optional.empty(),
        Optional.of(new RecordingEventSource()));
    sweeper = bot.anotherInstance();
  }

  @AfterEach
  void stop() {
    bot.close();
  }

  @Test
  void aPanicCloseStillRunningOnOneInstanceIsNotSettledByAnotherAfterTwoMinutes() {
    entryFilled();
    bot.say(ALICE, "/panic close");
    MessageRef preview = bot.lastButtons(TestBot.dm(ALICE));
    // the market order is slow: meanwhile the other instance's sweeps look for actions owed for two minutes
    exchange.whileMarket = this::twoMinutesPassWhileTheOtherInstanceSweeps;

    bot.press(ALICE, preview, Replies.CONFIRM);
    exchange.whileMarket = () -> {};
    deliverWhatIsDue();

    assertThat(exchange.marketOrders).hasSize(1);
    assertThat(bot.telegram.now(preview).text()).contains("MARKET SELL 0.01 filled");
    assertThat(bot.telegram.texts(TestBot.dm(ALICE)))
        .noneSatisfy(text -> assertThat(text).contains("nothing was sold"))
        .noneSatisfy(text -> assertThat(text).contains("at market?"));
  }

  @Test
  void aCloseStillRunningOnOneInstanceIsNotSettledByAnotherAfterTwoMinutes() {
    entryFilled();
    bot.say(ALICE, "/close " + bot.openTracked(ALICE).getFirst().orderListId().getAsLong());
    MessageRef preview = bot.lastButtons(TestBot.dm(ALICE));
    exchange.whileMarket = this::twoMinutesPassWhileTheOtherInstanceSweeps;

    bot.press(ALICE, preview, Replies.CONFIRM);
    exchange.whileMarket = () -> {};
    deliverWhatIsDue();

    assertThat(exchange.marketOrders).hasSize(1);
    assertThat(bot.telegram.now(preview).text()).contains("MARKET SELL 0.01 filled");
    assertThat(bot.lastButtons(TestBot.dm(ALICE))).isNotEqualTo(preview).satisfies(
        last -> assertThat(bot.telegram.now(last).text()).doesNotContain("at market"));
  }

  @Test
  void aPlacementStillBeingSentOnOneInstanceIsNotCalledNeverPlacedByAnother() {
    // the Confirm's "Placing…" waits out a chat's rate limit, say: the list is sent two minutes after its claim
    bot.say(ALICE, OTOCO);
    MessageRef preview = bot.lastButtons(TestBot.dm(ALICE));
    exchange.whilePlacing = this::twoMinutesPassWhileTheOtherInstanceSweeps;

    bot.press(ALICE, preview, Replies.CONFIRM);
    exchange.whilePlacing = () -> {};
    deliverWhatIsDue();

    assertThat(bot.telegram.now(preview).text()).startsWith("✅ Placed on PAPER");
    assertThat(bot.telegram.texts(TestBot.dm(ALICE))).noneSatisfy(text -> assertThat(text).contains("Not placed"));
  }

  @Test
  void aCloseCutShortOnOneInstanceIsSettledOnceByAnother() {
    entryFilled();
    bot.say(ALICE, "/close " + bot.openTracked(ALICE).getFirst().orderListId().getAsLong());
    MessageRef preview = bot.lastButtons(TestBot.dm(ALICE));
    exchange.whileMarket = () -> {
      throw new OutOfMemoryError("the process stops here");
    };
    bot.pressAndDie(ALICE, preview, Replies.CONFIRM);
    exchange.whileMarket = () -> {};
    bot.clock.advance(PlacementSettlement.FINAL_AFTER.plusSeconds(1));

    sweeper.settlePlacements();
    sweeper.settlePlacements();
    deliverWhatIsDue();

    // the market order never reached the exchange: said once, with one button that sends it once
    assertThat(bot.telegram.texts(TestBot.dm(ALICE)))
        .filteredOn(text -> text.contains("before its market order, which was never sent"))
        .hasSize(1);
  }

  @Test
  void aCloseWhoseLeaseLapsedHalfWayIsCorrectedAndItsRetrySendsNoSecondMarketOrder() {
    entryFilled();
    bot.say(ALICE, "/close " + bot.openTracked(ALICE).getFirst().orderListId().getAsLong());
    MessageRef preview = bot.lastButtons(TestBot.dm(ALICE));
    // the instance stops renewing its leases (its database hiccups) while its market order is on the way
    exchange.whileMarket = this::twoMinutesPassWithoutRenewalsWhileTheOtherInstanceSweeps;

    bot.press(ALICE, preview, Replies.CONFIRM);
    exchange.whileMarket = () -> {};
    deliverWhatIsDue();

    // the other instance read it half-way and said the market order was never sent: the truth follows
    assertThat(bot.telegram.texts(TestBot.dm(ALICE)))
        .anySatisfy(text -> assertThat(text).contains("which was never sent"))
        .anySatisfy(text -> assertThat(text).contains("Correction").contains("MARKET SELL 0.01 filled"));
    MessageRef retry = bot.lastButtons(TestBot.dm(ALICE));
    bot.press(ALICE, retry, TradeReplies.RETRY);
    deliverWhatIsDue();

    assertThat(exchange.marketOrders).hasSize(1);
    assertThat(bot.telegram.texts(TestBot.dm(ALICE)).getLast()).contains("was sent after all").contains("Nothing more was sent");
  }

  @Test
  void aRetryThatCannotLookUpTheEarlierMarketOrderSendsNothingAndIsOfferedAgain() {
    entryFilled();
    bot.say(ALICE, "/close " + bot.openTracked(ALICE).getFirst().orderListId().getAsLong());
    MessageRef preview = bot.lastButtons(TestBot.dm(ALICE));
    exchange.whileMarket = () -> {
      throw new OutOfMemoryError("the process stops here");
    };
    bot.pressAndDie(ALICE, preview, Replies.CONFIRM);
    exchange.whileMarket = () -> {};
    exchange.marketOrders.clear();
    bot.clock.advance(PlacementSettlement.FINAL_AFTER.plusSeconds(1));
    sweeper.settlePlacements();
    deliverWhatIsDue();
    exchange.orderLookupFailure = new ExchangeError.Unavailable("Service Unavailable");

    bot.press(ALICE, bot.lastButtons(TestBot.dm(ALICE)), TradeReplies.RETRY);
    deliverWhatIsDue();

    assertThat(exchange.marketOrders).isEmpty();
    assertThat(bot.telegram.texts(TestBot.dm(ALICE))).anySatisfy(text -> assertThat(text).contains("Nothing was sent"));
    exchange.orderLookupFailure = null;
    bot.press(ALICE, bot.lastButtons(TestBot.dm(ALICE)), TradeReplies.RETRY);
    deliverWhatIsDue();
    assertThat(exchange.marketOrders).hasSize(1);
    assertThat(bot.telegram.texts(TestBot.dm(ALICE)).getLast()).contains("MARKET SELL 0.01 filled");
  }

  @Test
  void aRetryWhoseEarlierMarketOrderWentAfterAllButSoldNothingSendsTheMarketOrder() {
    // the late market order finds an empty book: it expires having sold nothing
    closeWhoseMarketOrderGoesLateAfterAnotherInstanceAnswered(FakeExchange.MarketMode.EXPIRE_UNFILLED);

    bot.press(ALICE, bot.lastButtons(TestBot.dm(ALICE)), TradeReplies.RETRY);
    deliverWhatIsDue();

    assertThat(exchange.marketOrders).hasSize(2);
    assertThat(bot.telegram.texts(TestBot.dm(ALICE)).getLast()).contains("MARKET SELL 0.01 filled");
  }

  @Test
  void aRetryWhoseEarlierMarketOrderSoldHalfOffersTheRestWithAButtonOfItsOwn() {
    closeWhoseMarketOrderGoesLateAfterAnotherInstanceAnswered(FakeExchange.MarketMode.FILL_HALF);

    bot.press(ALICE, bot.lastButtons(TestBot.dm(ALICE)), TradeReplies.RETRY);
    deliverWhatIsDue();
    assertThat(exchange.marketOrders).as("nothing more sent by the Retry itself").hasSize(1);
    assertThat(bot.telegram.texts(TestBot.dm(ALICE))).anySatisfy(text -> assertThat(text).contains("was sent after all"));
    bot.press(ALICE, bot.lastButtons(TestBot.dm(ALICE)), "SELL 0.005 BTCUSDT at market");

    assertThat(exchange.marketOrders).hasSize(2);
    assertThat(exchange.marketOrders.getLast().request().quantity()).isEqualByComparingTo("0.005");
  }

  @Test
  void aCloseWhoseMarketOrderSoldHalfOffersTheRestWithAButton() {
    entryFilled();
    bot.say(ALICE, "/close " + bot.openTracked(ALICE).getFirst().orderListId().getAsLong());
    exchange.marketMode = FakeExchange.MarketMode.FILL_HALF;
    bot.press(ALICE, bot.lastButtons(TestBot.dm(ALICE)), Replies.CONFIRM);
    exchange.marketMode = FakeExchange.MarketMode.FILL;
    deliverWhatIsDue();

    bot.press(ALICE, bot.lastButtons(TestBot.dm(ALICE)), "SELL 0.005 BTCUSDT at market");

    assertThat(exchange.marketOrders).extracting(sent -> sent.request().quantity().toPlainString()).containsExactly("0.01", "0.005");
  }

  @Test
  void aCloseHeldUpPastItsLeaseSendsNoMarketOrderOnceAnotherInstanceAnsweredForIt() {
    // review helper-47, finding 1: the close stalls after its cancel; the other instance answers "never
    // sent" with a Retry, which the trader uses at once; then the close wakes up
    entryFilled();
    bot.say(ALICE, "/close " + bot.openTracked(ALICE).getFirst().orderListId().getAsLong());
    MessageRef preview = bot.lastButtons(TestBot.dm(ALICE));
    exchange.afterCancelling = () -> {
      exchange.afterCancelling = () -> {};
      twoMinutesPassWithoutRenewalsWhileTheOtherInstanceSweeps();
      deliverWhatIsDue();
      bot.press(ALICE, bot.lastButtons(TestBot.dm(ALICE)), TradeReplies.RETRY);
    };

    bot.press(ALICE, preview, Replies.CONFIRM);
    deliverWhatIsDue();

    assertThat(exchange.marketOrders).as("the Retry's market order alone").hasSize(1);
    assertThat(bot.telegram.texts(TestBot.dm(ALICE))).anySatisfy(text -> assertThat(text).contains("Correction").contains("was not sent"));
  }

  @Test
  void aRefusedRetryKeepsTheEarlierMarketOrderToLookUp() {
    // review helper-47, finding 2: the first Retry is refused; the close then sends its market order late
    entryFilled();
    bot.say(ALICE, "/close " + bot.openTracked(ALICE).getFirst().orderListId().getAsLong());
    MessageRef preview = bot.lastButtons(TestBot.dm(ALICE));
    exchange.whileMarket = () -> {
      exchange.whileMarket = () -> {};
      twoMinutesPassWithoutRenewalsWhileTheOtherInstanceSweeps();
      deliverWhatIsDue();
      exchange.marketMode = FakeExchange.MarketMode.REFUSE;
      bot.press(ALICE, bot.lastButtons(TestBot.dm(ALICE)), TradeReplies.RETRY);
      exchange.marketMode = FakeExchange.MarketMode.FILL;
    };
    bot.press(ALICE, preview, Replies.CONFIRM);
    deliverWhatIsDue();

    bot.press(ALICE, bot.lastButtons(TestBot.dm(ALICE)), TradeReplies.RETRY);

    assertThat(exchange.marketOrders).as("the close's own (late), the refused Retry; no third").hasSize(2);
    assertThat(bot.telegram.texts(TestBot.dm(ALICE)).getLast()).contains("was sent after all");
  }

  @Test
  void aPanicAllHeldUpPastItsLeaseStillTellsTheOwnerWhatItsCancelLeftHeld() {
    // review helper-47, finding 3: the other instance told the owner its reading first; the panic's
    // own note to the owner was dropped as a duplicate, and its kept warning withdrawn all the same
    UserRef admin = new UserRef("telegram", "1003");
    bot.close();
    exchange = new FakeExchange();
    bot = new TestBot(
        dir.resolve("with-admin"), EngineConfig.of(TradingEnvironment.PAPER, Set.of(ALICE, BOB), Set.of(admin)), exchange,
        Optional.empty(), Optional.of(new RecordingEventSource()));
    sweeper = bot.anotherInstance();
    entryFilled();
    bot.say(admin, "/panic all");
    MessageRef preview = bot.lastButtons(TestBot.dm(admin));
    AtomicBoolean first = new AtomicBoolean(true);
    exchange.whileCancelling = () -> {
      if (first.getAndSet(false)) {
        bot.clock.advance(PlacementSettlement.FINAL_AFTER.plusSeconds(1));
        sweeper.settlePlacements();
      }
    };

    bot.press(admin, preview, Replies.CONFIRM);
    exchange.whileCancelling = () -> {};
    deliverWhatIsDue();
    bot.clock.advance(Duration.ofMinutes(30));
    deliverWhatIsDue();

    assertThat(bot.telegram.texts(TestBot.dm(ALICE))).anySatisfy(text -> assertThat(text).contains("held with no take-profit"));
  }

  /**
   * Two minutes pass in the instance's lease renewals, every {@link InstanceLeases#RENEW_EVERY} as
   * the app's do, and the other instance's sweeps run.
   */
  private void twoMinutesPassWhileTheOtherInstanceSweeps() {
    Duration passed = Duration.ZERO;
    while (passed.compareTo(PlacementSettlement.FINAL_AFTER) <= 0) {
      bot.clock.advance(InstanceLeases.RENEW_EVERY);
      passed = passed.plus(InstanceLeases.RENEW_EVERY);
      bot.leases().tick();
    }
    sweeper.settlePlacements();
  }

  /**
   * A confirmed close whose lease lapses while its market order is on the way (the other instance
   * answers "never sent" with a Retry meanwhile); the market order then goes, and goes as {@code mode}.
   */
  private void closeWhoseMarketOrderGoesLateAfterAnotherInstanceAnswered(FakeExchange.MarketMode mode) {
    entryFilled();
    bot.say(ALICE, "/close " + bot.openTracked(ALICE).getFirst().orderListId().getAsLong());
    MessageRef preview = bot.lastButtons(TestBot.dm(ALICE));
    exchange.whileMarket = this::twoMinutesPassWithoutRenewalsWhileTheOtherInstanceSweeps;
    exchange.marketMode = mode;
    bot.press(ALICE, preview, Replies.CONFIRM);
    exchange.whileMarket = () -> {};
    exchange.marketMode = FakeExchange.MarketMode.FILL;
    deliverWhatIsDue();
  }

  /** Two minutes pass with no lease renewal on this instance (its leases lapse), and the other instance's sweeps run. */
  private void twoMinutesPassWithoutRenewalsWhileTheOtherInstanceSweeps() {
    bot.clock.advance(PlacementSettlement.FINAL_AFTER.plusSeconds(1));
    sweeper.settlePlacements();
  }

  private void entryFilled() {
    bot.say(ALICE, OTOCO);
    bot.press(ALICE, bot.lastButtons(TestBot.dm(ALICE)), Replies.CONFIRM);
    TrackedOrderList list = bot.openTracked(ALICE).getFirst();
    exchange.fill(new ClientListId(list.listClientOrderId()), LegRole.WORKING, "0.01", "300");
    StreamPushes.push(bot, ALICE, list, LegRole.WORKING, LegStatus.FILLED, "0.01", "300");
    deliverWhatIsDue();
  }

  private void deliverWhatIsDue() {
    for (int i = 0; i < 12; i++) {
      bot.clock.advance(Duration.ofSeconds(10));
      bot.dispatcher().drainOnce();
    }
  }
}
