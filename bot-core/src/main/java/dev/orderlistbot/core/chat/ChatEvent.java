package dev.orderlistbot.core.chat;

import dev.orderlistbot.core.domain.ChatRef;
import dev.orderlistbot.core.domain.UserRef;
import java.util.Objects;

/**
 * Something a user did in a chat, translated by an adapter. Switch over it exhaustively.
 *
 * <p>Example: a Telegram user 42 typing {@code /oco BTCUSDT sell 0.01 tp 32000 sl 29000} in a
 * private chat arrives as {@code TextMessage(ChatRef("telegram","42"), PRIVATE, UserRef("telegram",
 * "42"), MessageRef(…, "1001"), "/oco …")}.
 */
public sealed interface ChatEvent {
  ChatRef chat();

  ChatKind kind();

  UserRef user();

  /** Any text the user sent: a command, or an answer to a question the bot asked. */
  record TextMessage(ChatRef chat, ChatKind kind, UserRef user, MessageRef message, String text)
      implements ChatEvent {
    public TextMessage {
      requireSamePlatform(chat, user);
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(message, "message");
      Objects.requireNonNull(text, "text");
    }

    /** Never prints the text: it may hold a secret (a {@code /setkey} line). */
    @Override
    public String toString() {
      return "TextMessage[" + user + " in " + chat + " (" + kind + "), message " + message.messageId() + "]";
    }
  }

  /**
   * A button press. The adapter has already acknowledged it to the platform (Telegram's spinner,
   * Discord's 3-second deadline) before handing it to core.
   */
  record ButtonPressed(ChatRef chat, ChatKind kind, UserRef user, MessageRef message, String token)
      implements ChatEvent {
    public ButtonPressed {
      requireSamePlatform(chat, user);
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(message, "message");
      Objects.requireNonNull(token, "token");
    }
  }

  /**
   * A step-up code typed into a platform's form (Discord's modal) for the button {@code token} of
   * {@link CodeButtons}. The form is private to the user; {@code message} is the message the button
   * sat on.
   */
  record CodeEntered(ChatRef chat, ChatKind kind, UserRef user, MessageRef message, String token, String code)
      implements ChatEvent {
    public CodeEntered {
      requireSamePlatform(chat, user);
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(message, "message");
      Objects.requireNonNull(token, "token");
      Objects.requireNonNull(code, "code");
      if (!CodeButtons.asksForCode(token)) {
        throw new IllegalArgumentException("a code answers a code button");
      }
    }

    /** Never prints the code. */
    @Override
    public String toString() {
      return "CodeEntered[" + user + " in " + chat + " (" + kind + "), message " + message.messageId() + "]";
    }
  }

  private static void requireSamePlatform(ChatRef chat, UserRef user) {
    Objects.requireNonNull(chat, "chat");
    Objects.requireNonNull(user, "user");
    if (!chat.platform().equals(user.platform())) {
      throw new IllegalArgumentException("chat and user must be on the same platform");
    }
  }
}
