package dev.orderlistbot.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderlistbot.core.chat.MessageRef;
import dev.orderlistbot.core.chat.OutboundMessage;
import dev.orderlistbot.core.domain.ChatRef;
import dev.orderlistbot.core.domain.UserRef;
import dev.orderlistbot.core.port.in.ChatEventHandler;
import dev.orderlistbot.core.port.out.ChatDeliveryException;
import dev.orderlistbot.core.port.out.ChatPlatform;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.methods.groupadministration.GetChatMember;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMember;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Telegram as a {@link ChatPlatform}, through the Bot API with TelegramBots: long polling ({@link
 * LongPolling}, the default) or a webhook ({@link Webhook}, when {@link TelegramConfig#webhook()} is
 * set) in, HTML-escaped messages with inline keyboards out, and photos for messages with a picture
 * ({@link MessageDelivery}).
 *
 * <p><b>Life cycle.</b> Construct it (no network), ask {@link #botUsername()} (one {@code getMe},
 * which also proves the token) to build core's command parser, then {@link #start} with core's
 * handler: it registers the command menus ({@code setMyCommands}, private chats and groups) and
 * starts receiving updates. {@link #close()} stops receiving, lets events already handed on finish,
 * and (polling) tells Telegram which updates were handled, so a restart neither loses nor replays
 * one; a webhook stays set.
 *
 * <p><b>Failures.</b> Sending, editing and deleting throw {@link ChatDeliveryException} only:
 * {@code 429} carries Telegram's {@code retry_after}; network errors and {@code 5xx} are retryable;
 * other refusals ({@code 400 chat not found}, {@code 403 bot was blocked}) are permanent. Editing a
 * message into what it already shows counts as done. No message, log line or cause holds the token.
 *
 * <p><b>Threads.</b> Thread-safe; sends block the caller (fine on virtual threads). Updates are
 * handed to core on the handler executor (virtual threads unless the app passes its own), one at a
 * time per chat; polling runs on one daemon thread, a webhook's calls on the HTTP server's virtual
 * threads, and core's work blocks neither.
 */
public final class TelegramChatPlatform implements ChatPlatform, AutoCloseable {
  public static final String PLATFORM = UpdateTranslator.PLATFORM;
  private static final Logger log = LoggerFactory.getLogger(TelegramChatPlatform.class);
  private static final Duration DRAIN = Duration.ofSeconds(10);

  private final TelegramConfig config;
  private final Redactor redactor;
  private final DeliveryFailures failures;
  private final OkHttpClient http;
  private final TelegramClient client;
  private final MessageDelivery delivery;
  private final ExecutorService handlers;
  private final boolean ownsHandlers;
  private final ChatLanes lanes;
  private final Object lifecycle = new Object();
  private volatile String username;
  private final UpdateSource updates;
  private boolean started;
  private boolean closed;

  /** An adapter that hands updates to core on virtual threads of its own. */
  public TelegramChatPlatform(TelegramConfig config) {
    this(config, Executors.newVirtualThreadPerTaskExecutor(), true);
  }

  /** An adapter that hands updates to core on {@code handlers}, which the caller owns. */
  public TelegramChatPlatform(TelegramConfig config, ExecutorService handlers) {
    this(config, handlers, false);
  }

  private TelegramChatPlatform(TelegramConfig config, ExecutorService handlers, boolean ownsHandlers) {
    this.config = Objects.requireNonNull(config, "config");
    this.handlers = Objects.requireNonNull(handlers, "handlers");
    this.ownsHandlers = ownsHandlers;
    this.redactor = new Redactor(config.token(), config.webhook().map(TelegramWebhookConfig::secret));
    this.failures = new DeliveryFailures(redactor);
    this.http = httpClient(config, redactor);
    this.client =
        new OkHttpTelegramClient(new ObjectMapper(), http, config.token().reveal(), config.telegramUrl());
    this.lanes = new ChatLanes(handlers);
    this.delivery = new MessageDelivery(client, failures, new ShownMessages());
    this.updates =
        config.webhook().<UpdateSource>map(webhook -> new Webhook(webhook, client, failures, redactor))
            .orElseGet(() -> new LongPolling(config, http, client, failures, redactor));
  }

  @Override
  public String platform() {
    return PLATFORM;
  }

  /**
   * The bot's username from {@code getMe}, without {@code @} (core's parser needs it for {@code
   * /oco@BotName} in groups). Asked once, then remembered.
   *
   * @throws ChatDeliveryException permanent for a token Telegram refuses, retryable when Telegram
   *     cannot be reached
   */
  public String botUsername() {
    String known = username;
    if (known != null) {
      return known;
    }
    User me = call("getMe", () -> client.execute(new GetMe()));
    if (me == null || me.getUserName() == null || me.getUserName().isBlank()) {
      throw ChatDeliveryException.permanent("Telegram getMe answered without the bot's username", null);
    }
    username = me.getUserName();
    return username;
  }

  /**
   * Registers the command menus and starts receiving updates (long polling, or the webhook: listen,
   * then {@code setWebhook}), handing each user action to {@code handler}. Call once.
   *
   * @throws ChatDeliveryException when Telegram refuses the token or the webhook, or cannot be
   *     reached at start
   * @throws java.io.UncheckedIOException in webhook mode, when the listen address cannot be bound
   */
  public void start(ChatEventHandler handler) {
    Objects.requireNonNull(handler, "handler");
    synchronized (lifecycle) {
      if (closed || started) {
        throw new IllegalStateException(closed ? "the Telegram adapter is closed" : "already started");
      }
      botUsername();
      registerCommands();
      UpdateDispatcher dispatcher =
          new UpdateDispatcher(
              new UpdateTranslator(), this::acknowledge, config.requestTimeout(), lanes, handler, this, redactor);
      updates.start(dispatcher);
      started = true;
      log.info("Telegram bot @{} is {}", username, updates.describe());
    }
  }

  @Override
  public MessageRef send(ChatRef chat, OutboundMessage message) {
    requireTelegram(chat);
    return delivery.send(chat, message);
  }

  /**
   * Replaces the text and buttons of a message, and its picture when {@code replacement} has one;
   * see {@link MessageDelivery} for photos, long captions and texts given a picture.
   */
  @Override
  public void edit(MessageRef message, OutboundMessage replacement) {
    requireTelegram(message.chat());
    delivery.edit(message, replacement);
  }

  @Override
  public boolean delete(MessageRef message) {
    requireTelegram(message.chat());
    return delivery.delete(message);
  }

  /**
   * Asks Telegram ({@code getChatMember}) whether {@code user} is the creator or an administrator
   * of the group; a private chat is the user's own. Telegram answers for groups and supergroups the
   * bot is in.
   */
  @Override
  public Optional<Boolean> isAdmin(ChatRef chat, UserRef user) {
    requireTelegram(chat);
    if (chat.chatId().equals(user.userId())) {
      return Optional.of(true);
    }
    long userId;
    try {
      userId = Long.parseLong(user.userId());
    } catch (NumberFormatException e) {
      return Optional.of(false); // not a Telegram user id: nobody Telegram knows
    }
    GetChatMember request = GetChatMember.builder().chatId(chat.chatId()).userId(userId).build();
    ChatMember member = call("getChatMember", () -> client.execute(request));
    String status = member == null ? "" : member.getStatus();
    return Optional.of(status.equals("creator") || status.equals("administrator"));
  }

  /**
   * Stops receiving for good while sending goes on: another instance took over the long polling
   * (one poller per token). Waits (a little) for the events already handed to core and confirms the
   * handled updates. {@link #start} cannot run again. Idempotent.
   */
  public void stopReceiving() {
    synchronized (lifecycle) {
      if (closed || !started) {
        return;
      }
      updates.stop();
      if (!lanes.drain(DRAIN)) {
        log.warn("Telegram events still being handled after {}; receiving stopped anyway", DRAIN);
      }
      updates.settle();
    }
  }

  /**
   * Stops receiving (polling ends; the webhook's listener answers the calls under way, then closes),
   * waits (a little) for events already handed to core, confirms the handled updates to Telegram
   * when polling (a webhook is left set, for the other instances) and releases the HTTP clients.
   * Idempotent.
   */
  @Override
  public void close() {
    synchronized (lifecycle) {
      if (closed) {
        return;
      }
      closed = true;
      if (started) {
        updates.stop();
        if (!lanes.drain(DRAIN)) {
          log.warn("Telegram events still being handled after {}; closing anyway", DRAIN);
        }
        updates.settle();
      }
      if (ownsHandlers) {
        handlers.shutdown();
      }
      updates.release();
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }

  private CompletableFuture<?> acknowledge(String callbackQueryId) {
    try {
      return client.executeAsync(AnswerCallbackQuery.builder().callbackQueryId(callbackQueryId).build());
    } catch (TelegramApiException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private void registerCommands() {
    for (SetMyCommands menu : List.of(CommandMenu.forPrivateChats(), CommandMenu.forGroups())) {
      try {
        client.execute(menu);
      } catch (TelegramApiException e) {
        // the menu is a convenience: typed commands work without it
        log.warn(
            "Telegram command menu for {} not registered: {}",
            menu.getScope().getType(),
            failures.of("setMyCommands", e).getMessage());
      }
    }
  }

  private <T> T call(String method, MessageDelivery.TelegramCall<T> call) {
    try {
      return call.run();
    } catch (TelegramApiException e) {
      throw failures.of(method, e);
    }
  }

  private static void requireTelegram(ChatRef chat) {
    if (!PLATFORM.equals(chat.platform())) {
      throw new IllegalArgumentException("not a Telegram chat: " + chat);
    }
  }

  private static OkHttpClient httpClient(TelegramConfig config, Redactor redactor) {
    Duration timeout = config.requestTimeout();
    return new OkHttpClient.Builder()
        .addInterceptor(new RedactingInterceptor(redactor))
        .connectTimeout(timeout)
        .readTimeout(timeout)
        .writeTimeout(timeout)
        .callTimeout(timeout)
        .build();
  }
}
