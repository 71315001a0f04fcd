package dev.orderlistbot.binance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Test;

/** The stream built from a REST client takes its timestamps from Binance's clock, not the host's. */
class UserDataStreamClockTest extends StubbedBinance {

  @Test
  void subscriptionTimestampsFollowBinancesClockMeasuredOverRest() throws InterruptedException {
    stub.serverTime(NOW + 7_000);
    FakeWsApi ws = FakeWsApi.started();
    ws.account(TestKeys.HMAC_API_KEY, TestKeys.HMAC_SECRET);
    ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    List<BinanceUserDataStream.RejectedKey> rejected = new CopyOnWriteArrayList<>();
    BinanceUserDataStream stream =
        BinanceUserDataStream.create(
            config.withWsApiUrl(ws.uri()),
            http,
            client,
            scheduler,
            (user, update) -> {},
            (user, credentials) -> {},
            rejected::add,
            BinanceUserDataStream.Settings.defaults());
    try {
      stream.watch(new dev.orderlistbot.core.domain.UserRef("telegram", "1"), TestKeys.hmac());
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (!ws.subscribed(TestKeys.HMAC_API_KEY) && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }

      assertThat(ws.subscribes()).singleElement().satisfies(s -> assertThat(s.signatureValid()).isTrue());
      assertThat(ws.lastTimestamp()).isBetween(NOW + 6_900, NOW + 7_100);
      assertThat(rejected).isEmpty();
    } finally {
      stream.close();
      scheduler.shutdownNow();
      ws.shutDown();
    }
  }
}
