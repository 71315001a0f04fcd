package dev.orderlistbot.core.port.out;

import dev.orderlistbot.core.domain.ChatRef;
import java.util.Objects;

/**
 * A chat message to deliver at least once.
 *
 * @param dedupeKey identifies the message's cause, e.g. {@code fill:BTCUSDT:123456:1}: enqueuing the
 *     same key twice stores one message (1 to 200 characters)
 * @param text the message, at most 8,000 characters
 */
public record OutboxMessage(String dedupeKey, ChatRef target, String text) {
  public static final int MAX_TEXT_LENGTH = 8_000;

  public OutboxMessage {
    Objects.requireNonNull(dedupeKey, "dedupeKey");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(text, "text");
    if (dedupeKey.isBlank() || dedupeKey.length() > 200) {
      throw new IllegalArgumentException("a dedupe key is 1 to 200 characters");
    }
    if (text.length() > MAX_TEXT_LENGTH) {
      throw new IllegalArgumentException("text longer than " + MAX_TEXT_LENGTH + " characters");
    }
  }
}
