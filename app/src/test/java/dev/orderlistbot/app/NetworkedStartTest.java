package dev.orderlistbot.app;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import java.util.regex.Pattern;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starting with a chat-network token: a platform that cannot be reached, or a webhook Telegram
 * refuses, stops the start clearly.
 */
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

  @Test
  void aWebhookTelegramRefusesStopsTheStartNamingTheUrlAndNeverPrintsTheSecret() throws IOException {
    String secret = "NeverPrintThisWebhookSecret_42";
    HttpServer telegram = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    telegram.createContext("/", exchange -> {
      String path = exchange.getRequestURI().getPath().toLowerCase(java.util.Locale.ROOT); // TelegramBots asks /getme
      exchange.getRequestBody().readAllBytes();
      String answer =
          path.endsWith("/getme")
              ? "{\"ok\":true,\"result\":{\"id\":1,\"is_bot\":true,\"first_name\":\"Stub\",\"username\":\"StubBot\"}}"
              : path.endsWith("/setwebhook")
                  ? "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: bad webhook: Failed to resolve host\"}"
                  : "{\"ok\":true,\"result\":true}";
      byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(path.endsWith("/setwebhook") ? 400 : 200, bytes.length);
      try (exchange) {
        exchange.getResponseBody().write(bytes);
      }
    });
    telegram.start();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int listen;
    try (ServerSocket free = new ServerSocket(0)) {
      listen = free.getLocalPort();
    }
    int code;
    try {
      code =
          Main.execute(
              new String[] {"run"},
              Map.of(
                  "BOT_DATA_DIR", dir.resolve("data").toString(),
                  "BOT_HTTP_PORT", "0",
                  "TELEGRAM_BOT_TOKEN", TOKEN,
                  "TELEGRAM_API_URL", "http://127.0.0.1:" + telegram.getAddress().getPort(),
                  "TELEGRAM_WEBHOOK_URL", "https://bot.example.com/telegram",
                  "TELEGRAM_WEBHOOK_SECRET", secret,
                  "TELEGRAM_WEBHOOK_LISTEN", "127.0.0.1:" + listen),
              new PrintWriter(out),
              new PrintWriter(err),
              Clock.systemUTC(),
              new SecureRandom());
    } finally {
      telegram.stop(0);
    }

    assertThat(code).isEqualTo(1);
    assertThat(err.toString().lines().filter(line -> !LOG_LINE.matcher(line).lookingAt()))
        .singleElement(as(InstanceOfAssertFactories.STRING))
        .startsWith("error: TELEGRAM_WEBHOOK_URL: Telegram did not set the webhook at start-up")
        .contains("Failed to resolve host");
    assertThat(out.toString() + err).doesNotContain(secret).doesNotContain(TOKEN);
  }
}
