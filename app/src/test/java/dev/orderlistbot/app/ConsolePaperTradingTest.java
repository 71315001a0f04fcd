package dev.orderlistbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The product on the embedded default, exactly as a newcomer meets it: no configuration but a data
 * directory, the console chat, the paper exchange, H2 in a file. Each test is one or two whole
 * sessions through {@code Main}, typed line by line.
 */
class ConsolePaperTradingTest {
  @TempDir Path dir;

  private record Session(int code, String out, String err) {}

  @Test
  void aNewcomerTradesAnOcoOnPaperAndSeesTheFillWithoutAnyKey() {
    Session session =
        console(
            """
            /start
            /oco BTCUSDT sell 0.01 tp 32000 sl 29000/28900
            1
            /paper price BTCUSDT 32000
            """);

    assertThat(session.code()).isZero();
    assertThat(session.out())
        .contains("PAPER")
        .contains("[1] Confirm  [2] Cancel")
        .contains("LIMIT_MAKER")
        .contains("STOP_LOSS_LIMIT")
        .contains("(edited)")
        .containsIgnoringCase("take-profit")
        .containsIgnoringCase("filled")
        .containsIgnoringCase("expired");
    assertThat(session.out()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void aMistypedLineGetsOneClearAnswerAndTheSessionGoesOn() {
    Session session = console("/occo BTCUSDT sell 0.01 tp 32000 sl 29000\n/oco BTCUSDT sell 0,01 tp 32000 sl 29000\n/help oco\n");

    assertThat(session.code()).isZero();
    assertThat(session.out()).contains("Did you mean /oco?").contains("0.01").contains("/oco BTCUSDT");
  }

  @Test
  void anOpenListSurvivesARestartAndItsFillStillReachesTheChat() {
    Session first = console("/oco BTCUSDT sell 0.01 tp 32000 sl 29000\n1\n");
    assertThat(first.out()).contains("(edited)");

    Session second = console("/orders\n/paper price BTCUSDT 28500\n");

    assertThat(second.code()).isZero();
    assertThat(second.out()).contains("BTCUSDT").containsIgnoringCase("stop-loss").containsIgnoringCase("filled");
  }

  @Test
  void pressingAButtonThatIsNoLongerShownSaysSo() {
    Session session = console("/oco BTCUSDT sell 0.01 tp 32000 sl 29000\n2\n1\n");

    assertThat(session.out()).containsIgnoringCase("cancel").contains("there is no button 1 to press");
  }

  private Session console(String input) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Map<String, String> env =
        Map.of("BOT_DATA_DIR", dir.resolve("data").toString(), "BOT_PAPER_WALK_SECONDS", "0", "BOT_HTTP_PORT", "0");
    int code =
        Main.execute(
            new String[] {"console"},
            env,
            new BufferedReader(new StringReader(input)),
            new PrintWriter(out),
            new PrintWriter(err),
            Clock.systemUTC(),
            new SecureRandom());
    return new Session(code, out.toString(), err.toString());
  }
}
