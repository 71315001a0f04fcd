package dev.orderlistbot.core.engine;

import static dev.orderlistbot.core.engine.TestBot.ALICE;
import static dev.orderlistbot.core.engine.TestBot.ALICES_PAPER_KEY;
import static dev.orderlistbot.core.engine.TestBot.GROUP;
import static dev.orderlistbot.core.engine.TestBot.dm;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.core.chat.ChatKind;
import dev.orderlistbot.core.domain.ChatRef;
import dev.orderlistbot.core.domain.TradingEnvironment;
import dev.orderlistbot.core.domain.order.LegRole;
import dev.orderlistbot.core.port.out.TrackedLeg;
import dev.orderlistbot.core.port.out.TrackedOrderList;
import dev.orderlistbot.binance.BinanceConfig;
import dev.orderlistbot.binance.BinanceUserDataStream;
import dev.orderlistbot.binance.FakeWsApi;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Binance's own event frames, pushed by a loopback WebSocket API through the real user data stream,
 * reach the trader's private chat and every subscribed group once, redacted where asked, and a
 * duplicated push changes nothing.
 */
class StreamDeliveryTest {
  private static final String FILLED = "✅ BTCUSDT OCO #8821: take-profit SELL 0.01 @ 32,000 filled; stop-loss expired.";
  private static final String FILLED_REDACTED = "✅ BTCUSDT OCO #8821: take-profit SELL @ 32,000 filled; stop-loss expired.";
  private static final ChatRef QUIET_GROUP = new ChatRef("telegram", "-100999");
  /** Alice's key as the engine uses it in this setup (the fake exchange files her lists under it). */

  @TempDir Path dir;
  private TestBot bot;
  private FakeWsApi binance;
  private ScheduledExecutorService scheduler;
  private BinanceUserDataStream stream;

  @BeforeEach
  void start() throws InterruptedException {
    bot = TestBot.withFakeExchange(dir, TradingEnvironment.PAPER, new RecordingEventSource());
    binance = FakeWsApi.started();
    binance.account(ALICES_PAPER_KEY.apiKey(), "paper");
    scheduler = Executors.newScheduledThreadPool(2);
    stream =
        new BinanceUserDataStream(
            BinanceConfig.defaults(BinanceConfig.Environment.TESTNET).withWsApiUrl(binance.uri()),
            HttpClient.newHttpClient(),
            Clock.systemUTC(),
            scheduler,
            bot.router(),
            (user, credentials) -> {},
            rejected -> {},
            BinanceUserDataStream.Settings.defaults());
  }

  @AfterEach
  void stop() throws InterruptedException {
    stream.close();
    scheduler.shutdownNow();
    binance.stop(1_000);
    bot.close();
  }

  @Test
  void anOcoTakeProfitFillPushedByBinanceReachesThePrivateChatAndEachSubscribedGroupOnce() throws InterruptedException {
    bot.sayInGroup(ALICE, "/alerts on");
    bot.say(ALICE, QUIET_GROUP, ChatKind.GROUP, "/alerts redacted");
    bot.say(ALICE, "/oco BTCUSDT sell 0.01 tp 32000 sl 29000");
    bot.press(ALICE, bot.lastButtons(dm(ALICE)), Replies.CONFIRM);
    TrackedOrderList list = bot.tracked(8821).orElseThrow();
    stream.watch(ALICE, ALICES_PAPER_KEY);
    waitUntil(() -> binance.subscribed(ALICES_PAPER_KEY.apiKey()));

    pushFill(list);
    waitUntil(() -> notices(QUIET_GROUP).size() == 1);
    pushFill(list);
    Thread.sleep(500);

    assertThat(notices(dm(ALICE))).containsExactly(FILLED);
    assertThat(notices(GROUP)).containsExactly(FILLED);
    assertThat(notices(QUIET_GROUP)).containsExactly(FILLED_REDACTED);
  }

