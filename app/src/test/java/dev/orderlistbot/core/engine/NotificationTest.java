package dev.orderlistbot.core.engine;

import static dev.orderlistbot.core.engine.TestBot.ALICE;
import static dev.orderlistbot.core.engine.TestBot.BOB;
import static dev.orderlistbot.core.engine.TestBot.GROUP;
import static dev.orderlistbot.core.engine.TestBot.dm;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.core.domain.Side;
import dev.orderlistbot.core.domain.TradingEnvironment;
import dev.orderlistbot.core.domain.order.ClientListId;
import dev.orderlistbot.core.domain.order.ClientOrderId;
import dev.orderlistbot.core.domain.order.ContingencyType;
import dev.orderlistbot.core.domain.order.ExpiryReason;
import dev.orderlistbot.core.domain.order.LegExecution;
import dev.orderlistbot.core.domain.order.LegRole;
import dev.orderlistbot.core.domain.order.LegStatus;
import dev.orderlistbot.core.domain.order.ListOrderStatus;
import dev.orderlistbot.core.domain.order.ListStatusType;
import dev.orderlistbot.core.domain.order.OrderListId;
import dev.orderlistbot.core.domain.order.OrderListUpdate;
import dev.orderlistbot.core.domain.order.ReportedOrderType;
import dev.orderlistbot.core.port.out.ChatDeliveryException;
import dev.orderlistbot.core.port.out.OrderListState;
import dev.orderlistbot.core.port.out.StorageException;
import dev.orderlistbot.core.port.out.Stores;
import dev.orderlistbot.core.port.out.TrackedOrderList;
import dev.orderlistbot.core.port.out.Transactor;
import dev.orderlistbot.db.testing.TestDatabases;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Fills and expiries reach the chat the list came from, once, through the outbox. */
@ParameterizedClass(name = "on {0}")
@EnumSource(TestDatabases.class)
class NotificationTest {
  private static final String FILLED = "✅ BTCUSDT OCO #8821: take-profit SELL 0.01 @ 32,000 filled; stop-loss expired.";

  @Parameter TestDatabases databases;
  @TempDir Path dir;
  private TestBot bot;
  private FakeExchange exchange;

  @BeforeEach
  void start() {
    bot = TestBot.withFakeExchange(databases.fresh(dir), TradingEnvironment.PAPER, new RecordingEventSource());
    exchange = (FakeExchange) bot.exchange;
  }

  @AfterEach
  void stop() {
    if (bot != null) {
      bot.close();
    }
  }

  @Test
  void aFillReachesTheChatWhereTheListWasPlacedInTraderLanguage() {
    TrackedOrderList list = placeInGroup("/oco BTCUSDT sell 0.01 tp 32000 sl 29000");

    bot.router().onUpdate(ALICE, fill(list, LegRole.TAKE_PROFIT, "e1"));
    bot.router().onUpdate(ALICE, expired(list, LegRole.STOP_LOSS, "e2"));
    bot.router().onUpdate(ALICE, done(list, "e3"));

    assertThat(bot.telegram.texts(GROUP)).filteredOn(t -> t.contains("#8821:")).containsExactly(FILLED);
    assertThat(bot.telegram.texts(dm(ALICE))).isEmpty();
    assertThat(bot.tracked(8821)).map(TrackedOrderList::state).contains(OrderListState.ALL_DONE);
  }

  @Test
  void aReplayedEventIsNotifiedOnce() {
    TrackedOrderList list = placeInGroup("/oco BTCUSDT sell 0.01 tp 32000 sl 29000");

    bot.router().onUpdate(ALICE, fill(list, LegRole.TAKE_PROFIT, "same"));
    bot.router().onUpdate(ALICE, fill(list, LegRole.TAKE_PROFIT, "same"));
    bot.restart();
    bot.router().onUpdate(ALICE, fill(list, LegRole.TAKE_PROFIT, "same"));

    assertThat(bot.telegram.texts(GROUP)).filteredOn(FILLED::equals).hasSize(1);
  }

