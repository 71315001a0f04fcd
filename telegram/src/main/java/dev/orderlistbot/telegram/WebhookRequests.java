package dev.orderlistbot.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.longpolling.interfaces.LongPollingUpdateConsumer;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Answers Telegram's webhook calls: {@code POST <path>} with {@code X-Telegram-Bot-Api-Secret-Token}
 * and one Update as JSON. In this order:
 *
 * <ul>
 *   <li>another path: {@code 404}; another method: {@code 405};
 *   <li>the secret header missing or wrong (compared in constant time): {@code 401}, and the body is
 *       not read;
 *   <li>while shutting down: {@code 503}, so Telegram delivers the update again (to another instance
 *       behind the load balancer, or to this one after its restart);
 *   <li>a body over {@link TelegramWebhookConfig#MAX_BODY_BYTES}: {@code 413}; not a JSON update:
 *       {@code 400};
 *   <li>an {@code update_id} this instance already took within {@link RecentUpdates#WINDOW}: {@code
 *       200}, dropped (Telegram sends an update again when a {@code 200} got lost on the way);
 *   <li>otherwise the update goes to the dispatcher, the same path polling uses (per-chat lanes, the
 *       handler executor), and the answer is {@code 200} at once: the handler's work and its reply
 *       never hold the answer up, since Telegram treats a slow webhook as failed and sends again.
 * </ul>
 *
 * <p>Across instances, a re-delivery that lands elsewhere is handled there too; a button press is
 * still carried out once, because core claims each press in the database. Nothing of the body or
 * the secret is logged. Thread-safe; runs on the HTTP server's threads.
 */
final class WebhookRequests implements HttpHandler {
  static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";
  private static final Logger log = LoggerFactory.getLogger(WebhookRequests.class);
  private static final long WARN_EVERY_NANOS = 60_000_000_000L;

  private final String path;
  private final byte[] secret;
  private final int maxBodyBytes;
  private final LongPollingUpdateConsumer dispatcher;
  private final RecentUpdates recent;
  private final AtomicLong lastRefusalWarning = new AtomicLong(System.nanoTime() - WARN_EVERY_NANOS);
  private volatile boolean closing;

  WebhookRequests(String path, byte[] secret, int maxBodyBytes, LongPollingUpdateConsumer dispatcher, RecentUpdates recent) {
    this.path = path;
    this.secret = secret.clone();
    this.maxBodyBytes = maxBodyBytes;
    this.dispatcher = dispatcher;
    this.recent = recent;
  }

  /** From now on every call is answered {@code 503}, and so delivered again later. */
  void closing() {
    closing = true;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      exchange.sendResponseHeaders(answer(exchange), -1);
    }
  }

  private int answer(HttpExchange exchange) throws IOException {
    if (!exchange.getRequestURI().getRawPath().equals(path)) {
      return 404;
    }
    if (!exchange.getRequestMethod().equals("POST")) {
      exchange.getResponseHeaders().set("Allow", "POST");
      return 405;
    }
    if (!secretMatches(exchange.getRequestHeaders().getFirst(SECRET_HEADER))) {
      warnOfRefusal();
      return 401;
    }
    if (closing) {
      return 503;
    }
    String length = exchange.getRequestHeaders().getFirst("Content-Length");
    if (length != null && declaredTooLong(length)) {
      return 413;
    }
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readNBytes(maxBodyBytes + 1);
    }
    if (body.length > maxBodyBytes) {
      return 413;
    }
    return take(body);
  }

  private int take(byte[] body) {
    JsonNode node;
    try {
      node = PollRequests.MAPPER.readTree(body);
    } catch (IOException e) {
      log.debug("Telegram webhook: refused a body that is not JSON ({})", e.getClass().getSimpleName());
      return 400;
    }
    if (node == null || !node.isObject() || !node.path("update_id").canConvertToInt()) {
      return 400;
    }
    Update update = PollRequests.readOne(node);
    if (!recent.firstTime(update.getUpdateId())) {
      log.debug("Telegram update {} delivered again; already taken, dropped", update.getUpdateId());
      return 200;
    }
    dispatcher.consume(List.of(update)); // never blocks, never throws
    return 200;
  }

  private boolean secretMatches(String header) {
    return header != null && MessageDigest.isEqual(secret, header.getBytes(StandardCharsets.UTF_8));
  }

  private boolean declaredTooLong(String length) {
    try {
      return Long.parseLong(length.strip()) > maxBodyBytes;
    } catch (NumberFormatException e) {
      return false; // read and counted below
    }
  }

  /** At most once a minute: a proxy that drops the header would otherwise silence the bot unseen. */
  private void warnOfRefusal() {
    long now = System.nanoTime();
    long last = lastRefusalWarning.get();
    if (now - last >= WARN_EVERY_NANOS && lastRefusalWarning.compareAndSet(last, now)) {
      log.warn(
          "Telegram webhook: refused a call without the right {} header (401). If updates stop arriving, check that"
              + " the proxy passes that header on and that the secret matches the one set at start-up",
          SECRET_HEADER);
    }
  }
}
