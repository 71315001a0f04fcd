package dev.orderlistbot.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A minimal Telegram Bot API on 127.0.0.1, enough for the bot's Telegram adapter (TelegramBots 10
 * client and long polling, JSON request bodies at {@code /bot<token>/<method>}): {@code getMe},
 * {@code deleteWebhook}, {@code setMyCommands}/{@code deleteMyCommands}, long-polled {@code
 * getUpdates} (held open up to the asked {@code timeout}, at most {@code limit} updates, forgetting
 * those below {@code offset}), {@code sendMessage}, {@code editMessageText}, {@code
 * editMessageReplyMarkup}, {@code answerCallbackQuery}, {@code deleteMessage} and {@code
 * sendChatAction} and {@code getChatMember} (everyone owns the group), answered with the real API's shapes (dates in seconds, a {@code Message} for sends
 * and edits). Another method, or another token, gets Telegram's 404 and is counted, so the load run
 * can report it. New messages are held to Telegram's flood limits ({@link TelegramLimits}): one
 * over a limit is not delivered and is answered 429 with {@code retry_after}, counted as {@code
 * 429:<limit>}; {@link #refuseOnce} makes one more such refusal on purpose. Users act through {@link #userSends} and {@link #userPresses}; everything the bot
 * sends or edits goes to the {@link Listener}. Thread-safe; each request runs on a virtual thread.
 */
final class FakeBotApi implements AutoCloseable {
  static final long BOT_ID = 7_000_000_001L;
  private static final Pattern PATH = Pattern.compile("^/bot([^/]+)/([A-Za-z]+)$");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> NEW_MESSAGES = Set.of("sendmessage", "sendphoto", "senddocument");

  /** What the bot sent ({@code sendMessage}) or changed ({@code editMessageText}) in a chat. */
  record BotMessage(String method, long chatId, int messageId, String text, JsonNode replyMarkup, long atNanos) {}

  /** Told of each bot message, on the request's thread, before the bot gets its answer. */
  @FunctionalInterface
  interface Listener {
    void botMessage(BotMessage message);
  }

  private final String token;
  private final Listener listener;
  private final HttpServer server;
  private final ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor();
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition arrived = lock.newCondition();
  private final ArrayDeque<ObjectNode> updates = new ArrayDeque<>();
  private final AtomicInteger messageIds = new AtomicInteger(1);
  private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();
  private final TelegramLimits limits = new TelegramLimits();
  private final AtomicReference<PlannedRefusal> planned = new AtomicReference<>();
  private int nextUpdateId = 1;
  private boolean closed;

  private FakeBotApi(String token, Listener listener) throws IOException {
    this.token = token;
    this.listener = listener;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
    server.setExecutor(requests);
    server.createContext("/", this::handle);
  }

  static FakeBotApi start(String token, Listener listener) throws IOException {
    FakeBotApi api = new FakeBotApi(token, listener);
    api.server.start();
    return api;
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** User {@code userId} writes {@code text} in the private chat with the bot. */
  void userSends(long userId, String text) {
    ObjectNode message = message(userId, user(userId), messageIds.getAndIncrement(), text);
    ArrayNode entities = message.putArray("entities");
    int command = text.indexOf(' ') < 0 ? text.length() : text.indexOf(' ');
    entities.addObject().put("offset", 0).put("length", command).put("type", "bot_command");
    enqueue("message", message);
  }

  /** User {@code userId} writes {@code text} in the group {@code groupId} (negative), where the bot is a member. */
  void userSendsInGroup(long userId, long groupId, String text) {
    ObjectNode message = message(groupId, user(userId), messageIds.getAndIncrement(), text);
    ((ObjectNode) message.get("chat")).removeAll().put("id", groupId).put("type", "supergroup").put("title", "Load test group");
    ArrayNode entities = message.putArray("entities");
    int command = text.indexOf(' ') < 0 ? text.length() : text.indexOf(' ');
    entities.addObject().put("offset", 0).put("length", command).put("type", "bot_command");
    enqueue("message", message);
  }

  /** User {@code userId} presses the button {@code data} under the bot's message {@code messageId}. */
  void userPresses(long userId, int messageId, String messageText, String data) {
    ObjectNode query = JSON.createObjectNode();
    query.put("id", "q" + userId + "-" + messageId);
    query.set("from", user(userId));
    query.set("message", message(userId, bot(), messageId, messageText));
    query.put("chat_instance", Long.toString(userId));
    query.put("data", data);
    enqueue("callback_query", query);
  }

  /**
   * The {@code nth} new message from now (1 is the next) to a private chat is refused with a 429
   * asking for {@code retryAfterSeconds}, whatever the limits say; {@code refused} is told its chat
   * and instant.
   */
  void refuseOnce(int nth, int retryAfterSeconds, BiConsumer<Long, Long> refused) {
    planned.set(new PlannedRefusal(new AtomicInteger(nth), retryAfterSeconds, refused));
  }

  private record PlannedRefusal(AtomicInteger countdown, int retryAfterSeconds, BiConsumer<Long, Long> refused) {}

  /** Whether the new message in {@code body} breaks a limit (or is the planned refusal); books it if not. */
  private Optional<TelegramLimits.Refusal> refusal(JsonNode body) {
    long chatId = body.path("chat_id").asLong();
    long now = System.nanoTime();
    PlannedRefusal plan = planned.get();
    if (plan != null && chatId > 0 && plan.countdown().decrementAndGet() == 0 && planned.compareAndSet(plan, null)) {
      plan.refused().accept(chatId, now);
      return Optional.of(new TelegramLimits.Refusal(TelegramLimits.Broken.PLANNED, plan.retryAfterSeconds()));
    }
    return limits.admit(chatId, now);
  }

  /** How often each method (lower case) was called; unknown methods appear as {@code unknown:<name>}. */
  Map<String, Long> calls() {
    Map<String, Long> counts = new TreeMap<>();
    calls.forEach((method, count) -> counts.put(method, count.sum()));
    return counts;
  }

  @Override
  public void close() {
    lock.lock();
    try {
      closed = true;
      arrived.signalAll();
    } finally {
      lock.unlock();
    }
    server.stop(0);
    requests.shutdownNow();
  }

  private void enqueue(String kind, ObjectNode content) {
    lock.lock();
    try {
      ObjectNode update = JSON.createObjectNode().put("update_id", nextUpdateId++);
      update.set(kind, content);
      updates.addLast(update);
      arrived.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      Matcher path = PATH.matcher(exchange.getRequestURI().getPath());
      JsonNode body = readBody(exchange);
      if (!path.matches() || !path.group(1).equals(token)) {
        count("unknown:" + exchange.getRequestURI().getPath().replaceAll("/bot[^/]+/", "/bot<token>/"));
        reply(exchange, 404, JSON.createObjectNode().put("ok", false).put("error_code", 404).put("description", "Not Found"));
        return;
      }
      String method = path.group(2).toLowerCase(Locale.ROOT); // TelegramBots asks for "getme", "sendmessage"…
      Optional<TelegramLimits.Refusal> refused = NEW_MESSAGES.contains(method) ? refusal(body) : Optional.empty();
      if (refused.isPresent()) {
        int wait = refused.get().retryAfterSeconds();
        TelegramLimits.Broken limit = refused.get().limit();
        count(limit == TelegramLimits.Broken.PLANNED ? "planned 429" : "429:" + limit.name().toLowerCase(Locale.ROOT));
        ObjectNode tooMany = JSON.createObjectNode().put("ok", false).put("error_code", 429)
            .put("description", "Too Many Requests: retry after " + wait);
        tooMany.putObject("parameters").put("retry_after", wait);
        reply(exchange, 429, tooMany);
        return;
      }
      JsonNode result = answer(method, body);
      count(result == null ? "unknown:" + method : method);
      if (result == null) {
        reply(exchange, 404, JSON.createObjectNode().put("ok", false).put("error_code", 404).put("description", "Not Found"));
      } else {
        ObjectNode ok = JSON.createObjectNode().put("ok", true);
        ok.set("result", result);
        reply(exchange, 200, ok);
      }
    }
  }

  /** The {@code result} for one Bot API call, or null for a method this fake does not know. */
  private JsonNode answer(String method, JsonNode body) {
    return switch (method) {
      case "getme" -> bot();
      case "getupdates" -> poll(body.path("offset").asInt(0), body.path("limit").asInt(100), body.path("timeout").asInt(0));
      case "sendmessage", "sendphoto" -> botMessage(method, body, messageIds.getAndIncrement());
      case "editmessagetext", "editmessagereplymarkup", "editmessagecaption", "editmessagemedia" ->
          botMessage(method, body, body.path("message_id").asInt());
      // every user of the load run owns the groups they write in
      case "getchatmember" -> JSON.createObjectNode().put("status", "creator").put("is_anonymous", false)
          .set("user", user(body.path("user_id").asLong()));
      case "deletewebhook", "setmycommands", "deletemycommands", "answercallbackquery", "deletemessage", "sendchataction" ->
          JSON.getNodeFactory().booleanNode(true);
      default -> null;
    };
  }

  private ObjectNode botMessage(String method, JsonNode body, int messageId) {
    long chatId = Long.parseLong(body.path("chat_id").asText());
    // a picture's text is its caption: sendPhoto and editMessageCaption give it so, editMessageMedia in its media
    String text = body.has("text") ? body.path("text").asText("")
        : body.has("caption") ? body.path("caption").asText("") : body.path("media").path("caption").asText("");
    ObjectNode message = message(chatId, bot(), messageId, text);
    JsonNode markup = body.get("reply_markup");
    if (markup != null && !markup.isNull()) {
      message.set("reply_markup", markup);
    }
    if (method.equals("sendphoto") || method.equals("editmessagemedia") || method.equals("editmessagecaption")) {
      message.put("caption", message.path("text").asText());
      message.putArray("photo").addObject()
          .put("file_id", "photo" + messageId).put("file_unique_id", "p" + messageId).put("width", 800).put("height", 450);
    }
    if (!method.startsWith("send")) {
      message.put("edit_date", Instant.now().getEpochSecond());
    }
    listener.botMessage(new BotMessage(method, chatId, messageId, message.path("text").asText(), markup, System.nanoTime()));
    return message;
  }

  /** Long polling: the updates from {@code offset} on, waiting up to {@code timeout} s for one. */
  private ArrayNode poll(int offset, int limit, int timeoutSeconds) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
    lock.lock();
    try {
      while (!updates.isEmpty() && updates.peekFirst().path("update_id").asInt() < offset) {
        updates.removeFirst(); // confirmed by the bot asking past it
      }
      long left = deadline - System.nanoTime();
      while (updates.isEmpty() && !closed && left > 0) {
        left = arrived.awaitNanos(left);
      }
      ArrayNode batch = JSON.createArrayNode();
      for (ObjectNode update : updates) {
        if (batch.size() >= Math.max(1, Math.min(limit, 100))) {
          break;
        }
        batch.add(update);
      }
      return batch;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return JSON.createArrayNode();
    } finally {
      lock.unlock();
    }
  }

  private void count(String method) {
    calls.computeIfAbsent(method, m -> new LongAdder()).increment();
  }

  private static ObjectNode message(long chatId, ObjectNode from, int messageId, String text) {
    ObjectNode message = JSON.createObjectNode().put("message_id", messageId);
    message.set("from", from);
    message.putObject("chat").put("id", chatId).put("type", "private").put("first_name", "Trader" + chatId);
    message.put("date", Instant.now().getEpochSecond()).put("text", text);
    return message;
  }

  private static ObjectNode user(long userId) {
    return JSON.createObjectNode().put("id", userId).put("is_bot", false).put("first_name", "Trader" + userId);
  }

  private static ObjectNode bot() {
    return JSON.createObjectNode()
        .put("id", BOT_ID)
        .put("is_bot", true)
        .put("first_name", "Load Test Bot")
        .put("username", "LoadTestBot");
  }

  /**
   * The call's parameters: its JSON body, or a picture upload's text fields (JSON-valued ones such as
   * {@code reply_markup} and {@code media} read as JSON). A caption is also given as {@code text}.
   */
  private static JsonNode readBody(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      byte[] bytes = in.readAllBytes();
      Optional<String> boundary = MultipartForm.boundary(exchange.getRequestHeaders().getFirst("Content-Type"));
      if (boundary.isEmpty()) {
        return bytes.length == 0 ? JSON.createObjectNode() : JSON.readTree(bytes);
      }
      ObjectNode fields = JSON.createObjectNode();
      for (Map.Entry<String, String> field : MultipartForm.fields(bytes, boundary.get()).entrySet()) {
        String value = field.getValue();
        fields.set(field.getKey(), value.startsWith("{") ? JSON.readTree(value) : JSON.getNodeFactory().textNode(value));
      }
      JsonNode caption = fields.has("caption") ? fields.get("caption") : fields.path("media").get("caption");
      if (caption != null && !fields.has("text")) {
        fields.set("text", caption);
      }
      return fields;
    }
  }

  private static void reply(HttpExchange exchange, int status, JsonNode body) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
