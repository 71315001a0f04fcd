package dev.orderlistbot.telegram;

import dev.orderlistbot.core.chat.ChatEvent;
import dev.orderlistbot.core.chat.ChatKind;
import dev.orderlistbot.core.chat.MessageRef;
import dev.orderlistbot.core.domain.ChatRef;
import dev.orderlistbot.core.domain.UserRef;
import java.util.Optional;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.chat.Chat;
import org.telegram.telegrambots.meta.api.objects.message.MaybeInaccessibleMessage;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * A Telegram {@link Update} as a platform-neutral {@link ChatEvent}, or nothing. A pure function.
 *
 * <ul>
 *   <li>a text message from a person: {@link ChatEvent.TextMessage} (a group command arrives as
 *       typed, {@code /oco@BotName …}; core's parser knows the bot's name);
 *   <li>a button press under a message: {@link ChatEvent.ButtonPressed} carrying the callback data,
 *       which is the opaque token core put there;
 *   <li>everything else: nothing. Edited messages (an edit must not place a second order), channel
 *       posts (no person wrote them), messages from bots (anonymous group admins post as one),
 *       messages without text, presses under inline-mode messages (no chat).
 * </ul>
 *
 * <p>Chat types: {@code private} is {@link ChatKind#PRIVATE}; {@code group} and {@code supergroup}
 * are {@link ChatKind#GROUP}; {@code channel} is {@link ChatKind#CHANNEL}; a type Telegram may add
 * later counts as a group, where core is strictest about secrets.
 */
final class UpdateTranslator {
  static final String PLATFORM = "telegram";

  Optional<ChatEvent> translate(Update update) {
    if (update.getMessage() != null) {
      return text(update.getMessage());
    }
    if (update.getCallbackQuery() != null) {
      return press(update.getCallbackQuery());
    }
    return Optional.empty();
  }

  private static Optional<ChatEvent> text(Message message) {
    User from = message.getFrom();
    if (from == null || Boolean.TRUE.equals(from.getIsBot()) || message.getText() == null) {
      return Optional.empty();
    }
    ChatRef chat = chat(message.getChat());
    return Optional.of(
        new ChatEvent.TextMessage(
            chat,
            kind(message.getChat()),
            user(from),
            new MessageRef(chat, Integer.toString(message.getMessageId())),
            message.getText()));
  }

  private static Optional<ChatEvent> press(CallbackQuery query) {
    MaybeInaccessibleMessage message = query.getMessage();
    User from = query.getFrom();
    if (message == null || message.getChat() == null || from == null || query.getData() == null) {
      return Optional.empty();
    }
    ChatRef chat = chat(message.getChat());
    return Optional.of(
        new ChatEvent.ButtonPressed(
            chat,
            kind(message.getChat()),
            user(from),
            new MessageRef(chat, Integer.toString(message.getMessageId())),
            query.getData()));
  }

  static ChatKind kind(Chat chat) {
    return switch (chat.getType()) {
      case "private" -> ChatKind.PRIVATE;
      case "channel" -> ChatKind.CHANNEL;
      default -> ChatKind.GROUP;
    };
  }

  private static ChatRef chat(Chat chat) {
    return new ChatRef(PLATFORM, Long.toString(chat.getId()));
  }

  private static UserRef user(User user) {
    return new UserRef(PLATFORM, Long.toString(user.getId()));
  }
}
