package dev.orderlistbot.core.chat;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A message core asks a platform to show: plain text (adapters escape it for their markup), rows of
 * buttons, possibly none, and possibly a picture (a chart) shown with the text. Example: a preview
 * with its chart and one row {@code [Confirm] [Cancel]}.
 */
public record OutboundMessage(String text, List<List<Button>> buttonRows, Optional<Picture> picture) {
  public OutboundMessage {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(picture, "picture");
    if (text.isBlank()) {
      throw new IllegalArgumentException("a message needs text");
    }
    buttonRows = buttonRows.stream().filter(row -> !row.isEmpty()).map(List::copyOf).toList();
  }

  /** Text and buttons, no picture. */
  public OutboundMessage(String text, List<List<Button>> buttonRows) {
    this(text, buttonRows, Optional.empty());
  }

  /** Text without buttons. */
  public static OutboundMessage text(String text) {
    return new OutboundMessage(text, List.of());
  }

  /** Text with one row of buttons. */
  public static OutboundMessage withButtons(String text, Button... row) {
    return new OutboundMessage(text, List.of(List.of(row)));
  }

  /** This message with {@code picture} shown with its text. */
  public OutboundMessage withPicture(Picture picture) {
    return new OutboundMessage(text, buttonRows, Optional.of(picture));
  }

  /** This message without its picture: what goes out when the picture cannot. */
  public OutboundMessage withoutPicture() {
    return new OutboundMessage(text, buttonRows, Optional.empty());
  }

  public boolean hasButtons() {
    return !buttonRows.isEmpty();
  }

  /** Every button, row after row, as a person would number them. */
  public List<Button> buttons() {
    return buttonRows.stream().flatMap(List::stream).toList();
  }
}
