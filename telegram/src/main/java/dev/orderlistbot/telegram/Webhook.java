package dev.orderlistbot.telegram;

import com.sun.net.httpserver.HttpServer;
import dev.orderlistbot.core.port.out.ChatDeliveryException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.longpolling.interfaces.LongPollingUpdateConsumer;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Webhook mode: the JDK's HTTP server listens on {@code listenHost:listenPort} (behind the
 * operator's reverse proxy, which terminates TLS) and {@link WebhookRequests} answers Telegram's
 * calls. At start the server listens first, then {@code setWebhook} tells Telegram the URL, the
 * secret, the update types polling asks for and {@code drop_pending_updates=false} (updates queued
 * while the bot was away still come); a refusal stops the start.
 *
 * <p>At shutdown calls are answered {@code 503} (Telegram delivers them again), the listener closes
 * once the calls under way are answered, and the platform then lets the handed-on events finish. The
 * webhook is <em>not</em> deleted: other instances behind the same load balancer keep receiving, and
 * this one gets its queued updates when it is back.
 */
final class Webhook implements UpdateSource {
  private static final Logger log = LoggerFactory.getLogger(Webhook.class);
  private static final int STOP_WAIT_SECONDS = 2;
  private static final int SHORT_SECRET = 16;

  private final TelegramWebhookConfig settings;
  private final TelegramClient client;
  private final DeliveryFailures failures;
  private final Redactor redactor;
  private final RecentUpdates recent = new RecentUpdates();
  private HttpServer server;
  private ExecutorService threads;
  private WebhookRequests requests;

  Webhook(TelegramWebhookConfig settings, TelegramClient client, DeliveryFailures failures, Redactor redactor) {
    this.settings = settings;
    this.client = client;
    this.failures = failures;
    this.redactor = redactor;
  }

  @Override
  public void start(LongPollingUpdateConsumer dispatcher) {
    if (settings.secret().length() < SHORT_SECRET) {
      log.warn("The Telegram webhook secret is short; use 32 or more random characters (openssl rand -hex 32)");
    }
    requests =
        new WebhookRequests(
            settings.path(), settings.secret().bytes(), TelegramWebhookConfig.MAX_BODY_BYTES, dispatcher, recent);
    listen();
    try {
      Boolean set = client.execute(setWebhook());
      if (!Boolean.TRUE.equals(set)) {
        throw ChatDeliveryException.permanent("Telegram answered setWebhook without setting the webhook", null);
      }
    } catch (TelegramApiException e) {
      stop();
      throw failures.of("setWebhook", e);
    } catch (RuntimeException e) {
      stop();
      throw e;
    }
  }

  private void listen() {
    try {
      server = HttpServer.create(settings.listenAddress(), 64);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot listen on " + settings.listenHost() + ":" + settings.listenPort() + " for Telegram's webhook ("
              + redactor.describe(e) + ")",
          e);
    }
    threads = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("telegram-webhook-", 0).factory());
    server.setExecutor(threads);
    server.createContext("/", requests);
    server.start();
  }

  private SetWebhook setWebhook() {
    return SetWebhook.builder()
        .url(settings.url().toString())
        .secretToken(settings.secret().reveal())
        .allowedUpdates(PollRequests.ALLOWED_UPDATES)
        .dropPendingUpdates(false)
        .build();
  }

  @Override
  public void stop() {
    if (server == null) {
      return;
    }
    requests.closing();
    server.stop(STOP_WAIT_SECONDS); // returns once the calls under way are answered
    server = null;
    threads.shutdown();
    try {
      if (!threads.awaitTermination(Duration.ofSeconds(STOP_WAIT_SECONDS).toMillis(), TimeUnit.MILLISECONDS)) {
        log.warn("Telegram webhook calls still being answered after {} s", STOP_WAIT_SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Nothing: Telegram forgets an update once it got a {@code 200}, and the webhook stays set. */
  @Override
  public void settle() {}

  @Override
  public void release() {}

  @Override
  public String describe() {
    return "receiving updates by webhook at " + redactor.scrub(settings.url().toString()) + " (listening on "
        + settings.listenHost() + ":" + port() + ")";
  }

  private int port() {
    HttpServer listening = server;
    return listening == null ? settings.listenPort() : listening.getAddress().getPort();
  }
}
