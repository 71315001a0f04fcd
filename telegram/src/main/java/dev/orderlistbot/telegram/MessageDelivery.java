package dev.orderlistbot.telegram;

import dev.orderlistbot.core.chat.MessageRef;
import dev.orderlistbot.core.chat.OutboundMessage;
import dev.orderlistbot.core.chat.Picture;
import dev.orderlistbot.core.domain.ChatRef;
import dev.orderlistbot.core.port.out.ChatDeliveryException;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.DeleteMessage;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Sends, edits and deletes the bot's messages, texts and photos alike (core's {@link
 * dev.orderlistbot.core.port.out.ChatPlatform} contract, "Pictures").
 *
 * <p><b>Sending.</b> A message without a picture is one text message or several (split at 4096
 * characters, the buttons under the last). With a picture it is a photo whose caption is the text,
 * the buttons under it; a text too long for a caption (1024, judged on the string uploaded) goes out
 * as the photo alone followed by the text with the buttons, and the text's reference is answered:
 * that text is the message core edits from then on, and the photo before it shows its picture. If
 * the text fails, the photo is deleted (best effort) before the failure is thrown, so core's resend
 * leaves no orphan picture.
 *
 * <p><b>Which edit method.</b> Telegram edits a text with {@code editMessageText} and a photo with
 * {@code editMessageCaption} or {@code editMessageMedia}, and answers {@code 400} to the wrong one
 * ("there is no text in the message to edit", "there is no caption in the message to edit").
 * {@link ShownMessages} remembers, bounded and in memory, what each recent message is; an unknown
 * one is guessed from the edit and a {@code 400} of that kind switches to the other method once.
 * Edits of one message are serialised (a striped lock), so what is known is read and acted on at once.
 *
 * <p><b>Editing a photo.</b> With a picture: {@code editMessageMedia} (new PNG, caption, buttons);
 * without: {@code editMessageCaption} (caption and buttons, the photo stays). A text too long for a
 * caption is cut at a line break and ends with "…", and the rest is shown by one text message after
 * the photo ({@link CaptionRest}: edited by the next long edit, deleted when the caption fits again;
 * best effort, never failing the edit). The buttons stay under the photo, with the caption they
 * belong to, so no button (a stale Confirm) ever sits under an outdated caption.
 *
 * <p><b>Editing a text with a picture.</b> {@code editMessageMedia} adds media to a text message: a
 * text that fits a caption becomes a photo (picture, caption, buttons) and is a photo from then on;
 * a photo that showed its picture before is deleted. Only a text too long for a caption stays a text
 * (edited with its buttons) whose picture is shown by a photo of its own: the one sent before it, or
 * one reply photo sent once and replaced by later picture edits. A picture that cannot be shown there
 * is logged, never thrown (whatever the failure): the edit core asked for is done, and an exception
 * would make core show the text a second time.
 *
 * <p><b>After a restart</b> nothing is known: an edit with a picture that fits a caption is tried as
 * a photo edit (which a text takes too), any other as a text edit, and the 400 corrects the guess.
 * What differs from before: a separate picture photo or a caption's rest message sent before the
 * restart is unknown, so it is neither replaced nor deleted, and a later edit may add one beside it.
 *
 * <p>Failures are {@link ChatDeliveryException}s from {@link DeliveryFailures}: a photo Telegram
 * refuses ({@code 400 PHOTO_INVALID_DIMENSIONS}, …) is permanent, so core can send the text alone.
 * Thread-safe.
 */
final class MessageDelivery {
  private static final Logger log = LoggerFactory.getLogger(MessageDelivery.class);
  private static final int STRIPES = 256;
  private static final String NOT_MODIFIED = "message is not modified";
  private static final String NO_TEXT = "there is no text in the message to edit";
  private static final String NO_CAPTION = "there is no caption in the message to edit";
  private static final String NO_MEDIA = "there is no media in the message to edit";

  private final TelegramClient client;
  private final DeliveryFailures failures;
  private final MessageRenderer renderer = new MessageRenderer();
  private final ShownMessages shown;
  private final CaptionRest restOfCaption;
  private final ReentrantLock[] locks = new ReentrantLock[STRIPES];

  MessageDelivery(TelegramClient client, DeliveryFailures failures, ShownMessages shown) {
    this.client = client;
    this.failures = failures;
    this.shown = shown;
    this.restOfCaption = new CaptionRest(client, failures, shown);
    for (int i = 0; i < STRIPES; i++) {
      locks[i] = new ReentrantLock();
    }
  }

