package dev.orderlistbot.core.command;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a line into words at any run of white space: spaces, tabs, new lines, and the
 * non-breaking and other Unicode spaces that phones insert. Words keep their case and their offsets
 * in the original text, so a secret can be cut out of the text intact.
 */
final class Tokenizer {
  private Tokenizer() {}

  static boolean isSpace(int cp) {
    return Character.isWhitespace(cp) || Character.isSpaceChar(cp);
  }

  /** The words of {@code text}, from offset {@code from}. */
  static List<Token> split(String text, int from) {
    List<Token> tokens = new ArrayList<>();
    int start = -1;
    int i = from;
    while (i < text.length()) {
      int cp = text.codePointAt(i);
      if (isSpace(cp)) {
        if (start >= 0) {
          tokens.add(new Token(text.substring(start, i), start, i));
          start = -1;
        }
      } else if (start < 0) {
        start = i;
      }
      i += Character.charCount(cp);
    }
    if (start >= 0) {
      tokens.add(new Token(text.substring(start), start, text.length()));
    }
    return tokens;
  }

  /** The first word of {@code text} from offset {@code from}; empty text gives an empty word. */
  static Token first(String text, int from) {
    int end = from;
    while (end < text.length() && !isSpace(text.codePointAt(end))) {
      end += Character.charCount(text.codePointAt(end));
    }
    return new Token(text.substring(from, end), from, end);
  }

  /**
   * Where the line really starts: after white space and invisible format characters (a byte-order
   * mark or a zero-width space pasted in front of the slash).
   */
  static int start(String text) {
    int i = 0;
    while (i < text.length()) {
      int cp = text.codePointAt(i);
      if (!isSpace(cp) && Character.getType(cp) != Character.FORMAT) {
        return i;
      }
      i += Character.charCount(cp);
    }
    return i;
  }

  /** {@code text} without leading and trailing white space (in the sense of {@link #isSpace}). */
  static String strip(String text) {
    int start = 0;
    int end = text.length();
    while (start < end && isSpace(text.codePointAt(start))) {
      start += Character.charCount(text.codePointAt(start));
    }
    while (end > start && isSpace(text.codePointBefore(end))) {
      end -= Character.charCount(text.codePointBefore(end));
    }
    return text.substring(start, end);
  }
}
