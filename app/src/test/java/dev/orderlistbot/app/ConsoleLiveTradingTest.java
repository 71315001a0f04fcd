package dev.orderlistbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.binance.BinanceStub;
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
 * tested with a signed account call and its posture read before it is stored, and the confirmed OCO is signed with it
 * and placed through the real Binance client, and the key subscribes to its user data stream on a
 * loopback WebSocket API. The stubs answer only correctly signed requests.
 */
class ConsoleLiveTradingTest {
  @TempDir Path dir;
  private LoopbackBinance binance;

  @BeforeEach
  void startBinance() throws InterruptedException {
    binance = LoopbackBinance.started();
  }

  @AfterEach
  void stopBinance() throws InterruptedException {
    binance.stop();
  }

  @Test
  void aKeyIsTestedThenTheConfirmedOcoIsSignedAndPlacedOnceThroughTheRealClient() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String input =
        "/setkey " + LoopbackBinance.API_KEY + " " + LoopbackBinance.SECRET + "\n"
            + "/oco BTCUSDT sell 0.01 tp 32000 sl 29000/28900\n"
            + "1\n";

    int code =
        Main.execute(
            new String[] {"console"},
            binance.liveEnv(dir.resolve("data")),
            new BufferedReader(new StringReader(input)),
            new PrintWriter(out),
            new PrintWriter(err),
            Clock.systemUTC(),
            new SecureRandom());

    assertThat(code).isZero();
    assertThat(out.toString()).contains("HMAC").contains("your account can trade").contains("LIVE").contains("(edited)").contains("#1");
    assertThat(binance.rest.placements("oco"))
        .singleElement()
        .satisfies(
            params ->
                assertThat(params)
                    .extracting(Map.Entry::getKey)
                    .contains("aboveType", "belowType", "listClientOrderId", "timestamp", "signature"));
    assertThat(binance.rest.count("POST", "/api/v3/orderList/oco")).isEqualTo(1);
    assertThat(binance.rest.count("GET", BinanceStub.API_RESTRICTIONS)).as("the key's posture, read once at /setkey").isEqualTo(1);
    assertThat(binance.rest.count("GET", "/api/v3/openOrders")).as("the pair's open orders, for its limits").isEqualTo(1);
    assertThat(binance.rest.count("GET", "/api/v3/avgPrice")).as("the price bands' centre").isEqualTo(1);
    assertThat(out.toString()).doesNotContain("could not be counted");
    assertThat(out.toString() + err).doesNotContain(LoopbackBinance.SECRET);
    assertThat(binance.userData.subscribes())
        .as("the stored key subscribes to its user data stream, signed")
        .anySatisfy(subscribe -> assertThat(subscribe.signatureValid()).isTrue());
  }
}
