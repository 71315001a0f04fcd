package dev.orderlistbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The liquidity guard in live mode against the loopback Binance: {@code BOT_MIN_QUOTE_VOLUME_USDT}
 * is compared with BTCUSDT's {@code quoteVolume} from one {@code GET /api/v3/ticker/24hr?symbol=}
 * (the fixture says 1,256,158,742.2543781 USDT); nothing is asked while the variable is unset.
 */
class LiquidityGuardLiveTest {
  private static final String OCO = "/oco BTCUSDT sell 0.01 tp 32000 sl 29000/28900\n";

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
  void aPairUnderTheLeastVolumeIsRefusedInThePreviewWithTheFigure() {
    String out = run("1300000000", OCO);

    assertThat(out).contains("BTCUSDT traded 1,256,158,742.26 USDT in the last 24 hours, under this bot's least volume of "
        + "1,300,000,000 USDT (set by the operator): pick a busier pair.");
    assertThat(binance.rest.count("GET", "/api/v3/ticker/24hr")).isEqualTo(1);
    assertThat(binance.rest.count("POST", "/api/v3/orderList/oco")).isZero();
  }

  @Test
  void aPairOverTheLeastVolumeIsPreviewedAndPlaced() {
    String out = run("1000000000", OCO + "1\n");

    assertThat(out).contains("LIVE").doesNotContain("least volume");
    assertThat(binance.rest.count("POST", "/api/v3/orderList/oco")).isEqualTo(1);
    assertThat(binance.rest.count("GET", "/api/v3/ticker/24hr")).as("the preview's answer is cached for the Confirm").isEqualTo(1);
  }

  @Test
  void withoutALeastVolumeTheVolumeIsNeverAsked() {
    run(null, OCO);

    assertThat(binance.rest.count("GET", "/api/v3/ticker/24hr")).isZero();
  }

  private String run(String minimum, String lines) {
    Map<String, String> env = new HashMap<>(binance.liveEnv(dir.resolve("data")));
    if (minimum != null) {
      env.put("BOT_MIN_QUOTE_VOLUME_USDT", minimum);
    }
    StringWriter out = new StringWriter();
    String input = "/setkey " + LoopbackBinance.API_KEY + " " + LoopbackBinance.SECRET + "\n" + lines;
    int code =
        Main.execute(
            new String[] {"console"}, env, new BufferedReader(new StringReader(input)), new PrintWriter(out),
            new PrintWriter(new StringWriter()), Clock.systemUTC(), new SecureRandom());
    assertThat(code).isZero();
    return out.toString();
  }
}
