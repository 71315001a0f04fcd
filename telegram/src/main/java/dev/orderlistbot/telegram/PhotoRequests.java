package dev.orderlistbot.telegram;

import dev.orderlistbot.core.chat.MessageRef;
import dev.orderlistbot.core.chat.Picture;
import dev.orderlistbot.core.domain.ChatRef;
import java.io.ByteArrayInputStream;
import java.util.Optional;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageCaption;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageMedia;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.ReplyParameters;
import org.telegram.telegrambots.meta.api.objects.media.InputMediaPhoto;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;

/**
 * The Bot API requests that show a {@link Picture}: {@code sendPhoto} and {@code editMessageMedia}
 * upload the PNG under its file name (multipart), {@code editMessageCaption} changes what is under a
 * photo. Captions are plain text escaped for HTML parse mode like every text ({@link
 * MessageRenderer#html}); a caption must already fit ({@link Caption}).
 */
final class PhotoRequests {
  private PhotoRequests() {}

  /**
   * A photo with {@code caption} (none: the photo alone) and {@code keyboard} (null: none), as a
   * reply to {@code replyTo} when given.
   */
  static SendPhoto send(
      ChatRef chat, Picture picture, Optional<String> caption, InlineKeyboardMarkup keyboard, Optional<Integer> replyTo) {
    return SendPhoto.builder()
        .chatId(chat.chatId())
        .photo(new InputFile(new ByteArrayInputStream(picture.bytes()), picture.fileName()))
        .caption(caption.map(MessageRenderer::html).orElse(null))
        .parseMode(caption.isPresent() ? ParseMode.HTML : null)
        .replyMarkup(keyboard)
        .replyParameters(
            replyTo.map(id -> ReplyParameters.builder().messageId(id).allowSendingWithoutReply(true).build()).orElse(null))
        .build();
  }

  /**
   * The photo of {@code target} replaced by {@code picture}, with {@code caption} (none removes it)
   * and {@code keyboard} (the empty keyboard removes the buttons).
   */
  static EditMessageMedia media(
      MessageRef target, Picture picture, Optional<String> caption, InlineKeyboardMarkup keyboard) {
    InputMediaPhoto photo = new InputMediaPhoto(new ByteArrayInputStream(picture.bytes()), picture.fileName());
    caption.ifPresent(
        text -> {
          photo.setCaption(MessageRenderer.html(text));
          photo.setParseMode(ParseMode.HTML);
        });
    return EditMessageMedia.builder()
        .chatId(target.chat().chatId())
        .messageId(MessageRenderer.messageId(target))
        .media(photo)
        .replyMarkup(keyboard)
        .build();
  }

  /** The caption and buttons under the photo {@code target}; the photo stays. */
  static EditMessageCaption caption(MessageRef target, String caption, InlineKeyboardMarkup keyboard) {
    return EditMessageCaption.builder()
        .chatId(target.chat().chatId())
        .messageId(MessageRenderer.messageId(target))
        .caption(MessageRenderer.html(caption))
        .parseMode(ParseMode.HTML)
        .replyMarkup(keyboard)
        .build();
  }
}
