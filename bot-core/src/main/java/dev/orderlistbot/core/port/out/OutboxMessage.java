package dev.orderlistbot.core.port.out;

import dev.orderlistbot.core.chat.Button;
import dev.orderlistbot.core.chat.OutboundMessage;
import dev.orderlistbot.core.domain.ChatRef;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A chat message to deliver at least once.
 *
 * @param dedupeKey identifies the message's cause, e.g. {@code fill:BTCUSDT:123456:1}: enqueuing the
 *     same key twice stores one message (1 to 200 characters)
 * @param text the message, at most 8,000 characters
 * @param replaces the platform's id of a message in {@code target} that this text replaces in place
 *     (a preview that becomes its placement's result, an order card edited after an event); when that
 *     message can no longer be edited (deleted, too old), the text is sent as a new message. Empty
 *     for a new message.
 * @param buttons rows of buttons shown under the text (an order card's actions), possibly none: at
 *     most {@link #MAX_BUTTONS} in all, each label at most {@link #MAX_LABEL_LENGTH} characters with
 *     no line break or tab; empty rows are dropped
 * @param cardOf the order list (its {@code listClientOrderId}) whose card this message shows, if
 *     it does: when the message goes out as a new one (it replaced none, or the one it replaced
 *     could no longer be edited), the dispatcher records the new message as the card's, so the
 *     card's next edits replace it
 */
public record OutboxMessage(
    String dedupeKey,
    ChatRef target,
    String text,
    Optional<String> replaces,
    List<List<Button>> buttons,
    Optional<String> cardOf) {
  public static final int MAX_TEXT_LENGTH = 8_000;
  public static final int MAX_BUTTONS = 25;
  public static final int MAX_LABEL_LENGTH = 80;

  /** A new message (it replaces none) without buttons. */
  public OutboxMessage(String dedupeKey, ChatRef target, String text) {
    this(dedupeKey, target, text, Optional.empty(), List.of(), Optional.empty());
  }

  /** A message without buttons. */
  public OutboxMessage(String dedupeKey, ChatRef target, String text, Optional<String> replaces) {
    this(dedupeKey, target, text, replaces, List.of(), Optional.empty());
  }

  /** A message with buttons that is no card. */
  public OutboxMessage(String dedupeKey, ChatRef target, String text, Optional<String> replaces, List<List<Button>> buttons) {
    this(dedupeKey, target, text, replaces, buttons, Optional.empty());
  }

  public OutboxMessage {
    Objects.requireNonNull(replaces, "replaces");
    Objects.requireNonNull(dedupeKey, "dedupeKey");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(buttons, "buttons");
    Objects.requireNonNull(cardOf, "cardOf");
    if (cardOf.isPresent() && (cardOf.get().isBlank() || cardOf.get().length() > 64)) {
      throw new IllegalArgumentException("a card's list id is 1 to 64 characters");
    }
    if (dedupeKey.isBlank() || dedupeKey.length() > 200) {
      throw new IllegalArgumentException("a dedupe key is 1 to 200 characters");
    }
    if (text.length() > MAX_TEXT_LENGTH) {
      throw new IllegalArgumentException("text longer than " + MAX_TEXT_LENGTH + " characters");
    }
    buttons = buttons.stream().filter(row -> !row.isEmpty()).map(List::copyOf).toList();
    if (buttons.stream().mapToInt(List::size).sum() > MAX_BUTTONS) {
      throw new IllegalArgumentException("at most " + MAX_BUTTONS + " buttons");
    }
    for (List<Button> row : buttons) {
      for (Button button : row) {
        String label = button.label();
        if (label.length() > MAX_LABEL_LENGTH || label.chars().anyMatch(c -> c == '\n' || c == '\r' || c == '\t')) {
          throw new IllegalArgumentException("a button label in the outbox is at most " + MAX_LABEL_LENGTH
              + " characters on one line");
        }
      }
    }
  }

  /** This message with these rows of buttons. */
  public OutboxMessage withButtons(List<List<Button>> rows) {
    return new OutboxMessage(dedupeKey, target, text, replaces, rows, cardOf);
  }

  /** This message as the card of list {@code listClientOrderId}. */
  public OutboxMessage asCardOf(String listClientOrderId) {
    return new OutboxMessage(dedupeKey, target, text, replaces, buttons, Optional.of(listClientOrderId));
  }

  /** What a platform is asked to show: the text and the buttons. */
  public OutboundMessage outbound() {
    return new OutboundMessage(text, buttons);
  }
}