  @Test
  void anAmendPushedByBinanceTellsNoChatAndTheListsFillIsStillTold() throws InterruptedException {
    bot.sayInGroup(ALICE, "/alerts on");
    bot.say(ALICE, "/oco BTCUSDT sell 0.01 tp 32000 sl 29000");
    bot.press(ALICE, bot.lastButtons(dm(ALICE)), Replies.CONFIRM);
    TrackedOrderList list = bot.tracked(8821).orElseThrow();
    stream.watch(ALICE, ALICES_PAPER_KEY);
    waitUntil(() -> binance.subscribed(ALICES_PAPER_KEY.apiKey()));
    long heardBefore = sentTo(dm(ALICE));

    pushAmend(list);
    pushFill(list);
    waitUntil(() -> notices(GROUP).size() == 1);
    Thread.sleep(300);

    // the amend (x=REPLACED on both legs, listStatus UPDATED) was no news: the fill is the only notice
    assertThat(notices(dm(ALICE))).containsExactly(FILLED);
    assertThat(notices(GROUP)).containsExactly(FILLED);
    // (the card's edits are edits: they ring no phone)
    assertThat(sentTo(dm(ALICE))).isEqualTo(heardBefore + 1);
  }

  /** How many new messages (not edits) {@code chat} received. */
  private long sentTo(ChatRef chat) {
    return bot.telegram.history().stream()
        .filter(shown -> shown.kind() == RecordingChatPlatform.Kind.SEND && shown.ref().chat().equals(chat))
        .count();
  }

  /** What Binance pushes after a keep-priority amend of an OCO to 0.006: both legs REPLACED, the list UPDATED. */
  private void pushAmend(TrackedOrderList list) {
    String clientId = list.listClientOrderId();
    for (String role : List.of("-tp", "-sl")) {
      binance.push(ALICES_PAPER_KEY.apiKey(), "execution-report-oco-tp-leg-replaced.json", event -> {
        event.put("s", "BTCUSDT");
        event.put("g", 8821);
        event.put("i", orderId(list, clientId + role));
        event.put("c", clientId + role);
        event.put("C", clientId + role);
        if (role.equals("-sl")) {
          event.put("o", "STOP_LOSS_LIMIT").put("P", "29000.00000000").put("p", "29000.00000000");
        }
      });
    }
    binance.push(ALICES_PAPER_KEY.apiKey(), "list-status-oco-updated.json", event -> {
      event.put("s", "BTCUSDT");
      event.put("g", 8821);
      event.put("C", clientId);
    });
  }

  /** The fixtures' take-profit fill, stop-loss expiry and list end, naming this list's ids. */
  private void pushFill(TrackedOrderList list) {
    String clientId = list.listClientOrderId();
    binance.push(ALICES_PAPER_KEY.apiKey(), "execution-report-oco-tp-leg-filled.json", event -> {
      event.put("s", "BTCUSDT");
      event.put("g", 8821);
      event.put("i", orderId(list, clientId + "-tp"));
      event.put("c", clientId + "-tp");
    });
    binance.push(ALICES_PAPER_KEY.apiKey(), "execution-report-oco-sl-leg-expired.json", event -> {
      event.put("s", "BTCUSDT");
      event.put("g", 8821);
      event.put("i", orderId(list, clientId + "-sl"));
      event.put("c", clientId + "-sl");
    });
    binance.push(ALICES_PAPER_KEY.apiKey(), "list-status-oco-all-done.json", event -> {
      event.put("s", "BTCUSDT");
      event.put("g", 8821);
      event.put("C", clientId);
    });
  }

  private static long orderId(TrackedOrderList list, String clientOrderId) {
    return list.legs().stream()
        .filter(leg -> leg.clientOrderId().equals(clientOrderId))
        .map(TrackedLeg::orderId)
        .findFirst()
        .orElseThrow()
        .orElseThrow();
  }

  private List<String> notices(ChatRef chat) {
    return bot.telegram.texts(chat).stream().filter(t -> t.contains("#8821:")).toList();
  }

  private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within 10 s");
      }
      Thread.sleep(10);
    }
  }
}