  @Test
  void anOtocoReportedAsOtoIsStillCalledOtocoAndItsEntryFillAnnouncesTheExits() {
    TrackedOrderList list = placeInGroup("/otoco BTCUSDT buy 0.01 @ 29000 tp 31000 sl 28000");

    bot.router().onUpdate(ALICE, fill(list, LegRole.WORKING, "entry"));

    assertThat(bot.lastReply(GROUP))
        .isEqualTo("✅ BTCUSDT OTOCO #8821: entry SELL 0.01 @ 32,000 filled; take-profit and stop-loss are now working.");
  }

  @Test
  void aListThatEndsBeforeTheBotSawItsLegsEndIsNotCalledClosedAndStaysFollowed() {
    TrackedOrderList list = placeInGroup("/oco BTCUSDT sell 0.01 tp 32000 sl 29000");

    bot.router().onUpdate(ALICE, done(list, "done"));

    assertThat(bot.lastReply(GROUP))
        .startsWith("▶️ BTCUSDT OCO #8821 is done on the exchange, but its take-profit and stop-loss have not ended yet");
    assertThat(bot.openTracked(ALICE)).hasSize(1);
  }

  @Test
  void eventsOfListsTheBotDidNotPlaceOrOfAnotherOwnerAreDropped() {
    TrackedOrderList list = placeInGroup("/oco BTCUSDT sell 0.01 tp 32000 sl 29000");
    int before = bot.telegram.history().size();

    bot.router().onUpdate(BOB, fill(list, LegRole.TAKE_PROFIT, "not-bobs"));
    bot.router().onUpdate(ALICE, new OrderListUpdate.ListChanged(
        "elsewhere", FakeExchange.BTCUSDT, new OrderListId(77), new ClientListId("placed-in-the-app"),
        ContingencyType.OCO, ListStatusType.ALL_DONE, ListOrderStatus.ALL_DONE, Instant.now()));

    assertThat(bot.telegram.history()).hasSize(before);
  }

  @Test
  void twoTradersListsWithTheSameExchangeIdEachHearTheirOwnEvents() {
    // Binance numbers order lists per symbol, so two traders' lists may carry the same id
    TrackedOrderList alices = placeInGroup("/oco BTCUSDT sell 0.01 tp 32000 sl 29000");
    exchange.nextListId(8821);
    bot.say(BOB, "/oco BTCUSDT sell 0.01 tp 32000 sl 29000");
    bot.press(BOB, bot.lastButtons(dm(BOB)), Replies.CONFIRM);
    TrackedOrderList bobs = bot.openTracked(BOB).getFirst();
    assertThat(bobs.orderListId()).hasValue(8821);

    bot.router().onUpdate(BOB, fill(bobs, LegRole.TAKE_PROFIT, "bob-tp"));
    bot.router().onUpdate(BOB, expired(bobs, LegRole.STOP_LOSS, "bob-sl"));
    bot.router().onUpdate(BOB, done(bobs, "bob-done"));

    assertThat(bot.telegram.texts(dm(BOB))).filteredOn(t -> t.contains("#8821:")).containsExactly(FILLED);
    assertThat(bot.openTracked(BOB)).isEmpty();
    assertThat(bot.openTracked(ALICE)).extracting(TrackedOrderList::listClientOrderId).containsExactly(alices.listClientOrderId());
  }

  @Test
  void onAnAccountSharedByTwoUsersTheOwnersCopyOfAnEventIsAnnouncedWhicheverCopyArrivesFirst() {
    TrackedOrderList list = placeInGroup("/oco BTCUSDT sell 0.01 tp 32000 sl 29000");

    // Binance sends the account's events to both subscriptions; Bob's copy happens to come first
    bot.router().onUpdate(BOB, fill(list, LegRole.TAKE_PROFIT, "binance-o-BTCUSDT-1001-FILLED-0.01"));
    bot.router().onUpdate(ALICE, fill(list, LegRole.TAKE_PROFIT, "binance-o-BTCUSDT-1001-FILLED-0.01"));
    // and the REST catch-up of either owner names the same fact the same way
    bot.router().onUpdate(ALICE, fill(list, LegRole.TAKE_PROFIT, "binance-o-BTCUSDT-1001-FILLED-0.01"));
    bot.router().onUpdate(BOB, fill(list, LegRole.TAKE_PROFIT, "binance-o-BTCUSDT-1001-FILLED-0.01"));

    assertThat(bot.telegram.texts(GROUP)).filteredOn(FILLED::equals).hasSize(1);
  }

