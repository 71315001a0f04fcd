package dev.orderlistbot.core.engine;

import static dev.orderlistbot.core.engine.TestBot.ALICE;
import static dev.orderlistbot.core.engine.TestBot.ALICES_PAPER_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderlistbot.core.domain.Side;
import dev.orderlistbot.core.domain.TradingEnvironment;
import dev.orderlistbot.core.domain.order.ClientListId;
import dev.orderlistbot.core.domain.order.ClientOrderId;
import dev.orderlistbot.core.domain.order.ExpiryReason;
import dev.orderlistbot.core.domain.order.LegExecution;
import dev.orderlistbot.core.domain.order.LegRole;
import dev.orderlistbot.core.domain.order.LegStatus;
import dev.orderlistbot.core.domain.order.OrderEventIds;
import dev.orderlistbot.core.domain.order.OrderListId;
import dev.orderlistbot.core.domain.order.OrderListUpdate;
import dev.orderlistbot.core.domain.order.ReportedOrderType;
import dev.orderlistbot.core.port.out.AuditAction;
import dev.orderlistbot.core.port.out.ExchangeError;
import dev.orderlistbot.core.port.out.OrderListState;
import dev.orderlistbot.core.port.out.TrackedLeg;
import dev.orderlistbot.core.port.out.TrackedOrderList;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A cancel the exchange did not carry out never marks a live list done: the list stays followed (by
 * the stream after a restart and by the catch-up) and the trader hears that it is still working.
 * Only "nothing to cancel" ends it, and no outcome of a cancel overwrites a fill that came meanwhile.
 */
class FailedCancelTest {
  private static final String OCO = "/oco BTCUSDT sell 0.01 tp 32000 sl 29000";
  private static final String FILLED = "✅ BTCUSDT OCO #8821: take-profit SELL 0.01 @ 32,000 filled; stop-loss expired.";

  @TempDir Path dir;
  private TestBot bot;
  private FakeExchange exchange;
  private RecordingEventSource events;

  @BeforeEach
  void start() {
    events = new RecordingEventSource();
    bot = TestBot.withFakeExchange(dir, TradingEnvironment.PAPER, events);
    exchange = (FakeExchange) bot.exchange;
    bot.say(ALICE, OCO);
    bot.press(ALICE, bot.lastButtons(TestBot.dm(ALICE)), Replies.CONFIRM);
    assertThat(bot.lastReply(ALICE)).startsWith("✅ Placed");
  }

  @AfterEach
  void stop() {
    bot.close();
  }

