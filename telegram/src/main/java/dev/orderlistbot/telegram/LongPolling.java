package dev.orderlistbot.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.longpolling.BotSession;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.interfaces.LongPollingUpdateConsumer;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Long polling with TelegramBots, on one daemon thread that core's work never blocks. At start
 * TelegramBots calls {@code deleteWebhook} (without dropping pending updates): Telegram answers
 * {@code getUpdates} only while no webhook is set, so an instance switched back from webhook mode
 * takes the updates over. At shutdown it tells Telegram which updates were handled ({@link
 * #settle}), so a restart neither loses nor replays one.
 */
final class LongPolling implements UpdateSource {
  private static final Logger log = LoggerFactory.getLogger(LongPolling.class);

  private final TelegramConfig config;
  private final TelegramClient client;
  private final DeliveryFailures failures;
  private final Redactor redactor;
  private final OkHttpClient pollHttp;
  private TelegramBotsLongPollingApplication polling;
  private ScheduledExecutorService pollThread;
  private BotSession session;

  LongPolling(TelegramConfig config, OkHttpClient http, TelegramClient client, DeliveryFailures failures, Redactor redactor) {
    this.config = config;
    this.client = client;
    this.failures = failures;
    this.redactor = redactor;
    this.pollHttp = pollingClient(http, config);
  }

  @Override
  public void start(LongPollingUpdateConsumer dispatcher) {
    pollThread =
        Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("telegram-polling").daemon(true).factory());
    polling = new TelegramBotsLongPollingApplication(ObjectMapper::new, () -> pollHttp, () -> pollThread, PollBackOff::new);
    try {
      session =
          polling.registerBot(
              config.token().reveal(),
              config::telegramUrl,
              new PollRequests(config.pollTimeout(), config.minPollInterval()),
              dispatcher);
    } catch (TelegramApiException e) {
      stop();
      throw failures.of("deleteWebhook", e);
    }
  }

  @Override
  public void stop() {
    if (polling == null) {
      return;
    }
    try {
      polling.close();
    } catch (Exception e) {
      log.warn("Stopping Telegram polling: {}", redactor.describe(e));
    }
    polling = null;
    pollHttp.dispatcher().cancelAll();
    pollThread.shutdownNow();
    try {
      if (!pollThread.awaitTermination(5, TimeUnit.SECONDS)) {
        log.warn("Telegram polling thread did not stop within 5 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Telegram forgets updates only when a later {@code getUpdates} asks from past them; without this
   * the last batch would come again after a restart. Updates this call returns stay unconfirmed.
   */
  @Override
  public void settle() {
    int last = session == null ? 0 : session.getLastReceivedUpdate().get();
    if (last <= 0) {
      return;
    }
    try {
      client.execute(new GetUpdates(last + 1, 1, 0, PollRequests.ALLOWED_UPDATES));
    } catch (TelegramApiException e) {
      log.warn(
          "Could not confirm Telegram updates up to {}; they may come again after a restart: {}",
          last,
          failures.of("getUpdates", e).getMessage());
    }
  }

  @Override
  public void release() {
    pollHttp.dispatcher().executorService().shutdown();
  }

  @Override
  public String describe() {
    return "polling for updates";
  }

  /** Like {@code http}, but waits out a long poll, and has its own dispatcher to cancel it alone. */
  private static OkHttpClient pollingClient(OkHttpClient http, TelegramConfig config) {
    Duration wait = config.pollTimeout().plus(config.requestTimeout());
    return http.newBuilder().dispatcher(new Dispatcher()).readTimeout(wait).callTimeout(wait).build();
  }
}
