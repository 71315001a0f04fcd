package dev.orderlistbot.app;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import java.util.regex.Pattern;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starting with a chat-network token: a platform that cannot be reached stops the start clearly. */
class NetworkedStartTest {
  private static final String TOKEN = "123456:NeverPrintThisTelegramToken";
  private static final Pattern LOG_LINE = Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{3} ");

  @TempDir Path dir;

  @Test
  void anUnreachableTelegramStopsTheStartNamingTheVariableAndNeverPrintsTheToken() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    int code =
        Main.execute(
            new String[] {"run"},
            Map.of(
                "BOT_DATA_DIR", dir.resolve("data").toString(),
                "TELEGRAM_BOT_TOKEN", TOKEN,
                "TELEGRAM_API_URL", "http://127.0.0.1:" + closedPort),
            new PrintWriter(out),
            new PrintWriter(err),
            Clock.systemUTC(),
            new SecureRandom());

    assertThat(code).isEqualTo(1);
    // run logs to standard error too: besides its log lines, the one line the operator reads
    assertThat(err.toString().lines().filter(line -> !LOG_LINE.matcher(line).lookingAt()))
        .singleElement(as(InstanceOfAssertFactories.STRING))
        .startsWith("error: TELEGRAM_BOT_TOKEN: Telegram did not accept the bot at start-up");
    assertThat(out.toString() + err).doesNotContain(TOKEN).doesNotContain("NeverPrintThisTelegramToken");
  }
}
