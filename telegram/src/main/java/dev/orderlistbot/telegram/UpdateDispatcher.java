package dev.orderlistbot.telegram;

import dev.orderlistbot.core.chat.ChatEvent;
import dev.orderlistbot.core.chat.OutboundMessage;
import dev.orderlistbot.core.port.in.ChatEventHandler;
import dev.orderlistbot.core.port.out.ChatDeliveryException;
import dev.orderlistbot.core.port.out.ChatPlatform;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.longpolling.interfaces.LongPollingUpdateConsumer;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * What the long-polling loop calls with each batch of updates, on its single polling thread, and
 * what the webhook calls with each update it takes, on the HTTP server's thread. It never blocks
 * that thread and never throws: TelegramBots' poller is a scheduled task, and one exception escaping
 * it would stop polling for good; the webhook answers Telegram only once this returns.
 *
 * <p>For each update, in order: a button press is acknowledged at once ({@code answerCallbackQuery}
 * is sent asynchronously, so the user's spinner stops); the update is translated; the event is
 * queued on its chat's lane and handed to core on a virtual thread, after the acknowledgement has
 * gone out. TelegramBots moves the offset past a batch before calling here, and the webhook drops an
 * {@code update_id} it already took ({@link RecentUpdates}), so each update is handed on once. If core throws (it promises not to), the failure is logged with a short reference
 * and the chat is told "Something went wrong (ref …)": never the exception's text.
 */
final class UpdateDispatcher implements LongPollingUpdateConsumer {
  static final String FALLBACK_REPLY = "Something went wrong (ref %s). Please try again.";
  private static final Logger log = LoggerFactory.getLogger(UpdateDispatcher.class);

  private final UpdateTranslator translator;
  private final Function<String, CompletableFuture<?>> acknowledge;
  private final Duration ackWait;
  private final ChatLanes lanes;
  private final ChatEventHandler handler;
  private final ChatPlatform replies;
  private final Redactor redactor;

  UpdateDispatcher(
      UpdateTranslator translator,
      Function<String, CompletableFuture<?>> acknowledge,
      Duration ackWait,
      ChatLanes lanes,
      ChatEventHandler handler,
      ChatPlatform replies,
      Redactor redactor) {
    this.translator = translator;
    this.acknowledge = acknowledge;
    this.ackWait = ackWait;
    this.lanes = lanes;
    this.handler = handler;
    this.replies = replies;
    this.redactor = redactor;
  }

  @Override
  public void consume(List<Update> updates) {
    for (Update update : updates) {
      try {
        dispatch(update);
      } catch (RuntimeException e) {
        log.error(
            "Telegram update {} not handed on (ref {})", update.getUpdateId(), reference(), redactor.scrub(e));
      }
    }
  }

  /** Nothing to release: the lanes and executor belong to the platform. */
  @Override
  public void close() {}

  private void dispatch(Update update) {
    CompletableFuture<?> acknowledged = CompletableFuture.completedFuture(null);
    if (update.getCallbackQuery() != null) {
      acknowledged = acknowledgeQuietly(update.getCallbackQuery().getId());
    }
    Optional<ChatEvent> event = translator.translate(update);
    if (event.isEmpty()) {
      log.debug("Telegram update {} ignored", update.getUpdateId());
      return;
    }
    CompletableFuture<?> ack = acknowledged;
    try {
      lanes.submit(event.get().chat().chatId(), () -> handOn(ack, event.get()));
    } catch (RejectedExecutionException e) {
      log.warn("Telegram update {} arrived while shutting down; not handled", update.getUpdateId());
    }
  }

  private CompletableFuture<?> acknowledgeQuietly(String callbackQueryId) {
    try {
      return acknowledge.apply(callbackQueryId);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private void handOn(CompletableFuture<?> acknowledged, ChatEvent event) {
    awaitAcknowledgement(acknowledged);
    try {
      handler.handle(event);
    } catch (RuntimeException e) {
      String ref = reference();
      log.error("Handling {} failed (ref {})", event, ref, redactor.scrub(e));
      tell(event, ref);
    }
  }

  private void awaitAcknowledgement(CompletableFuture<?> acknowledged) {
    try {
      acknowledged.get(ackWait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      // the press still counts: core answers in the chat either way
      log.warn("Telegram did not take a button acknowledgement: {}", redactor.describe(e.getCause() == null ? e : e.getCause()));
    }
  }

  private void tell(ChatEvent event, String ref) {
    try {
      replies.send(event.chat(), OutboundMessage.text(FALLBACK_REPLY.formatted(ref)));
    } catch (ChatDeliveryException e) {
      log.warn("Could not tell {} about failure ref {}: {}", event.chat(), ref, e.getMessage());
    }
  }

  private static String reference() {
    byte[] ref = new byte[2];
    ThreadLocalRandom.current().nextBytes(ref);
    return HexFormat.of().formatHex(ref);
  }
}
