package dev.orderlistbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orderlistbot.core.chat.MessageRef;
import dev.orderlistbot.core.chat.OutboundMessage;
import dev.orderlistbot.core.chat.Picture;
import dev.orderlistbot.core.domain.ChatRef;
import dev.orderlistbot.core.domain.Secret;
import dev.orderlistbot.core.port.out.ChatDeliveryException;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The bot token is in every Bot API URL path. Whatever happens (normal traffic, a failure in core,
 * error pages that quote the path, a dead server) no log line at any level, no exception message and
 * no {@link ChatDeliveryException} may contain it. Nor may any contain the webhook secret.
 */
class TokenNeverLeaksTest {
  private static final String TOKEN = "7700000003:AAG-leak-canary-token_k2Zp9Wq4Xr7Tn";
  private static final String TOKEN_SECRET_PART = TOKEN.substring(TOKEN.indexOf(':') + 1);
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final Picture CHART = Pngs.chart("chart.png", 40, 30, Color.GREEN);

  @Test
  void tokenIsInNoLogLineNoExceptionAndNoDeliveryFailureWhateverHappens() {
    List<Throwable> thrown = new ArrayList<>();
    try (LogCapture logs = new LogCapture();
        BotApiEmulator emulator = BotApiEmulator.start(TOKEN)) {
      TelegramChatPlatform platform = new TelegramChatPlatform(config(emulator.baseUrl()));
      EchoHandler core = new EchoHandler();
      core.use(platform);
      platform.start(core);
      ChatRef chat = new ChatRef("telegram", "901");

      emulator.userSends(901, "private", 901, "/echo hello");
      emulator.userSends(901, "private", 901, "/boom");
      await().atMost(WAIT).until(() -> emulator.botMessages(901).size() == 2);

      String quotingThePath = "{\"ok\":false,\"error_code\":%d,\"description\":\"Bad Gateway for POST /bot" + TOKEN + "/x\"}";
      emulator.failNext("sendMessage", 502, quotingThePath.formatted(502), 1);
      thrown.add(failureOf(() -> platform.send(chat, OutboundMessage.text("x"))));
      emulator.failNext("sendMessage", 404, quotingThePath.formatted(404), 1);
      thrown.add(failureOf(() -> platform.send(chat, OutboundMessage.text("x"))));
      emulator.failNext("sendPhoto", 502, quotingThePath.formatted(502), 1);
      thrown.add(failureOf(() -> platform.send(chat, OutboundMessage.text("x").withPicture(CHART))));
      MessageRef text = platform.send(chat, OutboundMessage.text("y"));
      MessageRef photo = platform.send(chat, OutboundMessage.text("p").withPicture(CHART));
      emulator.failNext("sendPhoto", 400, quotingThePath.formatted(400), 1);
      // too long for a caption, so the picture goes in a photo of its own, whose failure is logged
      platform.edit(text, OutboundMessage.text("z\n".repeat(600)).withPicture(CHART));
      emulator.failNext("sendMessage", 500, quotingThePath.formatted(500), 1);
      platform.edit(photo, OutboundMessage.text("w\n".repeat(600))); // the caption's rest is logged
      emulator.failNext("getUpdates", 502, quotingThePath.formatted(502), 2);
      await().atMost(WAIT).until(() -> logs.all().contains("GetUpdates"));

      emulator.stop();
      await().atMost(WAIT).until(() -> logs.all().contains("ConnectException"));
      thrown.add(failureOf(() -> platform.send(chat, OutboundMessage.text("x"))));
      thrown.add(failureOf(() -> platform.delete(new MessageRef(chat, "1"))));
      thrown.add(failureOf(() -> platform.send(chat, OutboundMessage.text("x").withPicture(CHART))));
      platform.close();

      assertThat(thrown).hasSize(6).allSatisfy(TokenNeverLeaksTest::assertClean);
      assertThat(logs.all()).contains("ref ").contains("GetUpdates").contains("picture could not be shown").contains("rest of its caption not shown");
      assertClean(logs.all());
    }
  }

  @Test
  void webhookSecretIsInNoLogLineAndNoExceptionWhateverHappens() throws Exception {
    String secret = "wh-leak-canary-secret_Tq7Zp2Kx9";
    int port = TelegramWebhookTest.freePort();
    URI hook = URI.create("http://127.0.0.1:" + port + "/hook");
    try (LogCapture logs = new LogCapture();
        BotApiEmulator emulator = BotApiEmulator.start(TOKEN)) {
      TelegramConfig config = config(emulator.baseUrl()).withWebhook(new TelegramWebhookConfig(hook, Secret.of(secret), "127.0.0.1", port));
      emulator.failNext(
          "setWebhook", 400, "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: secret " + secret + " refused\"}", 1);
      TelegramChatPlatform refused = new TelegramChatPlatform(config);
      Throwable failure = failureOf(() -> refused.start(new EchoHandler()));
      refused.close();
      TelegramChatPlatform platform = new TelegramChatPlatform(config);
      EchoHandler core = new EchoHandler();
      core.use(platform);
      platform.start(core);

      emulator.userSends(902, "private", 902, "/echo hello");
      emulator.userSends(902, "private", 902, "/boom");
      await().atMost(WAIT).until(() -> emulator.botMessages(902).size() == 2);
      HttpClient http = HttpClient.newHttpClient();
      for (String header : new String[] {"", "not-" + secret, secret + "-not"}) {
        HttpRequest.Builder forged = HttpRequest.newBuilder(hook).POST(HttpRequest.BodyPublishers.ofString("{}"));
        if (!header.isEmpty()) {
          forged.header(WebhookRequests.SECRET_HEADER, header);
        }
        assertThat(http.send(forged.build(), HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(401);
      }
      platform.close();

      assertClean(failure);
      assertThat(failure.getMessage()).contains(Redactor.SECRET_MASK);
      assertThat(logs.all()).contains("ref ").contains("401");
      assertClean(logs.all());
      assertThat(failure.toString() + logs.all()).doesNotContain(secret);
    }
  }

  @Test
  void unreachableServerAtStartIsARetryableFailureWithoutTheToken() {
    TelegramChatPlatform platform = new TelegramChatPlatform(config(URI.create("http://127.0.0.1:" + closedPort())));
    try (LogCapture logs = new LogCapture()) {
      Throwable failure = failureOf(platform::botUsername);

      assertThat(failure).isInstanceOfSatisfying(ChatDeliveryException.class, e -> assertThat(e.retryable()).isTrue());
      assertClean(failure);
      platform.close();
      assertClean(logs.all());
    }
  }

  private static TelegramConfig config(URI url) {
    return TelegramConfig.of(Secret.of(TOKEN))
        .withApiUrl(url)
        .withPolling(Duration.ofSeconds(1), Duration.ofMillis(50))
        .withRequestTimeout(Duration.ofSeconds(3));
  }

  private static Throwable failureOf(Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      return e;
    }
    throw new AssertionError("expected a failure");
  }

  private static void assertClean(Throwable failure) {
    assertThat(failure).isInstanceOf(ChatDeliveryException.class);
    for (Throwable t = failure; t != null; t = t.getCause()) {
      assertClean(t.toString());
    }
  }

  private static void assertClean(String text) {
    assertThat(text)
        .doesNotContain(TOKEN_SECRET_PART)
        .doesNotContain(URLEncoder.encode(TOKEN, StandardCharsets.UTF_8));
  }

  private static int closedPort() {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
