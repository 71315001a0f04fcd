package dev.orderlistbot.core.command;

/**
 * How a typed token is shown back in an error: at most {@value #MAX_SHOWN} characters, with
 * invisible and control characters written as {@code <U+200B>} so the trader can see them.
 */
final class Quote {
  static final int MAX_SHOWN = 24;

  private Quote() {}

  /** {@code raw} in single quotes, shortened and made visible. */
  static String quoted(String raw) {
    return "'" + shown(raw) + "'";
  }

  /** {@code raw} shortened to {@value #MAX_SHOWN} code points (then "…") and made visible. */
  static String shown(String raw) {
    StringBuilder out = new StringBuilder();
    int count = 0;
    for (int i = 0; i < raw.length(); i += Character.charCount(raw.codePointAt(i))) {
      if (count == MAX_SHOWN) {
        return out.append('…').toString();
      }
      int cp = raw.codePointAt(i);
      if (isInvisible(cp)) {
        out.append(codePointName(cp));
      } else {
        out.appendCodePoint(cp);
      }
      count++;
    }
    return out.toString();
  }

  /** Whether {@code cp} cannot be seen in a chat (control, format, separator, unassigned). */
  static boolean isInvisible(int cp) {
    int type = Character.getType(cp);
    return Character.isISOControl(cp)
        || type == Character.FORMAT
        || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR
        || type == Character.SURROGATE
        || type == Character.PRIVATE_USE
        || type == Character.UNASSIGNED;
  }

  /** {@code U+200B} style name of a code point. */
  static String codePointName(int cp) {
    return String.format("<U+%04X>", cp);
  }
}
