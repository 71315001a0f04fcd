package dev.orderlistbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderlistbot.core.chat.ChatEvent;
import dev.orderlistbot.core.domain.Secret;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The adapter in webhook mode against the Bot API emulator, which POSTs each user update to the
 * bot's URL with the secret header as Telegram does; and calls from someone else, straight to the
 * bot's listener. Each test uses chats of its own.
 */
class TelegramWebhookTest {
  static final String TOKEN = "7700000005:AAJ-webhook-token-never-logged_Vb7Nq3Ws";
  static final String SECRET = "whsec_Q8n2-Lk5Zr9Tb4Xy7Pm3Wd6";
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final AtomicLong chats = new AtomicLong(700);

  private static BotApiEmulator emulator;
  private static TelegramChatPlatform platform;
  private static EchoHandler core;
  private static URI hook;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    emulator = BotApiEmulator.start(TOKEN);
    int port = freePort();
    hook = URI.create("http://127.0.0.1:" + port + "/telegram/hook");
    platform = new TelegramChatPlatform(config(emulator, hook, port));
    core = new EchoHandler();
    core.use(platform);
    platform.start(core);
  }

  @AfterAll
  static void stop() {
    if (platform != null) {
      platform.close();
    }
    if (emulator != null) {
      emulator.close();
    }
  }

  static TelegramConfig config(BotApiEmulator emulator, URI url, int port) {
    return TelegramConfig.of(Secret.of(TOKEN))
        .withApiUrl(emulator.baseUrl())
        .withRequestTimeout(Duration.ofSeconds(5))
        .withWebhook(new TelegramWebhookConfig(url, Secret.of(SECRET), "127.0.0.1", port));
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long newChat() {
    return chats.incrementAndGet();
  }

  private static JsonNode awaitBotMessage(long chat) {
    return await().atMost(WAIT).until(() -> emulator.botMessages(chat), m -> !m.isEmpty()).getLast();
  }

  private static List<ChatEvent> eventsIn(long chat) {
    return core.events.stream().filter(e -> e.chat().chatId().equals(Long.toString(chat))).toList();
  }

  @Test
  void startSetsTheWebhookWithTheUrlTheSecretAndTheUpdateTypesPollingAsksFor() {
    JsonNode set = emulator.calls("setWebhook").getLast();

    assertThat(set.path("url").asText()).isEqualTo(hook.toString());
    assertThat(set.path("secret_token").asText()).isEqualTo(SECRET);
    assertThat(set.path("allowed_updates")).extracting(JsonNode::asText).containsExactly("message", "callback_query");
    assertThat(set.path("drop_pending_updates").asText()).isEqualTo("false");
    assertThat(emulator.calls("deleteWebhook")).isEmpty();
    assertThat(emulator.webhookInfo().path("url").asText()).isEqualTo(hook.toString());
  }

  @Test
  void aMessageArrivingByWebhookIsAnsweredWithAPreviewAndItsButtonPressIsHandledOnce() {
    long chat = newChat();

    emulator.userSends(chat, "private", chat, "/echo by webhook");

    JsonNode preview = awaitBotMessage(chat);
    assertThat(preview.path("message").path("text").asText()).isEqualTo("echo: by webhook");
    assertThat(preview.path("message").path("reply_markup").path("inline_keyboard").path(0)).hasSize(2);

    emulator.userPresses(chat, preview, "y:1");

    await().atMost(WAIT).until(() -> awaitBotMessage(chat).path("message").path("text").asText().equals("pressed y:1 by " + chat));
    assertThat(awaitBotMessage(chat).path("message").path("reply_markup").path("inline_keyboard")).isEmpty();
    assertThat(eventsIn(chat)).hasSize(2).last().isInstanceOf(ChatEvent.ButtonPressed.class);
    assertThat(emulator.botMessages(chat)).hasSize(1);
  }

  @Test
  void anUpdateDeliveredAgainIsAnswered200AndHandledOnce() throws InterruptedException {
    long chat = newChat();
    emulator.userSends(chat, "private", chat, "/echo once");
    awaitBotMessage(chat);
    int updateId = emulator.userMessages(chat).getLast().path("updateId").asInt();
    assertThat(emulator.deliveries()).anyMatch(d -> d.path("update_id").asInt() == updateId && d.path("status").asInt() == 200);

    assertThat(emulator.redeliver(updateId)).isEqualTo(200);
    assertThat(emulator.redeliver(updateId)).isEqualTo(200);

    Thread.sleep(300);
    assertThat(eventsIn(chat)).hasSize(1);
    assertThat(emulator.botMessages(chat)).hasSize(1);
  }

  @Test
  void aCallWithoutTheSecretOrWithAWrongOneIsRefused401AndReachesNoHandler() throws Exception {
    long chat = newChat();
    String update = update(9_000_000 + (int) chat, chat, "/echo forged");

    assertThat(postToBot(update, null).statusCode()).isEqualTo(401);
    assertThat(postToBot(update, "wrong-secret").statusCode()).isEqualTo(401);
    assertThat(postToBot(update, SECRET + "x").statusCode()).isEqualTo(401);

    Thread.sleep(300);
    assertThat(eventsIn(chat)).isEmpty();
    assertThat(emulator.botMessages(chat)).isEmpty();
  }

  @Test
  void aBodyDeclaredOverOneMegabyteIsRefused413BeforeItIsSent() throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), hook.getPort())) {
      socket.setSoTimeout(5_000);
      String head =
          "POST " + hook.getPath() + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
              + WebhookRequests.SECRET_HEADER + ": " + SECRET + "\r\nContent-Length: "
              + (TelegramWebhookConfig.MAX_BODY_BYTES + 1) + "\r\n\r\n";
      socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();

      String status = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();

      assertThat(status).startsWith("HTTP/1.1 413");
    }
  }

  @Test
  void aCallWithTheSecretIsHandledLikeTelegramsOwn() throws Exception {
    long chat = newChat();

    assertThat(postToBot(update(8_000_000 + (int) chat, chat, "/echo direct"), SECRET).statusCode()).isEqualTo(200);

    assertThat(awaitBotMessage(chat).path("message").path("text").asText()).isEqualTo("echo: direct");
  }

  private HttpResponse<String> postToBot(String body, String secret) throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(hook).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    if (secret != null) {
      request.header(WebhookRequests.SECRET_HEADER, secret);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static String update(int updateId, long chat, String text) {
    return """
        {"update_id":%d,"message":{"message_id":%d,"date":%d,"text":"%s",
         "from":{"id":%d,"is_bot":false,"first_name":"Trader"},
         "chat":{"id":%d,"type":"private","first_name":"Trader"}}}"""
        .formatted(updateId, updateId, Instant.now().getEpochSecond(), text, chat, chat);
  }
}
