package dev.orderlistbot.app;

import static dev.orderlistbot.app.LoopbackBinance.API_KEY;
import static dev.orderlistbot.app.LoopbackBinance.SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.binance.BinanceStub;
import dev.orderlistbot.binance.FakeWsApi;
import dev.orderlistbot.core.engine.InstanceLeases;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two whole bots (console chat, live mode, the real Binance client and user data stream) on one
 * database against the loopback Binance: the account is subscribed by one of them only, and when
 * that one stops the other takes the stream over, catches the list up over REST and announces the
 * fill that happened meanwhile, once.
 */
class SharedStreamsTest {
  private static final String FILLED = "take-profit SELL 0.01 @ 32,000 filled; stop-loss expired.";

  @TempDir Path dir;
  private LoopbackBinance loopback;
  private BinanceStub binance;
  private FakeWsApi userData;

  @BeforeEach
  void startBinance() throws InterruptedException {
    loopback = LoopbackBinance.started();
    binance = loopback.rest;
    userData = loopback.userData;
  }

  @AfterEach
  void stopBinance() throws InterruptedException {
    loopback.stop();
  }

  @Test
  void theAccountIsStreamedByOneInstanceAndTheOtherTakesItOverWithTheMissedFillWhenItStops() throws Exception {
    LiveConsole a = LiveConsole.start(env("bot-a"));
    LiveConsole b = null;
    try {
      a.waitFor(20, () -> a.output().contains("Type /help"));
      String listClientId = OcoAnswers.placeOco(a, loopback);
      // b starts once the list is open: it sees the account but leaves its stream to a
      b = LiveConsole.start(env("bot-b"));
      LiveConsole second = b;
      second.waitFor(20, () -> second.output().contains("Type /help"));
      Thread.sleep(InstanceLeases.RENEW_EVERY.multipliedBy(2).toMillis());
      assertThat(userData.standingSubscriptions(API_KEY)).isEqualTo(1);
      assertThat(userData.subscribesOf(API_KEY)).isEqualTo(1);

      // a stops cleanly (its leases given up); the list fills before b looks
      a.close();
      OcoAnswers.tellFilled(binance, listClientId);

      second.waitFor(20, () -> second.output().contains(FILLED));
      assertThat(userData.subscribesOf(API_KEY)).as("b subscribed on taking over").isEqualTo(2);
      assertThat(userData.standingSubscriptions(API_KEY)).isEqualTo(1);
      Thread.sleep(1_500);
      assertThat(LiveConsole.occurrences(second.output(), FILLED)).isEqualTo(1);
      assertThat(second.output()).doesNotContain(SECRET);
    } finally {
      if (b != null) {
        b.close();
      }
      a.close(); // again after the test's own close: idempotent
    }
  }

  /** Both instances on one data directory: one H2 database (shared in this JVM) and one master key. */
  private Map<String, String> env(String instance) {
    Map<String, String> env = new HashMap<>(loopback.liveEnv(dir.resolve("data")));
    env.put("BOT_INSTANCE_ID", instance);
    return env;
  }
}
