package dev.orderlistbot.core.engine;

import static dev.orderlistbot.core.engine.TestBot.ALICE;
import static dev.orderlistbot.core.engine.TestBot.GROUP;
import static dev.orderlistbot.core.engine.TestBot.dm;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.orderlistbot.core.chat.ChatKind;
import dev.orderlistbot.core.domain.ChatRef;
import dev.orderlistbot.core.domain.Side;
import dev.orderlistbot.core.domain.TradingEnvironment;
import dev.orderlistbot.core.domain.order.ClientListId;
import dev.orderlistbot.core.domain.order.ClientOrderId;
import dev.orderlistbot.core.domain.order.ExpiryReason;
import dev.orderlistbot.core.domain.order.LegExecution;
import dev.orderlistbot.core.domain.order.LegRole;
import dev.orderlistbot.core.domain.order.LegStatus;
import dev.orderlistbot.core.domain.order.OrderListId;
import dev.orderlistbot.core.domain.order.OrderListUpdate;
import dev.orderlistbot.core.domain.order.ReportedOrderType;
import dev.orderlistbot.core.port.out.ChatDeliveryException;
import dev.orderlistbot.core.port.out.OutboxMessage;
import dev.orderlistbot.core.port.out.TrackedOrderList;
import dev.orderlistbot.db.testing.TestDatabases;
import dev.orderlistbot.testing.LogCapture;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.LoggerFactory;

/**
 * Fills reach the trader's private chat and every group subscribed with {@code /alerts}, once each,
 * within the platform's rate limits, merged where they are partial, and never dropped.
 */
@ParameterizedClass(name = "on {0}")
@EnumSource(TestDatabases.class)
class DeliveryTest {
  private static final String FILLED = "✅ BTCUSDT OCO #8821: take-profit SELL 0.01 @ 32,000 filled; stop-loss expired.";
  private static final String FILLED_REDACTED = "✅ BTCUSDT OCO #8821: take-profit SELL @ 32,000 filled; stop-loss expired.";
  private static final ChatRef QUIET_GROUP = new ChatRef("telegram", "-100999");

  @Parameter TestDatabases databases;
  @TempDir Path dir;
  private TestBot bot;

  @BeforeEach
  void start() {
    bot = TestBot.withFakeExchange(databases.fresh(dir), TradingEnvironment.PAPER, new RecordingEventSource());
  }

  @AfterEach
  void stop() {
    if (bot != null) {
      bot.close();
    }
  }

  @Test
  void anOcoTakeProfitFillReachesThePrivateChatAndEachSubscribedGroupRedactedWhereAsked() {
    subscribeBothGroups();
    TrackedOrderList list = placeInPrivate();

    bot.router().onUpdate(ALICE, fill(list, "tp-fill"));
    bot.router().onUpdate(ALICE, expired(list, "sl-expired"));

    assertThat(notices(dm(ALICE))).containsExactly(FILLED);
    assertThat(notices(GROUP)).containsExactly(FILLED);
    assertThat(notices(QUIET_GROUP)).containsExactly(FILLED_REDACTED);
  }

  @Test
  void theSameEventDeliveredTwiceGivesOneMessagePerChatEvenAcrossARestart() {
    subscribeBothGroups();
    TrackedOrderList list = placeInPrivate();

    bot.router().onUpdate(ALICE, fill(list, "twice"));
    bot.router().onUpdate(ALICE, fill(list, "twice"));
    bot.restart();
    bot.router().onUpdate(ALICE, fill(list, "twice"));
    bot.clock.advance(Duration.ofMinutes(10));
    bot.dispatcher().drainOnce();

    assertThat(notices(dm(ALICE))).containsExactly(FILLED);
    assertThat(notices(GROUP)).containsExactly(FILLED);
    assertThat(notices(QUIET_GROUP)).containsExactly(FILLED_REDACTED);
  }

