package dev.orderlistbot.telegram;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;

/**
 * The {@code telegram-test-api} Bot API emulator, started by {@code src/test/node/emulator.js} on
 * 127.0.0.1 and a free port, driven from the user's side: send messages, press buttons, read what
 * the bot sent. Installs its npm packages on first use ({@code npm install} in {@code
 * src/test/node}, no lock file). Without node or npm on the PATH the calling test is skipped.
 */
final class BotApiEmulator implements AutoCloseable {
  static final String BOT_USERNAME = "OrderListTestBot";
  private static final Path NODE_DIR = Path.of("src", "test", "node");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final int port;
  private final String token;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private BotApiEmulator(Process process, int port, String token) {
    this.process = process;
    this.port = port;
    this.token = token;
  }

  /** Starts an emulator for a bot with {@code token}; skips the test when node is missing. */
  static BotApiEmulator start(String token) {
    assumeTrue(runs("node", "--version"), "node is not installed: skipping the Telegram emulator tests");
    assumeTrue(runs("npm", "--version"), "npm is not installed: skipping the Telegram emulator tests");
    installPackages();
    try {
      Path log = Files.createDirectories(Path.of("target")).resolve("telegram-emulator.log");
      ProcessBuilder builder =
          new ProcessBuilder("node", "emulator.js")
              .directory(NODE_DIR.toFile())
              .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
      builder.environment().put("BOT_USERNAME", BOT_USERNAME);
      Process process = builder.start();
      int port = readPort(process);
      return new BotApiEmulator(process, port, token);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  URI baseUrl() {
    return URI.create("http://127.0.0.1:" + port);
  }

  /** A user writes {@code text} in a chat of {@code chatType} ({@code private}, {@code group}). */
  void userSends(long chatId, String chatType, long userId, String text) {
    ObjectNode message = JSON.createObjectNode();
    message.put("botToken", token);
    message.set("from", user(userId));
    message.set("chat", chat(chatId, chatType));
    message.put("date", Instant.now().getEpochSecond());
    message.put("text", text);
    post("/sendMessage", message);
  }

  /** A user presses the button with callback data {@code data} under the bot's message. */
  void userPresses(long userId, JsonNode botMessage, String data) {
    JsonNode sent = botMessage.path("message");
    long chatId = Long.parseLong(sent.path("chat_id").asText());
    ObjectNode query = JSON.createObjectNode();
    query.put("botToken", token);
    query.set("from", user(userId));
    ObjectNode message = JSON.createObjectNode();
    message.put("message_id", botMessage.path("messageId").asInt());
    message.set("chat", chat(chatId, chatId < 0 ? "group" : "private"));
    message.put("date", Instant.now().getEpochSecond());
    message.put("text", sent.path("text").asText());
    query.set("message", message);
    query.put("data", data);
    post("/sendCallback", query);
  }

  /** Everything in the emulator for this bot: the bot's messages and the users' updates. */
  List<JsonNode> history() {
    ObjectNode body = JSON.createObjectNode().put("token", token);
    return list(post("/getUpdatesHistory", body).path("result"));
  }

  /** The bot's messages in {@code chatId}, oldest first, as stored (edits applied). */
  List<JsonNode> botMessages(long chatId) {
    return history().stream()
        .filter(u -> u.path("message").has("chat_id"))
        .filter(u -> u.path("message").path("chat_id").asText().equals(Long.toString(chatId)))
        .toList();
  }

  /** The users' messages still held by the emulator for {@code chatId} (deleted ones are gone). */
  List<JsonNode> userMessages(long chatId) {
    return history().stream()
        .filter(u -> u.path("message").path("chat").path("id").asLong() == chatId)
        .toList();
  }

  /** The request bodies the bot sent for a bridged method ({@code setMyCommands}, …). */
  List<JsonNode> calls(String method) {
    return list(get("/_test/calls/" + method).path("result"));
  }

  /** The webhook deliveries so far, oldest first: {@code {update_id, status}} (status 0: no answer). */
  List<JsonNode> deliveries() {
    return list(get("/_test/deliveries").path("result"));
  }

  /** POSTs an update already delivered to the webhook again, as Telegram does; the bot's HTTP status. */
  int redeliver(int updateId) {
    ObjectNode body = JSON.createObjectNode().put("token", token).put("update_id", updateId);
    return post("/_test/redeliver", body).path("result").path("status").asInt();
  }

  /** What {@code getWebhookInfo} answers the bot: {@code url} is empty when no webhook is set. */
  JsonNode webhookInfo() {
    return post("/bot" + token + "/getWebhookInfo", JSON.createObjectNode()).path("result");
  }

  /** From now on {@code getChatMember} answers that these users (only) administer {@code chatId}. */
  void admins(long chatId, long... userIds) {
    ObjectNode admins = JSON.createObjectNode();
    admins.put("chat_id", chatId);
    var ids = admins.putArray("user_ids");
    for (long id : userIds) {
      ids.add(id);
    }
    post("/_test/admins", admins);
  }

  /** The next {@code times} calls of {@code method} answer {@code status} with {@code body}. */
  void failNext(String method, int status, String body, int times) {
    try {
      ObjectNode fail = JSON.createObjectNode();
      fail.put("method", method).put("status", status).put("times", times);
      fail.set("body", JSON.readTree(body));
      post("/_test/fail", fail);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    stop();
  }

  /** Stops the emulator, as if Telegram went away; idempotent. */
  void stop() {
    try {
      process.getOutputStream().close();
    } catch (IOException e) {
      // it is stopped below either way
    }
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  private static ObjectNode user(long userId) {
    return JSON.createObjectNode().put("id", userId).put("is_bot", false).put("first_name", "User" + userId);
  }

  private static ObjectNode chat(long chatId, String type) {
    ObjectNode chat = JSON.createObjectNode().put("id", chatId).put("type", type);
    return "private".equals(type) ? chat.put("first_name", "User" + chatId) : chat.put("title", "Desk");
  }

  private JsonNode post(String path, JsonNode body) {
    return send(
        HttpRequest.newBuilder(baseUrl().resolve(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
            .build());
  }

  private JsonNode get(String path) {
    return send(HttpRequest.newBuilder(baseUrl().resolve(path)).GET().build());
  }

  private JsonNode send(HttpRequest request) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static List<JsonNode> list(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).toList();
  }

  private static int readPort(Process process) throws IOException {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> readLine(out));
    try {
      String first = line.get(30, TimeUnit.SECONDS);
      if (first == null) {
        throw new IllegalStateException("the emulator exited at start; see target/telegram-emulator.log");
      }
      return JSON.readTree(first).path("port").asInt();
    } catch (Exception e) {
      process.destroyForcibly();
      throw new IllegalStateException("the emulator did not start; see target/telegram-emulator.log", e);
    }
  }

  private static String readLine(BufferedReader reader) {
    try {
      return reader.readLine();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code npm install} in src/test/node once, when its packages are missing. */
  private static synchronized void installPackages() {
    if (Files.isDirectory(NODE_DIR.resolve("node_modules").resolve("telegram-test-api"))) {
      return;
    }
    List<String> command = new ArrayList<>(List.of("npm", "install", "--no-package-lock", "--no-audit", "--no-fund"));
    try {
      Process npm =
          new ProcessBuilder(command).directory(NODE_DIR.toFile()).redirectErrorStream(true).start();
      String output = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) {
        throw new IllegalStateException("npm install in " + NODE_DIR + " failed:\n" + output);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static boolean runs(String... command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getInputStream().readAllBytes();
      return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
