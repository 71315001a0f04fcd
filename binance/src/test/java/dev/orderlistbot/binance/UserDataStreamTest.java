package dev.orderlistbot.binance;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import dev.orderlistbot.core.domain.ApiCredentials;
import dev.orderlistbot.core.domain.Side;
import dev.orderlistbot.core.domain.Symbol;
import dev.orderlistbot.core.domain.UserRef;
import dev.orderlistbot.core.domain.order.ClientListId;
import dev.orderlistbot.core.domain.order.ClientOrderId;
import dev.orderlistbot.core.domain.order.ContingencyType;
import dev.orderlistbot.core.domain.order.ExpiryReason;
import dev.orderlistbot.core.domain.order.LegExecution;
import dev.orderlistbot.core.domain.order.LegStatus;
import dev.orderlistbot.core.domain.order.ListOrderStatus;
import dev.orderlistbot.core.domain.order.ListStatusType;
import dev.orderlistbot.core.domain.order.OrderListId;
import dev.orderlistbot.core.domain.order.OrderListUpdate;
import dev.orderlistbot.core.domain.order.ReportedOrderType;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The user data stream against a loopback fake of Binance's WebSocket API: subscription signing,
 * routing by subscription id, mapping of the OCO fixtures, reconnects with re-subscription and
 * reconciliation, refused keys, and logs free of secrets.
 */
class UserDataStreamTest {
  private static final UserRef ALICE = new UserRef("telegram", "1001");
  private static final UserRef BOB = new UserRef("discord", "2002");
  private static final String BOB_KEY = "bobKeyAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
  private static final String BOB_SECRET = "bobSecretBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB";
  private static final String REVOKED_KEY = "revokedKeyCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCC";
  private static final long NOW = 1_700_000_000_000L;

  record Delivered(UserRef user, OrderListUpdate update) {}

  private final List<Delivered> delivered = new CopyOnWriteArrayList<>();
  private final List<UserRef> reconciled = new CopyOnWriteArrayList<>();
  private final List<BinanceUserDataStream.RejectedKey> rejected = new CopyOnWriteArrayList<>();
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private Logger botLogger;
  private Level previousLevel;
  private FakeWsApi server;
  private ScheduledExecutorService scheduler;
  private BinanceUserDataStream stream;