  @Test
  void aPlatformAnswering429GetsTheMessageAfterTheWaitItAskedForAndNoneIsLost() {
    bot.sayInGroup(ALICE, "/alerts on");
    TrackedOrderList list = placeInPrivate();
    bot.telegram.failNextSend(ChatDeliveryException.retryLater("429 Too Many Requests", Optional.of(Duration.ofSeconds(30)), null));

    bot.router().onUpdate(ALICE, fill(list, "limited"));
    assertThat(notices(dm(ALICE))).isEmpty();
    assertThat(notices(GROUP)).containsExactly(FILLED);

    bot.clock.advance(Duration.ofSeconds(20));
    assertThat(bot.dispatcher().drainOnce()).isZero();
    bot.clock.advance(Duration.ofSeconds(11));
    assertThat(bot.dispatcher().drainOnce()).isEqualTo(1);

    assertThat(notices(dm(ALICE))).containsExactly(FILLED);
    assertThat(notices(GROUP)).containsExactly(FILLED);
  }

  @Test
  void partialFillsWithinTheWindowAreMergedIntoOneMessageAndTheFinalFillSupersedesThem() {
    bot.sayInGroup(ALICE, "/alerts redacted");
    TrackedOrderList list = placeInPrivate();

    bot.router().onUpdate(ALICE, partial(list, "p1", "0.002"));
    bot.clock.advance(Duration.ofSeconds(2));
    bot.router().onUpdate(ALICE, partial(list, "p2", "0.004"));
    assertThat(bot.dispatcher().drainOnce()).isZero();
    bot.clock.advance(Duration.ofSeconds(3));
    assertThat(bot.dispatcher().drainOnce()).isEqualTo(2);

    assertThat(notices(dm(ALICE))).containsExactly("◑ BTCUSDT OCO #8821: take-profit SELL partially filled, 0.004 of 0.01.");
    assertThat(notices(GROUP)).containsExactly("◑ BTCUSDT OCO #8821: take-profit SELL partially filled.");

    bot.clock.advance(Duration.ofSeconds(10));
    bot.router().onUpdate(ALICE, partial(list, "p3", "0.006"));
    bot.clock.advance(Duration.ofSeconds(1));
    bot.router().onUpdate(ALICE, fill(list, "final"));

    assertThat(notices(dm(ALICE))).hasSize(2).last().isEqualTo(FILLED);
    assertThat(notices(GROUP)).hasSize(2).last().isEqualTo(FILLED_REDACTED);
    bot.clock.advance(Duration.ofMinutes(1));
    assertThat(bot.dispatcher().drainOnce()).isZero();
  }

  @Test
  void aPartialFillIsLoggedAtDebugAndTheOrdersFillAndExpiryAtInfo() {
    TrackedOrderList list = placeInPrivate();
    Logger routerLog = (Logger) LoggerFactory.getLogger(NotificationRouter.class);
    Level level = routerLog.getLevel();
    routerLog.setLevel(Level.DEBUG); // the tests' logback configuration keeps the bot at WARN
    List<ILoggingEvent> routed;
    try (LogCapture log = new LogCapture()) {
      bot.router().onUpdate(ALICE, partial(list, "p1", "0.002"));
      bot.router().onUpdate(ALICE, partial(list, "p2", "0.004"));
      bot.router().onUpdate(ALICE, fill(list, "final"));
      bot.router().onUpdate(ALICE, expired(list, "sl-expired"));
      routed = log.events().stream().filter(e -> e.getLoggerName().equals(NotificationRouter.class.getName())).toList();
    } finally {
      routerLog.setLevel(level);
    }

    assertThat(routed)
        .extracting(e -> e.getLevel() + " " + e.getFormattedMessage())
        .containsExactly(
            "DEBUG order event p1 of " + ALICE + " on " + list.listClientOrderId() + ": notice enqueued",
            "DEBUG order event p2 of " + ALICE + " on " + list.listClientOrderId() + ": notice enqueued",
            "INFO order event final of " + ALICE + " on " + list.listClientOrderId() + ": notice enqueued",
            "INFO order event sl-expired of " + ALICE + " on " + list.listClientOrderId() + ": no notice");
  }

  @Test
  void anOlderPartialFillSnapshotNeverReplacesAFillNoticeWaitingForItsTurn() {
    TrackedOrderList list = placeInPrivate();
    bot.router().onUpdate(ALICE, partial(list, "p1", "0.004"));
    bot.clock.advance(NotificationRouter.DEFAULT_MERGE_WINDOW);
    assertThat(bot.dispatcher().drainOnce()).isEqualTo(1);

    // the private chat just heard the partial fill: its 1 s pace holds the fill back, waiting
    bot.router().onUpdate(ALICE, fill(list, "final"));
    // the REST catch-up's order query, made before the fill, reports the order partly filled
    bot.router().onUpdate(ALICE, partial(list, "catch-up", "0.006"));
    bot.clock.advance(Duration.ofMinutes(1));
    bot.dispatcher().drainOnce();

    assertThat(notices(dm(ALICE)))
        .containsExactly("◑ BTCUSDT OCO #8821: take-profit SELL partially filled, 0.004 of 0.01.", FILLED);
  }

