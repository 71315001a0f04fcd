package dev.orderlistbot.telegram;

import java.util.List;

/**
 * A text as a photo's caption: Telegram takes {@value #MAX_CAPTION} characters after its HTML is
 * parsed, i.e. of the plain text (counted here in UTF-16 units, never less than Telegram counts).
 * What does not fit is {@link #rest()}, to be shown as a message of its own.
 *
 * @param shown the plain text of the caption
 * @param rest the plain text that did not fit, empty when all of it did
 */
record Caption(String shown, String rest) {
  static final int MAX_CAPTION = 1024;
  private static final String MORE = "\n…";

  /** Whether {@code text}, exactly as it would be uploaded, fits a caption whole. */
  static boolean fits(String text) {
    return text.length() <= MAX_CAPTION;
  }

  /**
   * {@code text} whole when it fits, else as much as fits cut at a line break (inside a line only if
   * the first line alone is too long) followed by an ellipsis, and the rest. Leading blank lines and
   * trailing white space are dropped first when the text would not fit with them; {@link #shown()}
   * is what to upload.
   */
  static Caption cut(String text) {
    if (fits(text)) {
      return new Caption(text, "");
    }
    String trimmed = text.replaceFirst("^(\\s*\\n)+", "").stripTrailing();
    if (fits(trimmed)) {
      return new Caption(trimmed, "");
    }
    List<String> parts = TextSplitter.split(text, MAX_CAPTION - MORE.length());
    String first = parts.getFirst();
    int end = text.indexOf(first) + first.length();
    String rest = text.substring(end);
    int start = 0;
    while (start < rest.length() && rest.charAt(start) == '\n') {
      start++; // the line break at the cut
    }
    return new Caption(first + MORE, rest.isBlank() ? "" : rest.substring(start).stripTrailing());
  }

  boolean complete() {
    return rest.isEmpty();
  }
}