  @Test
  void whereGroupAnswersArePrivateAFillIsToldInPrivateUnlessTheOwnerTurnedAlertsOnInTheGroup() {
    // as on Discord: the preview in the guild channel was ephemeral, so the group never saw the list
    bot.telegram.answerPrivatelyInGroups();
    TrackedOrderList list = place("/oco BTCUSDT sell 0.01 tp 32000 sl 29000");

    bot.router().onUpdate(ALICE, fill(list, LegRole.TAKE_PROFIT, "e1"));
    // the placement's result, shown at once on the private preview, is also kept in the DM, which
    // paces the fill a moment after it
    bot.clock.advance(Duration.ofSeconds(2));
    bot.dispatcher().drainOnce();

    assertThat(bot.telegram.texts(GROUP)).noneMatch(t -> t.contains("#8821:"));
    assertThat(bot.telegram.texts(dm(ALICE)))
        .filteredOn(t -> !t.startsWith("📋")) // the card's own edits
        .satisfiesExactly(placed -> assertThat(placed).startsWith("✅ Placed on PAPER"), told -> assertThat(told).isEqualTo(FILLED));

    bot.sayInGroup(ALICE, "/alerts on");
    TrackedOrderList second = place("/oco BTCUSDT sell 0.01 tp 32000 sl 29000", 8822);
    bot.router().onUpdate(ALICE, fill(second, LegRole.TAKE_PROFIT, "e2"));
    // the private chat's pace (about one message a second) holds the placement's copy and then the
    // second notice a moment each
    for (int tick = 0; tick < 2; tick++) {
      bot.clock.advance(Duration.ofSeconds(2));
      bot.dispatcher().drainOnce();
    }

    assertThat(bot.telegram.texts(GROUP)).filteredOn(t -> t.contains("#8822:")).hasSize(1);
    assertThat(bot.telegram.texts(dm(ALICE))).filteredOn(t -> t.contains("#8822:")).hasSize(1);
  }

  @Test
  void aLegEventBeforeTheListsIdsAreKnownIsMatchedByItsClientId() {
    exchange.placeMode = FakeExchange.PlaceMode.LOSE_THEN_UNKNOWN;
    bot.say(ALICE, "/oco BTCUSDT sell 0.01 tp 32000 sl 29000");
    bot.press(ALICE, bot.lastButtons(dm(ALICE)), Replies.CONFIRM);
    TrackedOrderList unknown = bot.openTracked(ALICE).getFirst();

    bot.router().onUpdate(ALICE, fill(unknown, LegRole.TAKE_PROFIT, "early"));

    assertThat(bot.lastReply(ALICE)).isEqualTo(FILLED);
  }

  @Test
  void aDeliveryThePlatformDeferredIsRetriedAfterTheWaitItAskedFor() {
    TrackedOrderList list = placeInGroup("/oco BTCUSDT sell 0.01 tp 32000 sl 29000");
    bot.telegram.failNextSend(ChatDeliveryException.retryLater("429", Optional.of(Duration.ofSeconds(30)), null));

    bot.router().onUpdate(ALICE, fill(list, LegRole.TAKE_PROFIT, "deferred"));
    int early = bot.dispatcher().drainOnce();
    bot.clock.advance(Duration.ofSeconds(31));
    int later = bot.dispatcher().drainOnce();

    assertThat(early).isZero();
    assertThat(later).isEqualTo(1);
    assertThat(bot.telegram.texts(GROUP)).filteredOn(FILLED::equals).hasSize(1);
  }

  @Test
  void aNoticeNotYetDeliveredSurvivesARestart() {
    TrackedOrderList list = placeInGroup("/oco BTCUSDT sell 0.01 tp 32000 sl 29000");
    bot.telegram.failNextSend(ChatDeliveryException.retryLater("network down", Optional.empty(), null));

    bot.router().onUpdate(ALICE, fill(list, LegRole.TAKE_PROFIT, "kept"));
    bot.restart();
    bot.clock.advance(Duration.ofMinutes(3));
    bot.dispatcher().drainOnce();

    assertThat(bot.telegram.texts(GROUP)).filteredOn(FILLED::equals).hasSize(1);
  }