  @Test
  void aPartialFillSnapshotArrivingAfterTheFillWasSentIsNotSentAfterIt() {
    TrackedOrderList list = placeInPrivate();

    bot.router().onUpdate(ALICE, fill(list, "final"));
    bot.router().onUpdate(ALICE, partial(list, "catch-up", "0.006"));
    bot.clock.advance(Duration.ofMinutes(1));
    bot.dispatcher().drainOnce();

    assertThat(notices(dm(ALICE))).containsExactly(FILLED);
  }

  @Test
  void undeliveredNoticesAreDeliveredByANewDispatcherAfterARestart() {
    subscribeBothGroups();
    TrackedOrderList list = placeInPrivate();
    bot.telegram.failNextSends(3, ChatDeliveryException.retryLater("network down", Optional.empty(), null));

    bot.router().onUpdate(ALICE, fill(list, "kept"));
    assertThat(bot.failedNotices()).isEmpty();
    bot.restart();
    bot.clock.advance(Duration.ofSeconds(6));
    bot.dispatcher().drainOnce();

    assertThat(notices(dm(ALICE))).containsExactly(FILLED);
    assertThat(notices(GROUP)).containsExactly(FILLED);
    assertThat(notices(QUIET_GROUP)).containsExactly(FILLED_REDACTED);
  }

  @Test
  void thePerChatLimitSpacesMessagesAndNoneIsDropped() {
    for (int i = 1; i <= 3; i++) {
      String text = "private " + i;
      bot.stores(s -> s.outbox().enqueue(new OutboxMessage("spaced:" + text, dm(ALICE), text)));
      String inGroup = "group " + i;
      bot.stores(s -> s.outbox().enqueue(new OutboxMessage("spaced:" + inGroup, GROUP, inGroup)));
    }

    assertThat(bot.dispatcher().drainOnce()).isEqualTo(2);
    assertThat(bot.dispatcher().drainOnce()).isZero();
    bot.clock.advance(Duration.ofSeconds(1));
    assertThat(bot.dispatcher().drainOnce()).isEqualTo(1);
    bot.clock.advance(Duration.ofSeconds(1));
    assertThat(bot.dispatcher().drainOnce()).isEqualTo(1);
    bot.clock.advance(Duration.ofSeconds(1));
    assertThat(bot.dispatcher().drainOnce()).isEqualTo(1);
    bot.clock.advance(Duration.ofSeconds(3));
    assertThat(bot.dispatcher().drainOnce()).isEqualTo(1);

    assertThat(bot.telegram.texts(dm(ALICE))).containsExactly("private 1", "private 2", "private 3");
    assertThat(bot.telegram.texts(GROUP)).containsExactly("group 1", "group 2", "group 3");
  }

  @Test
  void aRetryableFailureThirtyTimesInARowIsStillRetried() {
    bot.stores(s -> s.outbox().enqueue(new OutboxMessage("stubborn", dm(ALICE), "finally")));
    bot.telegram.failNextSends(30, ChatDeliveryException.retryLater("502 Bad Gateway", Optional.empty(), null));

    for (int i = 0; i < 30; i++) {
      assertThat(bot.dispatcher().drainOnce()).isZero();
      bot.clock.advance(NotificationDispatcher.MAX_BACKOFF);
    }
    assertThat(bot.dispatcher().drainOnce()).isEqualTo(1);

    assertThat(bot.telegram.texts(dm(ALICE))).containsExactly("finally");
    assertThat(bot.failedNotices()).isEmpty();
  }

