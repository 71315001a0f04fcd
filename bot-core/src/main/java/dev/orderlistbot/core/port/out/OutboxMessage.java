package dev.orderlistbot.core.port.out;

import dev.orderlistbot.core.domain.ChatRef;
import java.util.Objects;
import java.util.Optional;

/**
 * A chat message to deliver at least once.
 *
 * @param dedupeKey identifies the message's cause, e.g. {@code fill:BTCUSDT:123456:1}: enqueuing the
 *     same key twice stores one message (1 to 200 characters)
 * @param text the message, at most 8,000 characters
 * @param replaces the platform's id of a message in {@code target} that this text replaces in place
 *     (a preview that becomes its placement's result); when that message can no longer be edited
 *     (deleted, too old), the text is sent as a new message. Empty for a new message.
 */
public record OutboxMessage(String dedupeKey, ChatRef target, String text, Optional<String> replaces) {
  public static final int MAX_TEXT_LENGTH = 8_000;

  /** A new message (it replaces none). */
  public OutboxMessage(String dedupeKey, ChatRef target, String text) {
    this(dedupeKey, target, text, Optional.empty());
  }

  public OutboxMessage {
    Objects.requireNonNull(replaces, "replaces");
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