  @Test
  void aNoticeForAChatThatIsGoneIsKeptAsFailedAfterOneTry() {
    TrackedOrderList list = placeInGroup("/oco BTCUSDT sell 0.01 tp 32000 sl 29000");
    bot.telegram.failNextSend(ChatDeliveryException.permanent("bot was kicked", null));

    bot.router().onUpdate(ALICE, fill(list, LegRole.TAKE_PROFIT, "gone"));
    bot.clock.advance(Duration.ofHours(2));

    assertThat(bot.dispatcher().drainOnce()).isZero();
    assertThat(bot.telegram.texts(GROUP)).doesNotContain(FILLED);
    assertThat(bot.failedNotices())
        .singleElement()
        .satisfies(failed -> assertThat(failed.message().text()).isEqualTo(FILLED));
  }

  @Test
  void afterARestartTheOrderEventsOfUsersWithOpenListsAreResumed() {
    RecordingEventSource events = (RecordingEventSource) bot.events.orElseThrow();
    placeInGroup("/oco BTCUSDT sell 0.01 tp 32000 sl 29000");
    bot.say(BOB, "/price BTCUSDT");

    bot.restart();
    bot.engine().resumeOrderEvents();

    assertThat(events.watched)
        .containsExactly("telegram:1001 paper-telegram-1001", "telegram:1001 paper-telegram-1001");
  }

  /** Placed from the group; where the platform answered privately, the Placed answer was Alice's alone. */
  private TrackedOrderList place(String line) {
    return place(line, 8821);
  }

  private TrackedOrderList place(String line, long orderListId) {
    bot.sayInGroup(ALICE, line);
    bot.press(ALICE, bot.lastButtons(GROUP), Replies.CONFIRM);
    return bot.tracked(orderListId).orElseThrow();
  }

  @Test
  void anOcoWhoseStopTriggeredIsNotCalledClosedAndStaysFollowedWhileTheStopLossRests() {
    TrackedOrderList list = stopTriggered();

    assertThat(bot.telegram.texts(GROUP)).noneMatch(text -> text.contains("no order of it is working"));
    assertThat(bot.lastReply(GROUP))
        .isEqualTo("▶️ BTCUSDT OCO #8821 is done on the exchange, but its stop-loss has not ended yet: it stays on the"
            + " book until it fills, expires or is cancelled. See /orders.");
    assertThat(bot.openTracked(ALICE)).extracting(TrackedOrderList::listClientOrderId).containsExactly(list.listClientOrderId());
  }

  @Test
  void aStopLossThatExpiresAfterItsOcoResolvedIsToldWithWhatItMeans() {
    TrackedOrderList list = stopTriggered();

    bot.router().onUpdate(ALICE, stopLossExpired(list, "sl-expired", ExpiryReason.UNFILLED_IOC_QUANTITY_EXPIRED));
    afterTheGroupsPace();

    assertThat(bot.lastReply(GROUP))
        .isEqualTo("⚠️ BTCUSDT OCO #8821: the stop-loss expired without filling (the price moved past its limit 28,900"
            + " before it could fill), so 0.01 on BTCUSDT has no stop any more. Place a new stop"
            + " (/oco BTCUSDT sell 0.01 tp … sl …) or check /orders.");
    assertThat(bot.tracked(8821)).map(TrackedOrderList::state).contains(OrderListState.ALL_DONE);
  }

  @Test
  void anOcoWhoseLegsWereCancelledElsewhereEndsSayingThePositionHasNoExit() {
    TrackedOrderList list = placeInGroup("/oco BTCUSDT sell 0.01 tp 32000 sl 29000");

    bot.router().onUpdate(ALICE, cancelled(list, LegRole.TAKE_PROFIT, "tp-cancelled"));
    bot.router().onUpdate(ALICE, cancelled(list, LegRole.STOP_LOSS, "sl-cancelled"));
    bot.router().onUpdate(ALICE, done(list, "done"));

    assertThat(bot.telegram.texts(GROUP))
        .filteredOn(text -> text.startsWith("⚠️ BTCUSDT OCO #8821: its take-profit and stop-loss were cancelled, so 0.01 on BTCUSDT"))
        .hasSize(1);
    assertThat(bot.telegram.texts(GROUP)).noneMatch(text -> text.startsWith("⏹ BTCUSDT OCO #8821"));
    assertThat(bot.openTracked(ALICE)).isEmpty();
  }

