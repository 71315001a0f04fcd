package dev.orderlistbot.core.chat;

import java.util.List;
import java.util.Objects;

/**
 * A message core asks a platform to show: plain text (adapters escape it for their markup) and
 * rows of buttons, possibly none. Example: a preview with one row {@code [Confirm] [Cancel]}.
 */
public record OutboundMessage(String text, List<List<Button>> buttonRows) {
  public OutboundMessage {
    Objects.requireNonNull(text, "text");
    if (text.isBlank()) {
      throw new IllegalArgumentException("a message needs text");
    }
    buttonRows = buttonRows.stream().filter(row -> !row.isEmpty()).map(List::copyOf).toList();
  }

  /** Text without buttons. */
  public static OutboundMessage text(String text) {
    return new OutboundMessage(text, List.of());
  }

  /** Text with one row of buttons. */
  public static OutboundMessage withButtons(String text, Button... row) {
    return new OutboundMessage(text, List.of(List.of(row)));
  }

  public boolean hasButtons() {
    return !buttonRows.isEmpty();
  }

  /** Every button, row after row, as a person would number them. */
  public List<Button> buttons() {
    return buttonRows.stream().flatMap(List::stream).toList();
  }
}
