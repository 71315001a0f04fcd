package dev.orderlistbot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static dev.orderlistbot.app.LoopbackBinance.API_KEY;
import static dev.orderlistbot.app.LoopbackBinance.SECRET;

import dev.orderlistbot.binance.BinanceStub;
import dev.orderlistbot.binance.FakeWsApi;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fill whose live event never arrived is still announced, exactly once: the whole bot in live
 * mode (console chat, real Binance client and user data stream, H2 outbox) against a loopback
 * Binance REST stub and a loopback WebSocket API. The stream drops between the fill and its event
 * (or the bot is stopped when it happens); after the reconnect (or the start) the bot catches the
 * list up over REST and tells the trader; the late push of the same fill changes nothing.
 */
class MissedFillCatchUpTest {
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
  void aFillMissedWhileTheStreamWasDownIsAnnouncedOnceAfterTheReconnect() throws Exception {
    try (LiveConsole bot = LiveConsole.start(env())) {
      String listClientId = OcoAnswers.placeOco(bot, loopback);
      long subscribed = userData.subscribesOf(API_KEY);

      // the take-profit fills; the connection drops before its event is pushed
      OcoAnswers.tellFilled(binance, listClientId);
      userData.dropAll();

      bot.waitFor(20, () -> bot.output().contains(FILLED));
      assertThat(userData.subscribesOf(API_KEY)).isGreaterThan(subscribed);

      // the event the stream owed arrives late after all: nothing more is said
      userData.push(API_KEY, "execution-report-oco-tp-leg-filled.json", event -> {
        event.put("s", "BTCUSDT");
        event.put("g", OcoAnswers.LIST_ID);
        event.put("i", OcoAnswers.TAKE_PROFIT_ID);
        event.put("c", listClientId + "-tp");
      });
      userData.push(API_KEY, "list-status-oco-all-done.json", event -> {
        event.put("s", "BTCUSDT");
        event.put("g", OcoAnswers.LIST_ID);
        event.put("C", listClientId);
      });
      Thread.sleep(1_500);

      assertThat(LiveConsole.occurrences(bot.output(), FILLED)).isEqualTo(1);
      assertThat(bot.output()).doesNotContain("may not have been announced").doesNotContain(SECRET);
    }
  }

  @Test
  void aFillWhileTheBotWasStoppedIsAnnouncedOnceAtTheNextStart() throws Exception {
    String listClientId;
    try (LiveConsole first = LiveConsole.start(env())) {
      listClientId = OcoAnswers.placeOco(first, loopback);
    }

    OcoAnswers.tellFilled(binance, listClientId);

    try (LiveConsole second = LiveConsole.start(env())) {
      second.waitFor(20, () -> second.output().contains(FILLED));
      Thread.sleep(1_000);
      assertThat(LiveConsole.occurrences(second.output(), FILLED)).isEqualTo(1);
    }
    try (LiveConsole third = LiveConsole.start(env())) {
      third.waitFor(10, () -> third.output().contains("Type /help"));
      Thread.sleep(2_000);
      assertThat(third.output()).as("a list already caught up is not announced again").doesNotContain(FILLED);
    }
  }

  private Map<String, String> env() {
    return loopback.liveEnv(dir.resolve("data"));
  }

}