  @Test
  void aBatchRoutedInOneTransactionTellsWhatItsEventsOneByOneWould() {
    TrackedOrderList list = placeInGroup("/oco BTCUSDT sell 0.01 tp 32000 sl 29000");

    bot.router().routeAll(List.of(
        new OwnerUpdate(ALICE, fill(list, LegRole.TAKE_PROFIT, "e1")),
        new OwnerUpdate(ALICE, expired(list, LegRole.STOP_LOSS, "e2")),
        new OwnerUpdate(ALICE, fill(list, LegRole.TAKE_PROFIT, "e1")),
        new OwnerUpdate(ALICE, done(list, "e3"))));

    assertThat(bot.telegram.texts(GROUP)).filteredOn(t -> t.contains("#8821:")).containsExactly(FILLED);
    assertThat(bot.tracked(8821)).map(TrackedOrderList::state).contains(OrderListState.ALL_DONE);
  }

  @Test
  void aBatchTellsTheChatsSubscribedToItsOwnersAlertsAsItsEventsOneByOneWould() {
    // the group never saw the list (answers there are private), but it subscribed to the owner's
    // alerts: the batch reads the subscriptions once and still tells the group, and the DM
    bot.telegram.answerPrivatelyInGroups();
    TrackedOrderList list = place("/oco BTCUSDT sell 0.01 tp 32000 sl 29000");
    bot.sayInGroup(ALICE, "/alerts on");

    bot.router().routeAll(List.of(
        new OwnerUpdate(ALICE, fill(list, LegRole.TAKE_PROFIT, "e1")),
        new OwnerUpdate(ALICE, expired(list, LegRole.STOP_LOSS, "e2")),
        new OwnerUpdate(ALICE, done(list, "e3"))));
    for (int tick = 0; tick < 3; tick++) {
      bot.clock.advance(Duration.ofSeconds(2));
      bot.dispatcher().drainOnce();
    }

    assertThat(bot.telegram.texts(GROUP)).filteredOn(t -> t.contains("#8821:")).containsExactly(FILLED);
    assertThat(bot.telegram.texts(dm(ALICE))).filteredOn(t -> t.contains("#8821:") && !t.startsWith("📋")).containsExactly(FILLED);
  }

  @Test
  void aBatchWhoseCommitFailsLeavesNothingAndIsRoutedAgainOneByOne() {
    TrackedOrderList list = placeInGroup("/oco BTCUSDT sell 0.01 tp 32000 sl 29000");
    AtomicBoolean commitFails = new AtomicBoolean(true);
    Transactor real = bot.transactor();
    Transactor failingOnce = new Transactor() {
      @Override
      public <T> T inTransaction(Function<Stores, T> work) {
        return real.inTransaction(stores -> {
          T result = work.apply(stores);
          if (commitFails.getAndSet(false)) {
            throw new StorageException("the connection broke at commit");
          }
          return result;
        });
      }
    };
    NotificationRouter router = new NotificationRouter(failingOnce, bot.dispatcher()::trigger);

    router.routeAll(List.of(
        new OwnerUpdate(ALICE, fill(list, LegRole.TAKE_PROFIT, "e1")),
        new OwnerUpdate(ALICE, expired(list, LegRole.STOP_LOSS, "e2")),
        new OwnerUpdate(ALICE, done(list, "e3"))));

    assertThat(commitFails).isFalse();
    assertThat(bot.telegram.texts(GROUP)).filteredOn(t -> t.contains("#8821:")).containsExactly(FILLED);
    assertThat(bot.tracked(8821)).map(TrackedOrderList::state).contains(OrderListState.ALL_DONE);
  }

