package dev.orderlistbot.core.engine;

import static dev.orderlistbot.core.engine.TestBot.ALICE;
import static dev.orderlistbot.core.engine.TestBot.GROUP;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.core.domain.TradingEnvironment;
import dev.orderlistbot.core.domain.order.ClientListId;
import dev.orderlistbot.core.domain.order.LegRole;
import dev.orderlistbot.core.domain.order.LegStatus;
import dev.orderlistbot.core.port.out.OrderListState;
import dev.orderlistbot.core.port.out.TrackedOrderList;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The proof of the processed-event window (docs/decisions.md, "A processed event is forgotten
 * only when no catch-up can bring it back"): the REST catch-up hands over again every event of a
 * list the bot still tracks as open, whatever its age, so those records must outlive any window;
 * records of lists settled longer ago than the window are forgotten.
 */
class ProcessedEventRetentionTest {
  private static final String ENTRY_FILLED = "take-profit and stop-loss are now working";
  private static final String OCO_FILLED = "#8822: take-profit SELL 0.01 @ 32,000 filled";
  /** The key the engine signs Alice's paper-mode calls with (the fake exchange files lists under it). */

  @TempDir Path dir;
  private TestBot bot;
  private FakeExchange exchange;
  private OrderListReconciler reconciler;
  private Housekeeping housekeeping;
  private RecordRetention records;

  @BeforeEach
  void start() {
    bot = TestBot.withFakeExchange(dir, TradingEnvironment.PAPER, new RecordingEventSource());
    exchange = (FakeExchange) bot.exchange;
    reconciler = new OrderListReconciler(bot.transactor(), exchange, bot.router(), "binance");
    records = new RecordRetention(bot.transactor(), bot.clock, RecordRetention.Policy.defaults());
    housekeeping = new Housekeeping(new OutboxRetention(bot.transactor(), bot.clock, OutboxRetention.DEFAULT_RETENTION), records);
  }

  @AfterEach
  void stop() {
    bot.close();
  }

  @Test
  void anOpenListOlderThanTheWindowCaughtUpAfterThePurgeAnnouncesNothingTwice() {
    ClientListId gtc = placeInGroup("/otoco BTCUSDT buy 0.01 @ 29000 tp 31000 sl 28000", 8821);
    exchange.legNow(gtc, LegRole.WORKING, LegStatus.FILLED, "0.01", "320");
    reconciler.reconcile(ALICE, TestBot.ALICES_PAPER_KEY);
    assertThat(bot.telegram.texts(GROUP)).filteredOn(text -> text.contains(ENTRY_FILLED)).hasSize(1);

    bot.clock.advance(Duration.ofDays(100));
    housekeeping.run(); // the entry's notice is gone from the outbox too: only the processed-event record remembers it
    reconciler.reconcile(ALICE, TestBot.ALICES_PAPER_KEY);
    deliverEverythingDue();

    assertThat(bot.telegram.texts(GROUP)).filteredOn(text -> text.contains(ENTRY_FILLED)).hasSize(1);
    assertThat(bot.tracked(8821)).map(TrackedOrderList::state).contains(OrderListState.EXECUTING);
  }

  @Test
  void theEventsOfAListSettledLongerAgoThanTheWindowAreForgottenWhileAnOlderListStaysOpen() {
    ClientListId gtc = placeInGroup("/otoco BTCUSDT buy 0.01 @ 29000 tp 31000 sl 28000", 8821);
    exchange.legNow(gtc, LegRole.WORKING, LegStatus.FILLED, "0.01", "320");
    ClientListId oco = placeInGroup("/oco BTCUSDT sell 0.01 tp 32000 sl 29000", 8822);
    exchange.legNow(oco, LegRole.TAKE_PROFIT, LegStatus.FILLED, "0.01", "320");
    exchange.legNow(oco, LegRole.STOP_LOSS, LegStatus.EXPIRED, "0", "0");
    exchange.listDone(oco);
    reconciler.reconcile(ALICE, TestBot.ALICES_PAPER_KEY);
    deliverEverythingDue();
    assertThat(bot.tracked(8822)).map(TrackedOrderList::state).contains(OrderListState.ALL_DONE);

    bot.clock.advance(Duration.ofDays(29));
    assertThat(records.purge().processedEvents()).as("settled 29 days ago: within the window").isZero();
    bot.clock.advance(Duration.ofDays(2));
    RecordRetention.Purged purged = records.purge();
    reconciler.reconcile(ALICE, TestBot.ALICES_PAPER_KEY);
    deliverEverythingDue();

    assertThat(purged.processedEvents()).as("the OCO's fill, expiry and end").isEqualTo(3);
    assertThat(purged.complete()).isTrue();
    assertThat(bot.telegram.texts(GROUP)).filteredOn(text -> text.contains(ENTRY_FILLED)).hasSize(1);
    assertThat(bot.telegram.texts(GROUP)).filteredOn(text -> text.contains(OCO_FILLED)).hasSize(1);
  }

  /** Past the merge window and the group's pace, so a notice waiting in the outbox is sent. */
  private void deliverEverythingDue() {
    for (int i = 0; i < 3; i++) {
      bot.clock.advance(Duration.ofMinutes(1));
      bot.dispatcher().drainOnce();
    }
  }

  private ClientListId placeInGroup(String line, long orderListId) {
    bot.sayInGroup(ALICE, line);
    bot.press(ALICE, bot.lastButtons(GROUP), Replies.CONFIRM);
    assertThat(bot.lastReply(GROUP)).startsWith("✅ Placed");
    return new ClientListId(bot.tracked(orderListId).orElseThrow().listClientOrderId());
  }
}
