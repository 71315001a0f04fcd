package dev.orderlistbot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static dev.orderlistbot.app.LoopbackBinance.API_KEY;
import static dev.orderlistbot.app.LoopbackBinance.SECRET;
import static org.awaitility.Awaitility.await;

import dev.orderlistbot.binance.BinanceStub;
import dev.orderlistbot.binance.FakeWsApi;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PipedReader;
import java.io.PipedWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.core.ConditionTimeoutException;
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
  /** The ids Binance gave the list and its legs in the placement answer ({@code oco-response.json}). */
  private static final long LIST_ID = 1;
  private static final long STOP_LOSS_ID = 10;
  private static final long TAKE_PROFIT_ID = 11;

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
    try (Session bot = Session.start(env())) {
      String listClientId = placeOco(bot);
      long subscribed = userData.subscribesOf(API_KEY);

      // the take-profit fills; the connection drops before its event is pushed
      tellFilled(listClientId);
      userData.dropAll();

      bot.waitFor(20, () -> bot.output().contains(FILLED));
      assertThat(userData.subscribesOf(API_KEY)).isGreaterThan(subscribed);

      // the event the stream owed arrives late after all: nothing more is said
      userData.push(API_KEY, "execution-report-oco-tp-leg-filled.json", event -> {
        event.put("s", "BTCUSDT");
        event.put("g", LIST_ID);
        event.put("i", TAKE_PROFIT_ID);
        event.put("c", listClientId + "-tp");
      });
      userData.push(API_KEY, "list-status-oco-all-done.json", event -> {
        event.put("s", "BTCUSDT");
        event.put("g", LIST_ID);
        event.put("C", listClientId);
      });
      Thread.sleep(1_500);

      assertThat(occurrences(bot.output(), FILLED)).isEqualTo(1);
      assertThat(bot.output()).doesNotContain("may not have been announced").doesNotContain(SECRET);
    }
  }

  @Test
  void aFillWhileTheBotWasStoppedIsAnnouncedOnceAtTheNextStart() throws Exception {
    String listClientId;
    try (Session first = Session.start(env())) {
      listClientId = placeOco(first);
    }

    tellFilled(listClientId);

    try (Session second = Session.start(env())) {
      second.waitFor(20, () -> second.output().contains(FILLED));
      Thread.sleep(1_000);
      assertThat(occurrences(second.output(), FILLED)).isEqualTo(1);
    }
    try (Session third = Session.start(env())) {
      third.waitFor(10, () -> third.output().contains("Type /help"));
      Thread.sleep(2_000);
      assertThat(third.output()).as("a list already caught up is not announced again").doesNotContain(FILLED);
    }
  }

  /** Stores the key, places the brief's OCO and answers the REST queries as Binance would while it works. */
  private String placeOco(Session bot) throws IOException {
    bot.type("/setkey " + API_KEY + " " + SECRET);
    bot.waitFor(10, () -> bot.output().contains("your account can trade"));
    bot.type("/oco BTCUSDT sell 0.01 tp 32000 sl 29000/28900");
    bot.waitFor(10, () -> bot.output().contains("Confirm"));
    bot.type("1");
    // "bot #1>" is already on the screen (the key's answer): wait for the placement's own answer
    bot.waitFor(10, () -> bot.output().contains("Order list #1"));
    String listClientId =
        binance.placements("oco").getFirst().stream()
            .filter(p -> p.getKey().equals("listClientOrderId"))
            .map(Map.Entry::getValue)
            .findFirst()
            .orElseThrow();
    binance.orderListQuery(SECRET, list(listClientId, "EXEC_STARTED", "EXECUTING"));
    binance.orderQuery(SECRET, TAKE_PROFIT_ID, order(listClientId + "-tp", TAKE_PROFIT_ID, "LIMIT_MAKER", "NEW", "0", "0", "32000", "0"));
    binance.orderQuery(SECRET, STOP_LOSS_ID, order(listClientId + "-sl", STOP_LOSS_ID, "STOP_LOSS_LIMIT", "NEW", "0", "0", "28900", "29000"));
    bot.waitFor(10, () -> userData.subscribed(API_KEY));
    return listClientId;
  }

  /** From now on Binance answers that the take-profit filled at 32,000 and the stop-loss expired. */
  private void tellFilled(String listClientId) {
    binance.orderQuery(
        SECRET, TAKE_PROFIT_ID, order(listClientId + "-tp", TAKE_PROFIT_ID, "LIMIT_MAKER", "FILLED", "0.01", "320", "32000", "0"));
    binance.orderQuery(
        SECRET, STOP_LOSS_ID, order(listClientId + "-sl", STOP_LOSS_ID, "STOP_LOSS_LIMIT", "EXPIRED", "0", "0", "28900", "29000"));
    binance.orderListQuery(SECRET, list(listClientId, "ALL_DONE", "ALL_DONE"));
  }

  private Map<String, String> env() {
    return loopback.liveEnv(dir.resolve("data"));
  }

  private static String list(String clientId, String statusType, String orderStatus) {
    return """
        {"orderListId":%d,"contingencyType":"OCO","listStatusType":"%s","listOrderStatus":"%s",
         "listClientOrderId":"%s","transactionTime":%d,"symbol":"BTCUSDT",
         "orders":[{"symbol":"BTCUSDT","orderId":%d,"clientOrderId":"%s-sl"},
                   {"symbol":"BTCUSDT","orderId":%d,"clientOrderId":"%s-tp"}]}
        """
        .formatted(LIST_ID, statusType, orderStatus, clientId, System.currentTimeMillis(), STOP_LOSS_ID, clientId, TAKE_PROFIT_ID, clientId);
  }

  private static String order(
      String clientOrderId, long orderId, String type, String status, String executed, String quote, String price, String stop) {
    return """
        {"symbol":"BTCUSDT","orderId":%d,"orderListId":%d,"clientOrderId":"%s","price":"%s","origQty":"0.01000000",
         "executedQty":"%s","cummulativeQuoteQty":"%s","status":"%s","timeInForce":"GTC","type":"%s","side":"SELL",
         "stopPrice":"%s","time":%d,"updateTime":%d,"isWorking":true}
        """
        .formatted(
            orderId, LIST_ID, clientOrderId, price, executed, quote, status, type, stop, System.currentTimeMillis(), System.currentTimeMillis());
  }

  private static int occurrences(String text, String part) {
    Matcher matcher = Pattern.compile(Pattern.quote(part)).matcher(text);
    int count = 0;
    while (matcher.find()) {
      count++;
    }
    return count;
  }

  /** The bot's console command running on its own thread, typed into through a pipe. */
  private record Session(PipedWriter keyboard, StringWriter screen, FutureTask<Integer> exit) implements AutoCloseable {
    static Session start(Map<String, String> env) throws IOException {
      PipedWriter keyboard = new PipedWriter();
      BufferedReader in = new BufferedReader(new PipedReader(keyboard, 1 << 16));
      StringWriter screen = new StringWriter();
      PrintWriter out = new PrintWriter(screen, true);
      // its own thread, as `main` in production: a blocked common-pool worker would starve the JDK
      // HTTP client, which completes WebSocket handshakes there
      FutureTask<Integer> exit =
          new FutureTask<>(() -> Main.execute(new String[] {"console"}, env, in, out, out, Clock.systemUTC(), new SecureRandom()));
      Thread.ofPlatform().name("console-session").start(exit);
      return new Session(keyboard, screen, exit);
    }

    /** Waits for {@code condition}; on time-out, fails showing what the console showed. */
    void waitFor(int seconds, Callable<Boolean> condition) {
      try {
        await().atMost(Duration.ofSeconds(seconds)).until(condition);
      } catch (ConditionTimeoutException e) {
        throw new AssertionError("not within " + seconds + " s; the console showed:\n" + output(), e);
      }
    }

    void type(String line) throws IOException {
      keyboard.write(line + "\n");
      keyboard.flush();
    }

    String output() {
      return screen.toString();
    }

    @Override
    public void close() throws IOException, ExecutionException, TimeoutException {
      keyboard.close();
      try {
        assertThat(exit.get(30, TimeUnit.SECONDS)).as("the console ends cleanly: %s", List.of(output())).isZero();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while the console ended", e);
      }
    }
  }
}