  /**
   * An OCO whose stop triggered: Binance expires the take-profit and ends the list, while the
   * stop-loss (limit 28,900) rests unfilled.
   */
  private TrackedOrderList stopTriggered() {
    TrackedOrderList list = placeInGroup("/oco BTCUSDT sell 0.01 tp 32000 sl 29000/28900");
    bot.router().onUpdate(ALICE, expired(list, LegRole.TAKE_PROFIT, "tp-expired"));
    bot.router().onUpdate(ALICE, done(list, "list-done"));
    return list;
  }

  /** A group is paced: the next notice goes once the platform's interval has passed. */
  private void afterTheGroupsPace() {
    bot.clock.advance(Duration.ofSeconds(10));
    bot.dispatcher().drainOnce();
  }

  private TrackedOrderList placeInGroup(String line) {
    bot.sayInGroup(ALICE, line);
    bot.press(ALICE, bot.lastButtons(GROUP), Replies.CONFIRM);
    assertThat(bot.lastReply(GROUP)).startsWith("✅ Placed");
    return bot.tracked(8821).orElseThrow();
  }

  private static OrderListUpdate.LegChanged fill(TrackedOrderList list, LegRole role, String eventId) {
    return leg(list, role, eventId, LegExecution.TRADE, LegStatus.FILLED, "0.01", "320", ExpiryReason.NONE);
  }

  private static OrderListUpdate.LegChanged expired(TrackedOrderList list, LegRole role, String eventId) {
    return leg(list, role, eventId, LegExecution.EXPIRED, LegStatus.EXPIRED, "0", "0", ExpiryReason.OCO_TRIGGER);
  }

  private static OrderListUpdate.LegChanged cancelled(TrackedOrderList list, LegRole role, String eventId) {
    return leg(list, role, eventId, LegExecution.CANCELED, LegStatus.CANCELED, "0", "0", ExpiryReason.NONE);
  }

  /** The triggered STOP_LOSS_LIMIT SELL 0.01 (stop 29,000, limit 28,900) expiring unfilled. */
  private static OrderListUpdate.LegChanged stopLossExpired(TrackedOrderList list, String eventId, ExpiryReason reason) {
    ClientListId clientId = new ClientListId(list.listClientOrderId());
    return new OrderListUpdate.LegChanged(
        eventId, list.symbol(), new OrderListId(list.orderListId().orElse(8821)), 1002L,
        new ClientOrderId(clientId.legId(LegRole.STOP_LOSS).value()), ReportedOrderType.STOP_LOSS_LIMIT, Side.SELL,
        LegExecution.EXPIRED, LegStatus.EXPIRED, new BigDecimal("0.01"), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
        BigDecimal.ZERO, Optional.of(new BigDecimal("28900.00000000")), Optional.of(new BigDecimal("29000.00000000")), reason,
        Instant.parse("2026-03-01T11:00:00Z"));
  }

  private static OrderListUpdate.ListChanged done(TrackedOrderList list, String eventId) {
    return new OrderListUpdate.ListChanged(
        eventId, list.symbol(), new OrderListId(list.orderListId().orElse(8821)), new ClientListId(list.listClientOrderId()),
        ContingencyType.OCO, ListStatusType.ALL_DONE, ListOrderStatus.ALL_DONE, Instant.parse("2026-03-01T11:00:00Z"));
  }

  private static OrderListUpdate.LegChanged leg(
      TrackedOrderList list, LegRole role, String eventId, LegExecution execution, LegStatus status,
      String cumulativeQty, String cumulativeQuote, ExpiryReason reason) {
    ClientListId clientId = new ClientListId(list.listClientOrderId());
    return new OrderListUpdate.LegChanged(
        eventId, list.symbol(), new OrderListId(list.orderListId().orElse(8821)), 1001L, new ClientOrderId(clientId.legId(role).value()),
        ReportedOrderType.LIMIT_MAKER, Side.SELL, execution, status, new BigDecimal("0.01"), new BigDecimal(cumulativeQty),
        new BigDecimal("32000"), new BigDecimal(cumulativeQty), new BigDecimal(cumulativeQuote), Optional.empty(),
        Optional.empty(), reason, Instant.parse("2026-03-01T11:00:00Z"));
  }
}
