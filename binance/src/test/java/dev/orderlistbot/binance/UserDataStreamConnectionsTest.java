package dev.orderlistbot.binance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.core.domain.UserRef;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the user data stream tells the operator's metrics: open connections and reconnects (issue 9). */
class UserDataStreamConnectionsTest {
  private static final UserRef ALICE = new UserRef("telegram", "1001");

  private FakeWsApi server;
  private ScheduledExecutorService scheduler;
  private BinanceUserDataStream stream;

  @BeforeEach
  void start() throws InterruptedException {
    server = FakeWsApi.started();
    server.account(TestKeys.HMAC_API_KEY, TestKeys.HMAC_SECRET);
    scheduler = Executors.newScheduledThreadPool(2);
    stream =
        new BinanceUserDataStream(
            BinanceConfig.defaults(BinanceConfig.Environment.TESTNET).withWsApiUrl(server.uri()),
            HttpClient.newHttpClient(),
            Clock.fixed(Instant.ofEpochMilli(1_700_000_000_000L), ZoneOffset.UTC),
            scheduler,
            (user, update) -> {},
            (user, credentials) -> {},
            rejected -> {},
            new BinanceUserDataStream.Settings(
                Duration.ofMillis(50), Duration.ofMillis(400), Duration.ofSeconds(10), Duration.ofHours(23), 1_000,
                Duration.ofSeconds(30)));
  }

  @AfterEach
  void stop() throws InterruptedException {
    stream.close();
    scheduler.shutdownNow();
    server.shutDown();
  }

  @Test
  void aStreamWatchingNobodyHasNoConnection() {
    assertThat(stream.openConnections()).isZero();
    assertThat(stream.reconnects()).isZero();
  }

  @Test
  void aDroppedConnectionCountsOneReconnectAndIsOpenAgain() {
    stream.watch(ALICE, TestKeys.hmac());
    await(() -> server.subscribes().size() == 1);
    assertThat(stream.openConnections()).isEqualTo(1);
    assertThat(stream.reconnects()).isZero();

    server.dropAll();
    await(() -> server.subscribes().size() == 2);

    assertThat(stream.openConnections()).isEqualTo(1);
    assertThat(stream.reconnects()).isEqualTo(1);
  }

  @Test
  void closingTheStreamLeavesNoConnectionOpen() {
    stream.watch(ALICE, TestKeys.hmac());
    await(() -> server.subscribes().size() == 1);

    stream.close();

    await(() -> stream.openConnections() == 0);
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