  @BeforeEach
  void start() throws InterruptedException {
    logs.start();
    botLogger = (Logger) LoggerFactory.getLogger("dev.orderlistbot");
    previousLevel = botLogger.getLevel();
    botLogger.setLevel(Level.TRACE);
    botLogger.addAppender(logs);

    server = FakeWsApi.started();
    server.account(TestKeys.HMAC_API_KEY, TestKeys.HMAC_SECRET);
    server.account(BOB_KEY, BOB_SECRET);
    server.account(REVOKED_KEY, "revoked-secret");
    server.revoke(REVOKED_KEY);
    scheduler = Executors.newScheduledThreadPool(2);
    stream =
        new BinanceUserDataStream(
            config(),
            HttpClient.newHttpClient(),
            Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC),
            scheduler,
            (user, update) -> delivered.add(new Delivered(user, update)),
            (user, credentials) -> reconciled.add(user),
            rejected::add,
            settings(Duration.ofHours(23), 1_000));
  }

  private BinanceConfig config() {
    return BinanceConfig.defaults(BinanceConfig.Environment.TESTNET).withWsApiUrl(server.uri());
  }

  private static BinanceUserDataStream.Settings settings(Duration maxAge, int perConnection) {
    return settings(maxAge, perConnection, Duration.ofSeconds(30));
  }

  private static BinanceUserDataStream.Settings settings(Duration maxAge, int perConnection, Duration silenceLimit) {
    return new BinanceUserDataStream.Settings(
        Duration.ofMillis(50), Duration.ofMillis(400), Duration.ofSeconds(10), maxAge, perConnection, silenceLimit);
  }

  /** Replaces the default stream with one built from these settings and timestamps. */
  private void restart(BinanceUserDataStream.Settings settings, BinanceUserDataStream.Timestamps timestamps) {
    restart(settings, timestamps, config());
  }

  private void restart(
      BinanceUserDataStream.Settings settings, BinanceUserDataStream.Timestamps timestamps, BinanceConfig config) {
    stream.close();
    stream =
        new BinanceUserDataStream(
            config,
            HttpClient.newHttpClient(),
            timestamps,
            scheduler,
            (user, update) -> delivered.add(new Delivered(user, update)),
            (user, credentials) -> reconciled.add(user),
            rejected::add,
            settings);
  }

  @AfterEach
  void stop() throws InterruptedException {
    stream.close();
    scheduler.shutdownNow();
    server.shutDown();
    botLogger.detachAppender(logs);
    botLogger.setLevel(previousLevel);
  }

  private static ApiCredentials alice() {
    return TestKeys.hmac();
  }

  private static ApiCredentials bob() {
    return TestKeys.hmac(BOB_KEY, BOB_SECRET);
  }

  @Test
  void subscribesEachUserWithAValidSignatureOverSortedUnencodedParams() {
    stream.watch(ALICE, alice());
    await(() -> server.subscribed(TestKeys.HMAC_API_KEY));

    assertThat(server.subscribes()).singleElement().satisfies(s -> assertThat(s.signatureValid()).isTrue());
    String expected =
        FakeWsApi.hmac(TestKeys.HMAC_SECRET, "apiKey=" + TestKeys.HMAC_API_KEY + "&recvWindow=5000&timestamp=" + NOW);
    assertThat(server.subscribes().get(0).signature()).isEqualTo(expected);
  }

  @Test
  void anOcoTakeProfitFillReachesTheHandlerAsExactUpdatesForTheRightUser() {
    stream.watch(ALICE, alice());
    stream.watch(BOB, bob());
    await(() -> server.subscribed(TestKeys.HMAC_API_KEY) && server.subscribed(BOB_KEY));
    assertThat(server.connectionsOpened()).isEqualTo(1);

    server.push(BOB_KEY, "execution-report-oco-tp-leg-filled.json");
    server.push(BOB_KEY, "execution-report-oco-sl-leg-expired.json");
    server.push(BOB_KEY, "list-status-oco-all-done.json");
    await(() -> delivered.size() == 3);

    assertThat(delivered).extracting(Delivered::user).containsOnly(BOB);
    assertThat(delivered).extracting(Delivered::update).containsExactly(takeProfitFilled(), stopLossExpired(), listDone());
  }

  @Test
  void twoUsersOnOneConnectionAreRoutedBySubscriptionId() {
    stream.watch(ALICE, alice());
    await(() -> server.subscribed(TestKeys.HMAC_API_KEY));
    stream.watch(BOB, bob());
    await(() -> server.subscribed(BOB_KEY));

    server.push(TestKeys.HMAC_API_KEY, "execution-report-oco-tp-leg-filled.json");
    server.push(BOB_KEY, "list-status-oco-all-done.json");
    await(() -> delivered.size() == 2);

    assertThat(delivered).containsExactlyInAnyOrder(new Delivered(ALICE, takeProfitFilled()), new Delivered(BOB, listDone()));
  }

  @Test
  void anEventForAnUnknownSubscriptionIsDropped() throws InterruptedException {
    stream.watch(ALICE, alice());
    await(() -> server.subscribed(TestKeys.HMAC_API_KEY));

    server.pushToAll("execution-report-oco-tp-leg-filled.json", 77);
    server.push(TestKeys.HMAC_API_KEY, "list-status-oco-all-done.json");
    await(() -> delivered.size() == 1);

    assertThat(delivered).containsExactly(new Delivered(ALICE, listDone()));
  }

  @Test
  void aDroppedConnectionReconnectsResubscribesAndReconcilesEachUserOnce() throws InterruptedException {
    stream.watch(ALICE, alice());
    stream.watch(BOB, bob());
    // the first subscription catches up too: what happened while the bot was stopped
    await(() -> server.subscribes().size() == 2 && reconciled.size() == 2);
    assertThat(reconciled).containsExactlyInAnyOrder(ALICE, BOB);

    server.dropAll();
    await(() -> server.subscribes().size() == 4 && reconciled.size() == 4);
    Thread.sleep(300);

    assertThat(server.connectionsOpened()).isEqualTo(2);
    assertThat(server.subscribes()).hasSize(4).allMatch(FakeWsApi.Subscribe::signatureValid);
    assertThat(reconciled).containsExactlyInAnyOrder(ALICE, BOB, ALICE, BOB);

    server.push(TestKeys.HMAC_API_KEY, "list-status-oco-all-done.json");
    await(() -> delivered.size() == 1);
    assertThat(delivered).containsExactly(new Delivered(ALICE, listDone()));
  }

  @Test
  void aServerShutdownNoticeLeadsToReconnectResubscribeAndReconcile() throws InterruptedException {
    stream.watch(ALICE, alice());
    stream.watch(BOB, bob());
    await(() -> server.subscribes().size() == 2);

    server.shutdownNotice();
    await(() -> server.subscribes().size() == 4 && reconciled.size() == 4);
    Thread.sleep(300);

    assertThat(server.connectionsOpened()).isEqualTo(2);
    assertThat(reconciled).containsExactlyInAnyOrder(ALICE, BOB, ALICE, BOB);
  }

  @Test
  void aRefusedKeyIsReportedOnceAndNotSubscribedAgainUntilWatchedAgain() throws InterruptedException {
    stream.watch(ALICE, TestKeys.hmac(REVOKED_KEY, "revoked-secret"));
    stream.watch(BOB, bob());
    await(() -> rejected.size() == 1 && server.subscribed(BOB_KEY));

    // two reconnects, several backoff periods
    server.dropAll();
    await(() -> server.subscribesOf(BOB_KEY) == 2);
    server.dropAll();
    await(() -> server.subscribesOf(BOB_KEY) == 3);
    Thread.sleep(500);

    assertThat(server.subscribesOf(REVOKED_KEY)).isEqualTo(1);
    assertThat(rejected).singleElement().satisfies(r -> {
      assertThat(r.user()).isEqualTo(ALICE);
      assertThat(r.reason()).contains("refused the API key");
    });
    assertThat(reconciled).doesNotContain(ALICE);

    stream.watch(ALICE, alice());
    await(() -> server.subscribed(TestKeys.HMAC_API_KEY));
    assertThat(rejected).hasSize(1);
  }

  @Test
  void watchingAgainReplacesTheOldSubscriptionAndUnwatchEndsIt() {
    stream.watch(ALICE, bob());
    await(() -> server.subscribed(BOB_KEY));
    stream.watch(ALICE, alice());
    await(() -> server.subscribed(TestKeys.HMAC_API_KEY) && !server.subscribed(BOB_KEY));
    assertThat(server.unsubscribes()).containsExactly(0L);

    stream.watch(BOB, bob());
    await(() -> server.subscribed(BOB_KEY));
    stream.unwatch(ALICE);
    await(() -> !server.subscribed(TestKeys.HMAC_API_KEY));
    assertThat(server.unsubscribes()).containsExactly(0L, 1L);
  }

  @Test
  void twoUsersSharingOneAccountAreSubscribedOnTwoConnectionsAndBothHearItsEvents() throws InterruptedException {
    UserRef carol = new UserRef("discord", "303");
    stream.watch(ALICE, alice());
    stream.watch(carol, alice());
    await(() -> server.subscribesOf(TestKeys.HMAC_API_KEY) == 3 && reconciled.size() == 2);

    server.pushToEverySubscription(TestKeys.HMAC_API_KEY, "list-status-oco-all-done.json");
    await(() -> delivered.size() == 2);
    Thread.sleep(300);

    assertThat(server.connectionsOpened()).isEqualTo(2);
    assertThat(reconciled).containsExactlyInAnyOrder(ALICE, carol);
    assertThat(delivered).containsExactlyInAnyOrder(new Delivered(ALICE, listDone()), new Delivered(carol, listDone()));
    assertThat(rejected).isEmpty();
  }

  @Test
  void catchingUpEveryoneCallsTheReconcilerForEachStandingSubscriptionOnly() throws InterruptedException {
    stream.watch(ALICE, alice());
    stream.watch(BOB, TestKeys.hmac(REVOKED_KEY, "revoked-secret"));
    await(() -> server.subscribed(TestKeys.HMAC_API_KEY) && rejected.size() == 1 && reconciled.size() == 1);

    stream.catchUpEveryone();
    await(() -> reconciled.size() == 2);
    Thread.sleep(200);

    assertThat(reconciled).containsExactly(ALICE, ALICE);
  }

  @Test
  void watchingAgainWithTheSameCredentialsKeepsTheSubscription() throws InterruptedException {
    stream.watch(ALICE, alice());
    await(() -> server.subscribed(TestKeys.HMAC_API_KEY));
    stream.watch(ALICE, alice());
    stream.watch(BOB, bob());
    await(() -> server.subscribed(BOB_KEY));

    assertThat(server.subscribesOf(TestKeys.HMAC_API_KEY)).isEqualTo(1);
    assertThat(server.unsubscribes()).isEmpty();
  }

  @Test
  void anEventStreamTerminatedSubscribesTheUserAgainOnce() {
    stream.watch(ALICE, alice());
    await(() -> server.subscribed(TestKeys.HMAC_API_KEY));

    server.push(TestKeys.HMAC_API_KEY, "ws-event-stream-terminated.json");
    await(() -> server.subscribesOf(TestKeys.HMAC_API_KEY) == 2);
    await(() -> reconciled.size() == 2);
    assertThat(reconciled).containsExactly(ALICE, ALICE);
  }

  @Test
  void serverPingsAreAnsweredByTheJdkWebSocket() {
    stream.watch(ALICE, alice());
    await(() -> server.subscribed(TestKeys.HMAC_API_KEY));

    server.pingAll();
    server.pingAll();
    await(() -> server.pongs() >= 2);
  }

  @Test
  void aSlowHandlerDoesNotStopPingsBeingAnswered() throws InterruptedException {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch entered = new CountDownLatch(1);
    stream.close();
    stream =
        new BinanceUserDataStream(
            config(),
            HttpClient.newHttpClient(),
            Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC),
            scheduler,
            (user, update) -> {
              entered.countDown();
              try {
                release.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            (user, credentials) -> {},
            rejected::add,
            settings(Duration.ofHours(23), 1_000));
    try {
      stream.watch(ALICE, alice());
      await(() -> server.subscribed(TestKeys.HMAC_API_KEY));
      server.push(TestKeys.HMAC_API_KEY, "list-status-oco-all-done.json");
      assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

      server.pingAll();
      server.pingAll();
      await(() -> server.pongs() >= 2);
    } finally {
      release.countDown();
    }
  }

  @Test
  void noSecretNorSignatureIsLogged() throws InterruptedException {
    stream.watch(ALICE, alice());
    stream.watch(BOB, TestKeys.hmac(REVOKED_KEY, "revoked-secret"));
    await(() -> server.subscribed(TestKeys.HMAC_API_KEY) && rejected.size() == 1);
    await(() -> reconciled.size() == 1);
    server.dropAll();
    // the fake registers a subscription right after its answer: wait until it knows the new one
    await(() -> reconciled.size() == 2 && server.standingSubscriptions(TestKeys.HMAC_API_KEY) == 1);
    server.push(TestKeys.HMAC_API_KEY, "execution-report-oco-tp-leg-filled.json");
    await(() -> delivered.size() == 1);

    List<String> forbidden = new java.util.ArrayList<>(List.of(TestKeys.HMAC_SECRET, "revoked-secret"));
    server.subscribes().forEach(s -> forbidden.add(s.signature()));
    assertThat(logs.list).isNotEmpty();
    for (ILoggingEvent event : logs.list) {
      String line =
          event.getFormattedMessage() + (event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy()));
      for (String secret : forbidden) {
        assertThat(line).doesNotContain(secret);
      }
      assertThat(line).doesNotContain("\"signature\"");
    }
  }

  @Test
  void aConnectionNearingBinancesAgeLimitIsReplacedAndItsUsersReconciled() {
    restart(settings(Duration.ofMillis(300), 1_000), fixedTimestamps(new AtomicInteger()));
    stream.watch(ALICE, alice());
    await(() -> server.connectionsOpened() >= 2 && reconciled.size() >= 2);

    assertThat(server.subscribesOf(TestKeys.HMAC_API_KEY)).isGreaterThanOrEqualTo(2);
    assertThat(reconciled).containsOnly(ALICE);
  }

  @Test
  void usersBeyondAConnectionsSubscriptionLimitGetAnotherConnection() {
    restart(settings(Duration.ofHours(23), 1), fixedTimestamps(new AtomicInteger()));
    stream.watch(ALICE, alice());
    stream.watch(BOB, bob());
    await(() -> server.subscribed(TestKeys.HMAC_API_KEY) && server.subscribed(BOB_KEY));
    assertThat(server.connectionsOpened()).isEqualTo(2);

    server.push(TestKeys.HMAC_API_KEY, "execution-report-oco-tp-leg-filled.json");
    server.push(BOB_KEY, "list-status-oco-all-done.json");
    await(() -> delivered.size() == 2);
    assertThat(delivered).containsExactlyInAnyOrder(new Delivered(ALICE, takeProfitFilled()), new Delivered(BOB, listDone()));
  }

  @Test
  void aTimestampOutsideRecvWindowResyncsTheClockAndSubscribesAgain() {
    AtomicInteger resyncs = new AtomicInteger();
    restart(settings(Duration.ofHours(23), 1_000), fixedTimestamps(resyncs));
    server.skewOnce(TestKeys.HMAC_API_KEY);
    stream.watch(ALICE, alice());
    await(() -> server.subscribed(TestKeys.HMAC_API_KEY));

    assertThat(resyncs).hasValue(1);
    assertThat(server.subscribesOf(TestKeys.HMAC_API_KEY)).isEqualTo(2);
    assertThat(rejected).isEmpty();
  }

  @Test
  void aConnectionThatFallsSilentIsTakenForDeadWhileOnePingedStaysUp() throws InterruptedException {
    restart(settings(Duration.ofHours(23), 1_000, Duration.ofMillis(400)), fixedTimestamps(new AtomicInteger()));
    stream.watch(ALICE, alice());
    await(() -> server.subscribed(TestKeys.HMAC_API_KEY));
    for (int i = 0; i < 8; i++) {
      server.pingAll();
      Thread.sleep(100);
    }
    assertThat(server.connectionsOpened()).isEqualTo(1);

    await(() -> server.connectionsOpened() >= 2 && reconciled.size() >= 2);
  }

  @Test
  void aSubscriptionLeftUnansweredCountsAsALostConnection() {
    restart(
        settings(Duration.ofHours(23), 1_000),
        fixedTimestamps(new AtomicInteger()),
        BinanceConfig.defaults(BinanceConfig.Environment.TESTNET)
            .withWsApiUrl(server.uri())
            .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(300)));
    server.ignoreOnce(TestKeys.HMAC_API_KEY);
    stream.watch(ALICE, alice());

    await(() -> server.subscribed(TestKeys.HMAC_API_KEY));
    assertThat(server.connectionsOpened()).isEqualTo(2);
    assertThat(server.subscribesOf(TestKeys.HMAC_API_KEY)).isEqualTo(2);
  }

  private static BinanceUserDataStream.Timestamps fixedTimestamps(AtomicInteger resyncs) {
    return new BinanceUserDataStream.Timestamps() {
      @Override
      public long nowMillis() {
        return NOW;
      }

      @Override
      public void resync() {
        resyncs.incrementAndGet();
      }
    };
  }

  private static OrderListUpdate takeProfitFilled() {
    return new OrderListUpdate.LegChanged(
        "binance-o-BTCUSDT-700001-FILLED-0.01",
        Symbol.of("BTCUSDT"),
        new OrderListId(9001),
        700001,
        new ClientOrderId("tg42-oco-0001-tp"),
        ReportedOrderType.LIMIT_MAKER,
        Side.SELL,
        LegExecution.TRADE,
        LegStatus.FILLED,
        new BigDecimal("0.01000000"),
        new BigDecimal("0.01000000"),
        new BigDecimal("32000.00000000"),
        new BigDecimal("0.01000000"),
        new BigDecimal("320.00000000"),
        Optional.of(new BigDecimal("32000.00000000")),
        Optional.empty(),
        ExpiryReason.NONE,
        Instant.ofEpochMilli(1700003600200L));
  }

  private static OrderListUpdate stopLossExpired() {
    return new OrderListUpdate.LegChanged(
        "binance-o-BTCUSDT-700000-EXPIRED-0",
        Symbol.of("BTCUSDT"),
        new OrderListId(9001),
        700000,
        new ClientOrderId("tg42-oco-0001-sl"),
        ReportedOrderType.STOP_LOSS_LIMIT,
        Side.SELL,
        LegExecution.EXPIRED,
        LegStatus.EXPIRED,
        new BigDecimal("0.01000000"),
        new BigDecimal("0.00000000"),
        new BigDecimal("0.00000000"),
        new BigDecimal("0.00000000"),
        new BigDecimal("0.00000000"),
        Optional.of(new BigDecimal("28900.00000000")),
        Optional.of(new BigDecimal("29000.00000000")),
        ExpiryReason.OCO_TRIGGER,
        Instant.ofEpochMilli(1700003600200L));
  }

  private static OrderListUpdate listDone() {
    return new OrderListUpdate.ListChanged(
        "binance-l-BTCUSDT-9001-ALL_DONE",
        Symbol.of("BTCUSDT"),
        new OrderListId(9001),
        new ClientListId("tg42-oco-0001"),
        ContingencyType.OCO,
        ListStatusType.ALL_DONE,
        ListOrderStatus.ALL_DONE,
        Instant.ofEpochMilli(1700003600200L));
  }

  private static void await(BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within 10 s");
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
