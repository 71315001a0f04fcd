package dev.orderlistbot.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Telegram for several bot instances in webhook mode, on loopback: the Bot API the instances call
 * ({@code getMe}, {@code setWebhook}, {@code sendMessage}, edits, …, answered in the real API's
 * shapes and recorded per chat), and Telegram's side of the webhook behind a reverse proxy: each
 * user action is POSTed, with the secret header, to one live instance picked at random; an instance
 * that does not answer is taken out and the update goes to another, as a proxy with health checks
 * does. Thread-safe.
 */
final class WebhookTelegram implements AutoCloseable {
  static final String BOT_USERNAME = "OrderListItBot";
  private static final Pattern PATH = Pattern.compile("^/bot([^/]+)/([A-Za-z]+)$");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> ANSWERED_TRUE =
      Set.of("setmycommands", "deletemycommands", "setwebhook", "deletewebhook", "answercallbackquery", "deletemessage", "sendchataction");

  /** What the bot sent or changed in a chat: the text as it stands after the call, and its buttons. */
  record Shown(String method, int messageId, String text, JsonNode buttons) {}

  private final String token;
  private final String secret;
  private final HttpServer server;
  private final ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).executor(requests).build();
  private final Map<Long, List<Shown>> chats = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
  private final List<URI> live = new CopyOnWriteArrayList<>();
  private final AtomicInteger messageIds = new AtomicInteger(1);
  private final AtomicInteger updateIds = new AtomicInteger(1);

  private WebhookTelegram(String token, String secret) throws IOException {
    this.token = token;
    this.secret = secret;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
    server.setExecutor(requests);
    server.createContext("/", this::handle);
  }

  static WebhookTelegram start(String token, String secret) throws IOException {
    WebhookTelegram telegram = new WebhookTelegram(token, secret);
    telegram.server.start();
    return telegram;
  }

  String apiUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The proxy sends updates to {@code webhook} from now on. */
  void addInstance(URI webhook) {
    live.add(webhook);
  }

  /** The proxy stops sending to {@code webhook} (the instance is gone). */
  void removeInstance(URI webhook) {
    live.remove(webhook);
  }

  /** User {@code userId} writes {@code text} in the private chat with the bot. */
  void userSends(long userId, String text) throws InterruptedException {
    ObjectNode message = message(userId, user(userId), messageIds.getAndIncrement(), text);
    int command = text.indexOf(' ') < 0 ? text.length() : text.indexOf(' ');
    message.putArray("entities").addObject().put("offset", 0).put("length", command).put("type", "bot_command");
    deliver("message", message);
  }

  /** User {@code userId} presses the button {@code data} under the bot's message {@code shown}. */
  void userPresses(long userId, Shown shown, String data) throws InterruptedException {
    ObjectNode query = JSON.createObjectNode();
    query.put("id", "q" + userId + "-" + shown.messageId() + "-" + updateIds.get());
    query.set("from", user(userId));
    query.set("message", message(userId, bot(), shown.messageId(), shown.text()));
    query.put("chat_instance", Long.toString(userId));
    query.put("data", data);
    deliver("callback_query", query);
  }

  /** What the bot showed in the private chat of {@code userId}, in order (edits as entries of their own). */
  List<Shown> shown(long userId) {
    return List.copyOf(chats.getOrDefault(userId, List.of()));
  }

  /** How often each Bot API method (lower case) was called; another token's or an unknown method's calls as {@code unknown:…}. */
  Map<String, Integer> calls() {
    Map<String, Integer> counts = new java.util.TreeMap<>();
    calls.forEach((method, count) -> counts.put(method, count.get()));
    return counts;
  }

  @Override
  public void close() {
    server.stop(0);
    requests.shutdownNow();
  }

  /** POSTs the update to a live instance; one that cannot be reached is taken out and the next tried. */
  private void deliver(String kind, ObjectNode content) throws InterruptedException {
    ObjectNode update = JSON.createObjectNode().put("update_id", updateIds.getAndIncrement());
    update.set(kind, content);
    byte[] body = update.toString().getBytes(StandardCharsets.UTF_8);
    List<URI> tried = new ArrayList<>();
    while (true) {
      List<URI> candidates = new ArrayList<>(live);
      candidates.removeAll(tried);
      if (candidates.isEmpty()) {
        throw new IllegalStateException("no bot instance answered update " + update.path("update_id"));
      }
      URI target = candidates.get(ThreadLocalRandom.current().nextInt(candidates.size()));
      tried.add(target);
      HttpRequest request = HttpRequest.newBuilder(target)
          .timeout(Duration.ofSeconds(10))
          .header("Content-Type", "application/json")
          .header("X-Telegram-Bot-Api-Secret-Token", secret)
          .POST(HttpRequest.BodyPublishers.ofByteArray(body))
          .build();
      try {
        HttpResponse<Void> answer = http.send(request, HttpResponse.BodyHandlers.discarding());
        if (answer.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // the instance is gone (or hung): the proxy tries another
      }
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      Matcher path = PATH.matcher(exchange.getRequestURI().getPath());
      byte[] body = exchange.getRequestBody().readAllBytes();
      String type = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
      // setWebhook comes as multipart form data (it may carry a certificate): only its answer matters here
      JsonNode request = type.contains("json") && body.length > 0 ? JSON.readTree(body) : JSON.createObjectNode();
      if (!path.matches() || !path.group(1).equals(token)) {
        calls.computeIfAbsent("unknown:" + exchange.getRequestURI().getPath(), k -> new AtomicInteger()).incrementAndGet();
        answer(exchange, 404, "{\"ok\":false,\"error_code\":404,\"description\":\"Not Found\"}");
        return;
      }
      String method = path.group(2).toLowerCase(java.util.Locale.ROOT);
      calls.computeIfAbsent(method, k -> new AtomicInteger()).incrementAndGet();
      switch (method) {
        case "getme" -> answer(exchange, 200, ok(bot().put("can_join_groups", true)));
        case "sendmessage" -> {
          int id = messageIds.getAndIncrement();
          answer(exchange, 200, ok(record("sendMessage", request, id)));
        }
        case "editmessagetext", "editmessagereplymarkup" -> answer(exchange, 200, ok(record(method, request, request.path("message_id").asInt())));
        case "getwebhookinfo" -> answer(exchange, 200, ok(JSON.createObjectNode().put("url", "").put("pending_update_count", 0)));
        default -> {
          if (ANSWERED_TRUE.contains(method)) {
            answer(exchange, 200, "{\"ok\":true,\"result\":true}");
          } else {
            calls.computeIfAbsent("unknown:" + method, k -> new AtomicInteger()).incrementAndGet();
            answer(exchange, 404, "{\"ok\":false,\"error_code\":404,\"description\":\"Not Found: method not found\"}");
          }
        }
      }
    }
  }

  /** Records what the bot showed and answers the {@code Message} the API returns. */
  private ObjectNode record(String method, JsonNode request, int messageId) {
    long chatId = request.path("chat_id").asLong();
    String text = request.path("text").asText("");
    chats.computeIfAbsent(chatId, id -> Collections.synchronizedList(new ArrayList<>()))
        .add(new Shown(method, messageId, text, request.path("reply_markup").path("inline_keyboard")));
    ObjectNode message = message(chatId, bot(), messageId, text);
    if (request.has("reply_markup")) {
      message.set("reply_markup", request.get("reply_markup"));
    }
    return message;
  }

  private static ObjectNode message(long chatId, ObjectNode from, int messageId, String text) {
    ObjectNode message = JSON.createObjectNode();
    message.put("message_id", messageId);
    message.set("from", from);
    message.set("chat", JSON.createObjectNode().put("id", chatId).put("type", "private").put("first_name", "User" + chatId));
    message.put("date", Instant.now().getEpochSecond());
    message.put("text", text);
    return message;
  }

  private static ObjectNode user(long userId) {
    return JSON.createObjectNode().put("id", userId).put("is_bot", false).put("first_name", "User" + userId);
  }

  private static ObjectNode bot() {
    return JSON.createObjectNode().put("id", 7_000_000_002L).put("is_bot", true).put("first_name", "OrderList").put("username", BOT_USERNAME);
  }

  private static String ok(JsonNode result) {
    return JSON.createObjectNode().put("ok", true).set("result", result).toString();
  }

  private static void answer(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
