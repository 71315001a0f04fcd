package dev.orderlistbot.core.engine;

import static dev.orderlistbot.core.engine.TestBot.ALICE;
import static dev.orderlistbot.core.engine.TestBot.dm;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.binance.BinanceStub;
import dev.orderlistbot.core.chat.MessageRef;
import dev.orderlistbot.core.domain.TradingEnvironment;
import dev.orderlistbot.core.port.out.OrderListState;
import dev.orderlistbot.core.port.out.TrackedOrderList;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The engine on the real Binance client against the loopback REST stub: an answer in which Binance
 * says the execution status is unknown ({@code -1006}, {@code -1000}, {@code -1001}), even with a
 * 4xx status, is never told as "not placed". The engine looks the list up by its client id, never
 * sends it again, and tells the trader what the look-up found.
 */
class UnknownOutcomeOnBinanceTest {
  private static final String API_KEY = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";
  private static final String SECRET = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";
  private static final String ACCOUNT =
      "{\"canTrade\":true,\"balances\":[{\"asset\":\"BTC\",\"free\":\"0.5\",\"locked\":\"0\"},"
          + "{\"asset\":\"USDT\",\"free\":\"1000\",\"locked\":\"0\"}],\"permissions\":[\"SPOT\"]}";

  @TempDir Path dir;
  private BinanceStub binance;
  private TestBot bot;

  @BeforeEach
  void start() {
    binance = new BinanceStub();
    binance.serverTime(System.currentTimeMillis());
    binance.exchangeInfo("exchangeinfo-btcusdt.json");
    binance.lastPrice("BTCUSDT", "30500.00000000");
    binance.averagePrice("BTCUSDT", "30480.12000000");
    binance.account(API_KEY, SECRET, ACCOUNT);
    binance.nothingOpen(SECRET);
    bot =
        new TestBot(
            dir,
            EngineConfig.of(TradingEnvironment.TESTNET, Set.of(ALICE), Set.of()),
            binance.client(Clock.systemUTC()),
            Optional.empty(),
            Optional.of(new RecordingEventSource()));
    bot.say(ALICE, "/setkey " + API_KEY + " " + SECRET);
  }

  @AfterEach
  void stop() {
    bot.close();
    binance.close();
  }

  @ParameterizedTest(name = "{0} with HTTP 400")
  @ValueSource(ints = {-1006, -1000, -1001})
  void anExecutionStatusUnknownAnswerIsLookedUpAndTheTraderHearsTheListWasPlaced(int code) {
    binance.answersOrderLists(SECRET, 400, "{\"code\":" + code + ",\"msg\":\"Execution status unknown.\"}");
    binance.findsEveryListAskedFor(SECRET);

    String answer = confirmOco();

    assertThat(answer).startsWith("✅ Placed on TESTNET").contains("Order list #1").doesNotContain("Not placed");
    assertThat(binance.count("POST", "/api/v3/orderList/oco")).isEqualTo(1);
    assertThat(binance.count("GET", "/api/v3/orderList")).isEqualTo(1);
    assertThat(bot.tracked(1)).map(TrackedOrderList::state).contains(OrderListState.EXECUTING);
  }

  @ParameterizedTest(name = "{0} with HTTP 400")
  @ValueSource(ints = {-1006, -1000, -1001})
  void aListTheLookUpDoesNotFindIsToldAsUnknownNeverAsNotPlaced(int code) {
    binance.answersOrderLists(SECRET, 400, "{\"code\":" + code + ",\"msg\":\"Execution status unknown.\"}");
    binance.findsNoList(SECRET);

    String answer = confirmOco();

    assertThat(answer).contains("cannot tell whether it was placed").contains("never be sent again").doesNotContain("Not placed");
    assertThat(binance.count("POST", "/api/v3/orderList/oco")).isEqualTo(1);
    assertThat(bot.openTracked(ALICE)).singleElement().extracting(TrackedOrderList::state).isEqualTo(OrderListState.UNKNOWN);
  }

  /** Alice previews a SELL OCO and confirms it; answers what the preview message then says. */
  private String confirmOco() {
    bot.say(ALICE, "/oco BTCUSDT sell 0.01 tp 32000 sl 29000");
    MessageRef preview = bot.lastButtons(dm(ALICE));
    bot.press(ALICE, preview, Replies.CONFIRM);
    return bot.telegram.now(preview).text();
  }
}
