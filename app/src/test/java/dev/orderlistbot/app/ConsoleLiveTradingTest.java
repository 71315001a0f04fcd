package dev.orderlistbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.exchange.binance.BinanceStub;
import dev.orderlistbot.exchange.binance.FakeWsApi;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same console flow with {@code BINANCE_ENV=live}, pointed at a loopback Binance: the key is
 * tested with a signed account call before it is stored, and the confirmed OCO is signed with it
 * and placed through the real Binance client, and the key subscribes to its user data stream on a
 * loopback WebSocket API. The stubs answer only correctly signed requests.
 */
class ConsoleLiveTradingTest {
  private static final String API_KEY = "liveApiKey0123456789abcdefABCDEF";
  private static final String SECRET = "liveHmacSecret-never-printed-0123456789ABCDEFghij";
  private static final String ACCOUNT =
      "{\"canTrade\":true,\"balances\":[{\"asset\":\"BTC\",\"free\":\"0.5\",\"locked\":\"0\"},"
          + "{\"asset\":\"USDT\",\"free\":\"1000\",\"locked\":\"0\"}],\"permissions\":[\"SPOT\"]}";

  @TempDir Path dir;
  private BinanceStub binance;
  private FakeWsApi userData;

  @BeforeEach
  void startBinance() throws InterruptedException {
    userData = FakeWsApi.started();
    userData.account(API_KEY, SECRET);
    binance = new BinanceStub();
    binance.serverTime(System.currentTimeMillis());
    binance.exchangeInfo("exchangeinfo-btcusdt.json");
    binance.lastPrice("BTCUSDT", "30500.00000000");
    binance.account(API_KEY, SECRET, ACCOUNT);
    binance.acceptsOrderLists(SECRET, "oco-response.json");
  }

  @AfterEach
  void stopBinance() throws InterruptedException {
    binance.close();
    userData.stop(1_000);
  }

  @Test
  void aKeyIsTestedThenTheConfirmedOcoIsSignedAndPlacedOnceThroughTheRealClient() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Map<String, String> env =
        Map.of(
            "BOT_DATA_DIR", dir.resolve("data").toString(), "BOT_HTTP_PORT", "0",
            "BINANCE_ENV", "live",
            "BINANCE_REST_URL", binance.baseUrl().toString(),
            "BINANCE_WS_API_URL", userData.uri().toString());
    String input =
        "/setkey " + API_KEY + " " + SECRET + "\n"
            + "/oco BTCUSDT sell 0.01 tp 32000 sl 29000/28900\n"
            + "1\n";

    int code =
        Main.execute(
            new String[] {"console"},
            env,
            new BufferedReader(new StringReader(input)),
            new PrintWriter(out),
            new PrintWriter(err),
            Clock.systemUTC(),
            new SecureRandom());

    assertThat(code).isZero();
    assertThat(out.toString()).contains("HMAC").contains("your account can trade").contains("LIVE").contains("(edited)").contains("#1");
    assertThat(binance.placements("oco"))
        .singleElement()
        .satisfies(
            params ->
                assertThat(params)
                    .extracting(Map.Entry::getKey)
                    .contains("aboveType", "belowType", "listClientOrderId", "timestamp", "signature"));
    assertThat(binance.count("POST", "/api/v3/orderList/oco")).isEqualTo(1);
    assertThat(out.toString() + err).doesNotContain(SECRET);
    assertThat(userData.subscribes())
        .as("the stored key subscribes to its user data stream, signed")
        .anySatisfy(subscribe -> assertThat(subscribe.signatureValid()).isTrue());
  }
}