  @Test
  void aChatsLaterNoticeWaitsBehindOneThatFailedSoTheyKeepTheirOrder() {
    bot.stores(s -> s.outbox().enqueue(new OutboxMessage("order:1", dm(ALICE), "first")));
    bot.stores(s -> s.outbox().enqueue(new OutboxMessage("order:2", dm(ALICE), "second")));
    bot.telegram.failNextSend(ChatDeliveryException.retryLater("timeout", Optional.empty(), null));

    assertThat(bot.dispatcher().drainOnce()).isZero();
    bot.clock.advance(NotificationDispatcher.FIRST_BACKOFF);
    assertThat(bot.dispatcher().drainOnce()).isEqualTo(1);
    bot.clock.advance(Duration.ofSeconds(1));
    assertThat(bot.dispatcher().drainOnce()).isEqualTo(1);

    assertThat(bot.telegram.texts(dm(ALICE))).containsExactly("first", "second");
  }

  @Test
  void aListPlacedInASubscribedGroupIsAnnouncedThereOnceInFull() {
    bot.sayInGroup(ALICE, "/alerts redacted");
    bot.sayInGroup(ALICE, "/oco BTCUSDT sell 0.01 tp 32000 sl 29000");
    bot.press(ALICE, bot.lastButtons(GROUP), Replies.CONFIRM);
    TrackedOrderList list = bot.tracked(8821).orElseThrow();

    bot.router().onUpdate(ALICE, fill(list, "in-group"));

    assertThat(notices(GROUP)).containsExactly(FILLED);
    assertThat(notices(dm(ALICE))).isEmpty();
  }

  private void subscribeBothGroups() {
    bot.sayInGroup(ALICE, "/alerts on");
    bot.say(ALICE, QUIET_GROUP, ChatKind.GROUP, "/alerts redacted");
    assertThat(bot.lastReply(QUIET_GROUP)).isEqualTo(Replies.alertsOn(true));
  }

  private TrackedOrderList placeInPrivate() {
    bot.say(ALICE, "/oco BTCUSDT sell 0.01 tp 32000 sl 29000");
    bot.press(ALICE, bot.lastButtons(dm(ALICE)), Replies.CONFIRM);
    assertThat(bot.lastReply(ALICE)).startsWith("✅ Placed");
    return bot.tracked(8821).orElseThrow();
  }

  /** The order-list notices a chat got (not the bot's answers to commands). */
  private java.util.List<String> notices(ChatRef chat) {
    return bot.telegram.texts(chat).stream().filter(t -> t.contains("#8821:")).toList();
  }

  private static OrderListUpdate.LegChanged fill(TrackedOrderList list, String eventId) {
    return leg(list, eventId, LegExecution.TRADE, LegStatus.FILLED, "0.01", ExpiryReason.NONE);
  }

  private static OrderListUpdate.LegChanged partial(TrackedOrderList list, String eventId, String cumulative) {
    return leg(list, eventId, LegExecution.TRADE, LegStatus.PARTIALLY_FILLED, cumulative, ExpiryReason.NONE);
  }

  private static OrderListUpdate.LegChanged expired(TrackedOrderList list, String eventId) {
    ClientListId clientId = new ClientListId(list.listClientOrderId());
    return new OrderListUpdate.LegChanged(
        eventId, list.symbol(), new OrderListId(8821), 1002L, new ClientOrderId(clientId.legId(LegRole.STOP_LOSS).value()),
        ReportedOrderType.STOP_LOSS_LIMIT, Side.SELL, LegExecution.EXPIRED, LegStatus.EXPIRED, new BigDecimal("0.01"),
        BigDecimal.ZERO, new BigDecimal("29000"), BigDecimal.ZERO, BigDecimal.ZERO, Optional.empty(), Optional.empty(),
        ExpiryReason.OCO_TRIGGER, Instant.parse("2026-03-01T11:00:00Z"));
  }

  private static OrderListUpdate.LegChanged leg(
      TrackedOrderList list, String eventId, LegExecution execution, LegStatus status, String cumulative, ExpiryReason reason) {
    ClientListId clientId = new ClientListId(list.listClientOrderId());
    BigDecimal quantity = new BigDecimal(cumulative);
    return new OrderListUpdate.LegChanged(
        eventId, list.symbol(), new OrderListId(8821), 1001L, new ClientOrderId(clientId.legId(LegRole.TAKE_PROFIT).value()),
        ReportedOrderType.LIMIT_MAKER, Side.SELL, execution, status, new BigDecimal("0.01"), quantity,
        new BigDecimal("32000"), quantity, quantity.multiply(new BigDecimal("32000")), Optional.empty(),
        Optional.empty(), reason, Instant.parse("2026-03-01T11:00:00Z"));
  }
}
