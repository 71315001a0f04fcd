package dev.orderlistbot.telegram;

import dev.orderlistbot.core.chat.MessageRef;
import dev.orderlistbot.core.chat.OutboundMessage;
import dev.orderlistbot.core.port.out.ChatDeliveryException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.DeleteMessage;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * The text message after a photo that shows the rest of a caption too long for it: one per photo,
 * remembered in {@link ShownMessages}, edited by the next long caption edit and deleted when the
 * caption fits again, so a card edited N times leaves one rest message, not N.
 *
 * <p>Best effort: the caption edit it follows is done (the photo, its caption and its buttons), so
 * a failure here is logged (without the token: {@link DeliveryFailures} scrubs it) and never thrown;
 * an exception would make core send the whole card anew, two live cards. A rest that could not be
 * shown is shown by the next edit that changes the caption. Thread-safe.
 */
final class CaptionRest {
  private static final Logger log = LoggerFactory.getLogger(CaptionRest.class);
  private static final String NOT_MODIFIED = "message is not modified";

  private final TelegramClient client;
  private final DeliveryFailures failures;
  private final ShownMessages shown;
  private final MessageRenderer renderer = new MessageRenderer();

  CaptionRest(TelegramClient client, DeliveryFailures failures, ShownMessages shown) {
    this.client = client;
    this.failures = failures;
    this.shown = shown;
  }

  /** Shows {@code caption}'s rest after {@code photo}, whose caption was just edited to it. */
  void show(MessageRef photo, Caption caption) {
    Optional<Integer> before = shown.of(photo).flatMap(ShownMessages.Shown::rest);
    try {
      if (caption.complete()) {
        before.ifPresent(id -> delete(photo, id));
        shown.photoWithRest(photo, Optional.empty());
      } else if (before.isPresent() && edited(photo, before.get(), caption.rest())) {
        shown.photoWithRest(photo, before);
      } else {
        before.ifPresent(id -> delete(photo, id));
        shown.photoWithRest(photo, Optional.empty()); // gone, or unknown: never deleted twice
        shown.photoWithRest(photo, Optional.of(send(photo, caption.rest())));
      }
    } catch (TelegramApiException e) {
      log.warn("Telegram photo {} edited, but the rest of its caption not shown: {}", photo, failures.of("sendMessage", e).getMessage());
    } catch (RuntimeException e) {
      String why = e instanceof ChatDeliveryException ? e.getMessage() : e.getClass().getName();
      log.warn("Telegram photo {} edited, but the rest of its caption not shown: {}", photo, why);
    }
  }

  private boolean edited(MessageRef photo, int restId, String rest) {
    MessageRef message = new MessageRef(photo.chat(), Integer.toString(restId));
    try {
      client.execute(renderer.edit(message, OutboundMessage.text(rest)));
      return true;
    } catch (TelegramApiException e) {
      return DeliveryFailures.isBadRequest(e, NOT_MODIFIED);
    }
  }

  private int send(MessageRef photo, String rest) throws TelegramApiException {
    Message last = null;
    for (SendMessage request : renderer.send(photo.chat(), OutboundMessage.text(rest))) {
      last = client.execute(request);
    }
    if (last == null || last.getMessageId() == null) {
      throw ChatDeliveryException.permanent("Telegram answered sendMessage without a message id", null);
    }
    return last.getMessageId();
  }

  private void delete(MessageRef photo, int restId) {
    try {
      client.execute(DeleteMessage.builder().chatId(photo.chat().chatId()).messageId(restId).build());
    } catch (TelegramApiException e) {
      log.info("Telegram would not delete message {} (the rest of photo {}'s caption): {}",
          restId, photo, failures.of("deleteMessage", e).getMessage());
    }
  }
}