  MessageRef send(ChatRef chat, OutboundMessage message) {
    if (message.picture().isEmpty()) {
      MessageRef ref = sendText(chat, message);
      shown.text(ref);
      return ref;
    }
    Picture picture = message.picture().get();
    Caption caption = Caption.cut(message.text());
    if (caption.complete()) {
      Message photo =
          call("sendPhoto", () -> client.execute(PhotoRequests.send(
              chat, picture, Optional.of(caption.shown()), keyboardOrNone(message), Optional.empty())));
      MessageRef ref = ref(chat, photo, "sendPhoto");
      shown.photo(ref);
      return ref;
    }
    Message photo =
        call("sendPhoto", () -> client.execute(PhotoRequests.send(chat, picture, Optional.empty(), null, Optional.empty())));
    MessageRef photoRef = ref(chat, photo, "sendPhoto");
    MessageRef text;
    try {
      text = sendText(chat, message);
    } catch (RuntimeException e) {
      deleteOrphan(photoRef);
      throw e;
    }
    shown.textWithPicture(text, MessageRenderer.messageId(photoRef));
    return text;
  }

  /**
   * Best effort: the photo sent for a text that then failed; core sends the message again (or its
   * text alone), so a photo left behind would show the picture twice, without a card.
   */
  private void deleteOrphan(MessageRef photo) {
    try {
      deleteOne(photo);
    } catch (RuntimeException e) {
      log.warn("Telegram photo {} sent for a text that failed could not be deleted: {}", photo, e.getMessage());
    }
  }

  /**
   * Edits {@code message}. Edits of one message are serialised (core may edit a card from a chat's
   * lane and from a background sweep at once): what {@link ShownMessages} knows is read and acted on
   * under one lock, so two edits with a picture never send two photos.
   */
  void edit(MessageRef message, OutboundMessage replacement) {
    ReentrantLock lock = lockOf(message);
    lock.lock();
    try {
      editLocked(message, replacement);
    } finally {
      lock.unlock();
    }
  }

  /** One of {@value #STRIPES} locks, picked by the message: bounded, shared by unrelated messages only rarely. */
  private ReentrantLock lockOf(MessageRef message) {
    int hash = (message.chat().chatId() + "/" + message.messageId()).hashCode();
    return locks[Math.floorMod(hash, STRIPES)];
  }

  private void editLocked(MessageRef message, OutboundMessage replacement) {
    Optional<ShownMessages.Shown> known = shown.of(message);
    boolean fits = Caption.cut(replacement.text()).complete();
    // unknown (after a restart): guessed as it would be shown now, Telegram's 400 corrects the guess
    boolean photo = known.map(ShownMessages.Shown::photo).orElse(replacement.picture().isPresent() && fits);
    if (!photo && replacement.picture().isPresent() && fits) {
      // editMessageMedia adds media to a text: it becomes a photo, its picture's own photo goes
      editPhoto(message, replacement, true);
      if (shown.of(message).map(ShownMessages.Shown::photo).orElse(false)) {
        known.flatMap(ShownMessages.Shown::picture).ifPresent(id -> deletePicture(message, id));
      }
      return;
    }
    if (photo) {
      editPhoto(message, replacement, true);
    } else {
      editText(message, replacement, known.flatMap(ShownMessages.Shown::picture), true);
    }
  }

  /** Deletes the message and the photo that showed its picture or the rest of its caption, if any. */
  boolean delete(MessageRef message) {
    Optional<ShownMessages.Shown> known = shown.of(message);
    boolean deleted = deleteOne(message);
    if (deleted) {
      shown.forget(message);
      known.flatMap(ShownMessages.Shown::picture).ifPresent(id -> deletePicture(message, id));
      known.flatMap(ShownMessages.Shown::rest).ifPresent(id -> deletePicture(message, id));
    }
    return deleted;
  }

  /** Best effort: the message asked for is gone already; its photo is only what went with it. */
  private void deletePicture(MessageRef message, int photoId) {
    try {
      deleteOne(new MessageRef(message.chat(), Integer.toString(photoId)));
    } catch (ChatDeliveryException e) {
      log.warn("Telegram message {} deleted, but not the message {} that went with it: {}", message, photoId, e.getMessage());
    }
  }

