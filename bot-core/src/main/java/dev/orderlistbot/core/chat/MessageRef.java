package dev.orderlistbot.core.chat;

import dev.orderlistbot.core.domain.ChatRef;
import java.util.Objects;

/** One message in one chat, by the platform's own message id (kept as text). */
public record MessageRef(ChatRef chat, String messageId) {
  public MessageRef {
    Objects.requireNonNull(chat, "chat");
    Objects.requireNonNull(messageId, "messageId");
    if (messageId.isBlank() || messageId.length() > 128) {
      throw new IllegalArgumentException("a message id is 1 to 128 characters");
    }
  }

  @Override
  public String toString() {
    return chat + "/" + messageId;
  }
}