  /** Refusals and failures after which the list is certainly still on the book. */
  static Stream<ExchangeError> notCarriedOut() {
    return Stream.of(
        new ExchangeError.Refused(-1021, "The bot's clock was out of step with Binance's; it has re-synchronised, so please try again."),
        new ExchangeError.Refused(0, "Binance's firewall blocked the request (HTTP 403)."),
        new ExchangeError.Refused(-2999, "Binance refused the request (error code -2999)."),
        new ExchangeError.Refused(-2011, "Your account may not place or cancel orders right now."),
        new ExchangeError.RateLimited(-1003, Instant.parse("2026-03-01T10:05:00Z"), "Binance is rate-limiting this bot."),
        new ExchangeError.CredentialsRejected(-2015, "Binance refused the API key."),
        new ExchangeError.Unavailable("Could not reach Binance; nothing was sent."));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("notCarriedOut")
  void aCancelThatDidNotGoThroughLeavesTheListFollowedAndSaysItIsStillWorking(ExchangeError error) {
    exchange.cancelFailure = error;

    bot.say(ALICE, "/cancel 8821");

    assertThat(bot.lastReply(ALICE))
        .contains("did not go through")
        .contains("still working")
        .contains("/cancel 8821")
        .doesNotContain("✖ Cancelled")
        .doesNotContain("Nothing to cancel");
    assertThat(bot.tracked(8821)).map(TrackedOrderList::state).contains(OrderListState.EXECUTING);
    assertThat(bot.openTracked(ALICE)).extracting(t -> t.orderListId().getAsLong()).containsExactly(8821L);
    assertThat(bot.audit(ALICE)).noneSatisfy(e -> assertThat(e.action()).isEqualTo(AuditAction.ORDER_LIST_CANCELLED));
    assertThat(bot.audit(ALICE)).first().satisfies(e -> {
      assertThat(e.action()).isEqualTo(AuditAction.ORDER_LIST_NOT_CANCELLED);
      assertThat(e.subject()).isEqualTo("list:BTCUSDT:8821 code " + error.code());
    });
  }

  @Test
  void aListWhoseCancelWasRefusedIsStillCaughtUpAndResumedAfterARestart() {
    exchange.cancelFailure = new ExchangeError.Refused(0, "Binance's firewall blocked the request (HTTP 403).");
    bot.say(ALICE, "/cancel 8821");
    exchange.legNow(clientId(), LegRole.TAKE_PROFIT, LegStatus.FILLED, "0.01", "320");
    exchange.listDone(clientId());
    events.watched.clear();

    bot.restart();
    bot.engine().resumeOrderEvents();
    OrderListReconciler.Outcome caughtUp =
        new OrderListReconciler(bot.transactor(), exchange, bot.router(), "binance").reconcile(ALICE, ALICES_PAPER_KEY);

    assertThat(events.watched).anySatisfy(w -> assertThat(w).startsWith(ALICE.toString()));
    assertThat(caughtUp.listsChecked()).isEqualTo(1);
    assertThat(bot.telegram.texts(TestBot.dm(ALICE))).contains(FILLED);
    assertThat(bot.tracked(8821)).map(TrackedOrderList::state).contains(OrderListState.ALL_DONE);
  }

  @Test
  void aCancelInterruptedByTheProcessDyingLeavesTheListFollowedAfterTheRestart() {
    exchange.whileCancelling = () -> {
      throw new OutOfMemoryError("the process dies while the cancel is on its way");
    };
    assertThatThrownBy(() -> bot.say(ALICE, "/cancel 8821")).isInstanceOf(OutOfMemoryError.class);
    exchange.whileCancelling = () -> {};

    bot.restart();
    bot.engine().resumeOrderEvents();

    // the cancel never reached the exchange: the list is as it was, followed, and can be cancelled again
    assertThat(bot.tracked(8821)).map(TrackedOrderList::state).contains(OrderListState.EXECUTING);
    bot.say(ALICE, "/cancel 8821");
    assertThat(bot.tracked(8821)).map(TrackedOrderList::state).contains(OrderListState.ALL_DONE);
  }

  @Test
  void aCancelWhoseOutcomeIsUnknownKeepsFollowingTheList() {
    exchange.cancelFailure = new ExchangeError.OutcomeUnknown(-1006, "Binance failed while handling the request.");

    bot.say(ALICE, "/cancel 8821");

    assertThat(bot.lastReply(ALICE)).contains("may or may not be cancelled").contains("/status 8821");
    assertThat(bot.tracked(8821)).map(TrackedOrderList::state).contains(OrderListState.EXECUTING);
  }

  @Test
  void aListTheExchangeNoLongerHasIsLookedUpAndTheTraderHearsThereWasNothingToCancel() {
    exchange.legNow(clientId(), LegRole.TAKE_PROFIT, LegStatus.EXPIRED, "0", "0");
    exchange.legNow(clientId(), LegRole.STOP_LOSS, LegStatus.EXPIRED, "0", "0");
    exchange.listDone(clientId());

    bot.say(ALICE, "/cancel 8821");

    assertThat(bot.lastReply(ALICE)).contains("Nothing to cancel").contains("looking it up").doesNotContain("still working");
    assertThat(events.caughtUp).containsExactly(ALICE);
    catchUp();
    assertThat(bot.tracked(8821)).map(TrackedOrderList::state).contains(OrderListState.ALL_DONE);
    assertThat(bot.openTracked(ALICE)).isEmpty();
    assertThat(bot.telegram.texts(TestBot.dm(ALICE))).noneMatch(text -> text.startsWith("✅ BTCUSDT OCO #8821"));
  }

  // simulation seed 3731: the take-profit's fill was lost in a stream gap before the trader's /cancel
  @Test
  void nothingToCancelForAListWhoseFillWasNeverHeardKeepsItFollowedUntilTheCatchUpTellsTheFill() {
    exchange.legNow(clientId(), LegRole.TAKE_PROFIT, LegStatus.FILLED, "0.01", "320");
    exchange.legNow(clientId(), LegRole.STOP_LOSS, LegStatus.EXPIRED, "0", "0");
    exchange.listDone(clientId());

    bot.say(ALICE, "/cancel 8821");

    assertThat(bot.lastReply(ALICE)).contains("Nothing to cancel").contains("will tell you here if anything of it filled");
    assertThat(bot.tracked(8821)).map(TrackedOrderList::state).contains(OrderListState.CANCELLING);
    assertThat(events.caughtUp).containsExactly(ALICE);
    catchUp();
    assertThat(bot.telegram.texts(TestBot.dm(ALICE))).containsOnlyOnce(FILLED);
    assertThat(bot.tracked(8821)).map(TrackedOrderList::state).contains(OrderListState.ALL_DONE);
  }

  @Test
  void nothingToCancelForAListWhoseEveryEndWasHeardEndsItWithoutACatchUp() {
    bot.router().onUpdate(ALICE, takeProfitFilled());
    exchange.listDone(clientId());
    bot.transactor().inTransaction(
        stores -> stores.orderLists().changeState(clientId().value(), OrderListState.ALL_DONE, OrderListState.EXECUTING));
    bot.transactor().inTransaction(
        stores -> {
          TrackedOrderList tracked = stores.orderLists().findByOrderListId(8821).orElseThrow();
          tracked.legs().forEach(leg -> stores.orderLists().markLegEnded(tracked.listClientOrderId(), leg.clientOrderId(), false));
          return null;
        });

    bot.say(ALICE, "/cancel 8821");

    assertThat(bot.lastReply(ALICE)).contains("Nothing to cancel").doesNotContain("looking it up");
    assertThat(events.caughtUp).isEmpty();
    assertThat(bot.tracked(8821)).map(TrackedOrderList::state).contains(OrderListState.ALL_DONE);
  }

  @Test
  void nothingToCancelWhereNoCatchUpCanRunEndsTheListAtOnce() {
    events.looksBack = false;
    exchange.listDone(clientId());

    bot.say(ALICE, "/cancel 8821");

    assertThat(bot.lastReply(ALICE)).contains("Nothing to cancel").doesNotContain("looking it up");
    assertThat(bot.tracked(8821)).map(TrackedOrderList::state).contains(OrderListState.ALL_DONE);
    assertThat(bot.openTracked(ALICE)).isEmpty();
  }

  @Test
  void aCancelWhoseAnswerShowsAnUnseenFillEndsTheListWhereNoCatchUpCanRun() {
    events.looksBack = false;
    exchange.legNow(clientId(), LegRole.TAKE_PROFIT, LegStatus.PARTIALLY_FILLED, "0.004", "128");

    bot.say(ALICE, "/cancel 8821");

    assertThat(bot.lastReply(ALICE)).isEqualTo("✖ Cancelled BTCUSDT OCO #8821.");
    assertThat(bot.tracked(8821)).map(TrackedOrderList::state).contains(OrderListState.ALL_DONE);
    assertThat(events.caughtUp).isEmpty();
  }

  private void catchUp() {
    new OrderListReconciler(bot.transactor(), exchange, bot.router(), "binance").reconcile(ALICE, ALICES_PAPER_KEY);
  }

  @Test
  void aFillThatArrivesWhileACancelFailsIsNeverOverwritten() {
    exchange.whileCancelling = () -> bot.router().onUpdate(ALICE, takeProfitFilled());
    exchange.cancelFailure = new ExchangeError.Unavailable("Binance did not answer in time; please try again.");

    bot.say(ALICE, "/cancel 8821");

    assertThat(bot.tracked(8821)).map(TrackedOrderList::state).contains(OrderListState.ALL_DONE);
    assertThat(bot.openTracked(ALICE)).isEmpty();
    assertThat(bot.telegram.texts(TestBot.dm(ALICE))).contains(FILLED);
    assertThat(bot.lastReply(ALICE)).contains("did not go through").contains("ended").doesNotContain("still working");
  }

  @Test
  void aFillThatArrivesWhileACancelHasAnUnknownOutcomeIsNeverOverwritten() {
    exchange.whileCancelling = () -> bot.router().onUpdate(ALICE, takeProfitFilled());
    exchange.cancelFailure = new ExchangeError.OutcomeUnknown(-1007, "Binance did not answer in time.");

    bot.say(ALICE, "/cancel 8821");

    assertThat(bot.tracked(8821)).map(TrackedOrderList::state).contains(OrderListState.ALL_DONE);
    assertThat(bot.telegram.texts(TestBot.dm(ALICE))).contains(FILLED);
  }

  @Test
  void aCancelThatWentThroughIsSaidOnceAndEndsTheList() {
    bot.say(ALICE, "/cancel 8821");

    assertThat(bot.lastReply(ALICE)).isEqualTo("✖ Cancelled BTCUSDT OCO #8821.");
    assertThat(bot.tracked(8821)).map(TrackedOrderList::state).contains(OrderListState.ALL_DONE);
    assertThat(bot.openTracked(ALICE)).isEmpty();
  }

  private ClientListId clientId() {
    return new ClientListId(bot.tracked(8821).orElseThrow().listClientOrderId());
  }

  /** The stream's event: the take-profit of #8821 filled 0.01 at 32,000. */
  private OrderListUpdate.LegChanged takeProfitFilled() {
    TrackedOrderList tracked = bot.tracked(8821).orElseThrow();
    ClientOrderId legId = clientId().legId(LegRole.TAKE_PROFIT);
    long orderId =
        tracked.legs().stream()
            .filter(leg -> leg.clientOrderId().equals(legId.value()))
            .map(TrackedLeg::orderId)
            .filter(id -> id.isPresent())
            .map(id -> id.getAsLong())
            .findFirst()
            .orElseThrow();
    BigDecimal filled = new BigDecimal("0.01");
    return new OrderListUpdate.LegChanged(
        OrderEventIds.legState("binance", tracked.symbol(), orderId, LegStatus.FILLED, filled), tracked.symbol(), new OrderListId(8821), orderId,
        legId, ReportedOrderType.LIMIT_MAKER, Side.SELL, LegExecution.TRADE, LegStatus.FILLED, filled, filled,
        new BigDecimal("32000"), filled, new BigDecimal("320"), Optional.of(new BigDecimal("32000")), Optional.empty(),
        ExpiryReason.NONE, Instant.parse("2026-03-01T11:00:00Z"));
  }
}