  private void editPhoto(MessageRef message, OutboundMessage replacement, boolean mayFallBack) {
    Caption caption = Caption.cut(replacement.text());
    InlineKeyboardMarkup keyboard = MessageRenderer.keyboard(replacement.buttonRows());
    String method = replacement.picture().isPresent() ? "editMessageMedia" : "editMessageCaption";
    try {
      if (replacement.picture().isPresent()) {
        client.execute(PhotoRequests.media(message, replacement.picture().get(), Optional.of(caption.shown()), keyboard));
      } else {
        client.execute(PhotoRequests.caption(message, caption.shown(), keyboard));
      }
    } catch (TelegramApiException e) {
      if (mayFallBack && (DeliveryFailures.isBadRequest(e, NO_CAPTION) || DeliveryFailures.isBadRequest(e, NO_MEDIA))) {
        shown.text(message);
        editText(message, replacement, Optional.empty(), false);
        return;
      }
      if (DeliveryFailures.isBadRequest(e, NOT_MODIFIED)) {
        shown.photo(message);
        return; // shown already, with its rest (if any) after it
      }
      throw failures.of(method, e);
    }
    shown.photo(message);
    restOfCaption.show(message, caption);
  }

  private void editText(MessageRef message, OutboundMessage replacement, Optional<Integer> picture, boolean mayFallBack) {
    try {
      client.execute(renderer.edit(message, replacement));
    } catch (TelegramApiException e) {
      if (mayFallBack && DeliveryFailures.isBadRequest(e, NO_TEXT)) {
        shown.photo(message);
        editPhoto(message, replacement, false);
        return;
      }
      if (!DeliveryFailures.isBadRequest(e, NOT_MODIFIED)) {
        throw failures.of("editMessageText", e);
      }
    }
    shown.text(message);
    replacement.picture().ifPresent(p -> showPictureOf(message, p, picture));
  }

  /** The picture of the text {@code message}: its photo replaced, or a new photo replying to it. */
  private void showPictureOf(MessageRef message, Picture picture, Optional<Integer> photoId) {
    try {
      if (photoId.isPresent()) {
        MessageRef photo = new MessageRef(message.chat(), Integer.toString(photoId.get()));
        try {
          client.execute(PhotoRequests.media(photo, picture, Optional.empty(), null));
          return;
        } catch (TelegramApiException e) {
          if (!DeliveryFailures.isBadRequest(e, "message to edit not found")) {
            throw e;
          }
        }
      }
      int messageId = MessageRenderer.messageId(message);
      Message sent =
          client.execute(PhotoRequests.send(message.chat(), picture, Optional.empty(), null, Optional.of(messageId)));
      shown.textWithPicture(message, MessageRenderer.messageId(ref(message.chat(), sent, "sendPhoto")));
    } catch (TelegramApiException e) {
      log.warn("Telegram message {} edited, but its picture could not be shown: {}", message, failures.of("sendPhoto", e).getMessage());
    } catch (RuntimeException e) {
      // the edit core asked for is done: throwing would make core show the text a second time;
      // only a ChatDeliveryException's message is known to be free of the token
      String why = e instanceof ChatDeliveryException ? e.getMessage() : e.getClass().getName();
      log.warn("Telegram message {} edited, but its picture could not be shown: {}", message, why);
    }
  }

  private MessageRef sendText(ChatRef chat, OutboundMessage message) {
    Message last = null;
    for (SendMessage request : renderer.send(chat, message)) {
      last = call("sendMessage", () -> client.execute(request));
    }
    return ref(chat, last, "sendMessage");
  }

  private boolean deleteOne(MessageRef message) {
    DeleteMessage request =
        DeleteMessage.builder().chatId(message.chat().chatId()).messageId(MessageRenderer.messageId(message)).build();
    try {
      return Boolean.TRUE.equals(client.execute(request));
    } catch (TelegramApiException e) {
      ChatDeliveryException failure = failures.of("deleteMessage", e);
      if (failure.retryable()) {
        throw failure;
      }
      log.info("Telegram would not delete message {}: {}", message, failure.getMessage());
      return false;
    }
  }

  /** The message's buttons, or null for none (a new message needs no empty keyboard). */
  private static InlineKeyboardMarkup keyboardOrNone(OutboundMessage message) {
    return message.hasButtons() ? MessageRenderer.keyboard(message.buttonRows()) : null;
  }

  private static MessageRef ref(ChatRef chat, Message sent, String method) {
    if (sent == null || sent.getMessageId() == null) {
      throw ChatDeliveryException.permanent("Telegram answered " + method + " without a message id", null);
    }
    return new MessageRef(chat, Integer.toString(sent.getMessageId()));
  }

  private <T> T call(String method, TelegramCall<T> call) {
    try {
      return call.run();
    } catch (TelegramApiException e) {
      throw failures.of(method, e);
    }
  }

  /** One Bot API call. */
  @FunctionalInterface
  interface TelegramCall<T> {
    T run() throws TelegramApiException;
  }
}
