package dev.orderlistbot.telegram;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts text into parts Telegram takes (at most {@code max} characters each), at line boundaries
 * where it can: whole lines are packed into a part until the next would not fit; only a single line
 * longer than {@code max} is cut inside, and never inside a surrogate pair. Blank lines where one
 * part ends and the next begins are dropped, and so are blank parts (Telegram refuses them). Lengths are counted in UTF-16 units, which is never less than
 * what Telegram counts.
 */
final class TextSplitter {
  private TextSplitter() {}

  static List<String> split(String text, int max) {
    if (max < 2) {
      throw new IllegalArgumentException("max must be at least 2");
    }
    List<String> parts = new ArrayList<>();
    StringBuilder part = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      if (!part.isEmpty() && part.length() + 1 + line.length() <= max) {
        part.append('\n').append(line);
        continue;
      }
      flush(part, parts);
      if (line.isBlank()) {
        continue; // a part never starts with blank lines
      }
      String rest = line;
      while (rest.length() > max) {
        int cut = Character.isHighSurrogate(rest.charAt(max - 1)) ? max - 1 : max;
        flush(new StringBuilder(rest.substring(0, cut)), parts);
        rest = rest.substring(cut);
      }
      part.append(rest);
    }
    flush(part, parts);
    return parts;
  }

  private static void flush(StringBuilder part, List<String> parts) {
    String text = part.toString().stripTrailing();
    if (!text.isEmpty()) {
      parts.add(text);
    }
    part.setLength(0);
  }
}
